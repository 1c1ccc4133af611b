package org.robustecg.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded ways to divide and re-balance datasets. */
public final class Splits {

    private Splits() {
    }

    /**
     * Random split stratified by class: each class contributes round(testFraction x its count) items to the
     * test part, chosen by a seeded shuffle; item order inside each part follows the original order.
     */
    public static Split stratified(Dataset data, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be between 0 and 1, is " + testFraction);
        }
        Random random = new Random(seed);
        boolean[] test = new boolean[data.size()];
        for (int c = 0; c < data.classNames().size(); c++) {
            List<Integer> members = members(data, c);
            shuffle(members, random);
            long take = Math.round(testFraction * members.size());
            for (int k = 0; k < take; k++) {
                test[members.get(k)] = true;
            }
        }
        return divide(data, test);
    }

    /** Items of the test records go to the test part, the others to training (e.g. de Chazal's DS1/DS2). */
    public static Split byRecord(Dataset data, Collection<String> trainRecords, Collection<String> testRecords) {
        Set<String> train = Set.copyOf(trainRecords);
        Set<String> test = Set.copyOf(testRecords);
        List<Integer> keep = new ArrayList<>();
        boolean[] isTest = new boolean[data.size()];
        for (int i = 0; i < data.size(); i++) {
            String r = data.recordIds()[i];
            if (train.contains(r) || test.contains(r)) {
                keep.add(i);
                isTest[i] = test.contains(r);
            }
        }
        Dataset kept = data.select(keep.stream().mapToInt(Integer::intValue).toArray());
        boolean[] keptTest = new boolean[kept.size()];
        for (int k = 0; k < keep.size(); k++) {
            keptTest[k] = isTest[keep.get(k)];
        }
        return divide(kept, keptTest);
    }

    /**
     * Class-balanced up-sampling as in the CASLCNet paper: every class that has items is tiled (all its items,
     * repeated, then a seeded random remainder) up to the size of the largest class; items then shuffled.
     */
    public static Dataset upsample(Dataset data, long seed) {
        Random random = new Random(seed);
        int[] counts = data.classCounts();
        int target = 0;
        for (int c : counts) {
            target = Math.max(target, c);
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            List<Integer> members = members(data, c);
            if (members.isEmpty()) {
                continue;
            }
            for (int k = 0; k + members.size() <= target; k += members.size()) {
                order.addAll(members);
            }
            List<Integer> rest = new ArrayList<>(members);
            shuffle(rest, random);
            order.addAll(rest.subList(0, target % members.size()));
        }
        shuffle(order, random);
        return data.select(order.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * A hold-out of {@code perClass} items of every class (all of a smaller class), chosen by a seeded
     * shuffle, as the test part; the rest is training (e.g. CPSC2018's 50 records per class).
     */
    public static Split perClass(Dataset data, int perClass, long seed) {
        Random random = new Random(seed);
        boolean[] test = new boolean[data.size()];
        for (int c = 0; c < data.classNames().size(); c++) {
            List<Integer> members = members(data, c);
            shuffle(members, random);
            for (int k = 0; k < Math.min(perClass, members.size()); k++) {
                test[members.get(k)] = true;
            }
        }
        return divide(data, test);
    }

    private static List<Integer> members(Dataset data, int label) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (data.labels()[i] == label) {
                members.add(i);
            }
        }
        return members;
    }

    /** Fisher-Yates with the given generator (java.util.Collections.shuffle's order is not a documented contract). */
    private static void shuffle(List<Integer> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static Split divide(Dataset data, boolean[] test) {
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            (test[i] ? b : a).add(i);
        }
        return new Split(data.select(a.stream().mapToInt(Integer::intValue).toArray()),
                data.select(b.stream().mapToInt(Integer::intValue).toArray()));
    }
}
