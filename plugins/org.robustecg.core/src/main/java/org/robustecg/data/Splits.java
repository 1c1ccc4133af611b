package org.robustecg.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** Seeded ways to divide and re-balance datasets. */
public final class Splits {

    private Splits() {
    }

    /**
     * Random split stratified by class: each class contributes round(testFraction x its count) items to the
     * test part, chosen by a seeded shuffle; item order inside each part follows the original order.
     *
     * @throws DatasetException when a part would have no items
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
        Split split = divide(data, test);
        if (split.train().size() == 0 || split.test().size() == 0) {
            throw new DatasetException("a random split of " + data.size() + (data.size() == 1 ? " item" : " items")
                    + " with test fraction " + testFraction + " leaves the "
                    + (split.test().size() == 0 ? "test" : "training") + " part empty (each class gives round(fraction x its items) to testing): use more items or"
                    + " another test fraction");
        }
        return split;
    }

    /** Items a {@link #stratified} split with this fraction gives to the test part. */
    public static long stratifiedTestSize(Dataset data, double testFraction) {
        return Arrays.stream(data.classCounts()).mapToLong(n -> Math.round(testFraction * n)).sum();
    }

    /**
     * Items of the test records go to the test part, items of the training records to training, others are
     * dropped (e.g. de Chazal's DS1/DS2).
     *
     * @throws DatasetException when a part would have no items
     */
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
        Split split = divide(kept, keptTest);
        if (split.train().size() == 0 || split.test().size() == 0) {
            boolean noTest = split.test().size() == 0;
            throw new DatasetException("an inter-patient split leaves the " + (noTest ? "test" : "training")
                    + " part empty: none of the items comes from its records " + listed(noTest ? test : train)
                    + "; the items come from records " + listed(Arrays.asList(data.recordIds()))
                    + " (each part needs items of at least one of its records)");
        }
        return split;
    }

    /** Up to ten names, sorted, for messages. */
    private static String listed(Collection<String> names) {
        List<String> sorted = new TreeSet<>(names).stream().toList();
        return sorted.size() <= 10 ? sorted.toString()
                : sorted.subList(0, 10).toString().replace("]", ", ... (" + sorted.size() + " in all)]");
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
     * A hold-out of {@code perClass} items of every class, chosen by a seeded shuffle, as the test part; the
     * rest is training (e.g. CPSC2018's 50 records per class).
     *
     * @throws DatasetException when a class that has items would keep none of them for training
     */
    public static Split perClass(Dataset data, int perClass, long seed) {
        if (perClass < 1) {
            throw new DatasetException("a hold-out of " + perClass + " items per class is empty: hold out 1 or more");
        }
        int[] counts = data.classCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && counts[c] <= perClass) {
                throw new DatasetException("class " + data.classNames().get(c) + " has " + counts[c] + " item"
                        + (counts[c] == 1 ? "" : "s") + ": holding out " + perClass + " per class for testing"
                        + " leaves none of it for training (hold out fewer than the smallest class, " + smallest(counts)
                        + ", or use more data)");
            }
        }
        return divide(data, heldOut(data, perClass, seed));
    }

    /**
     * Up to {@code perClass} items of every class (all of a smaller class), chosen by a seeded shuffle, in
     * their original order: a smaller, class-balanced dataset.
     *
     * @throws DatasetException when that leaves no items
     */
    public static Dataset sample(Dataset data, int perClass, long seed) {
        if (perClass < 1 || data.size() == 0) {
            throw new DatasetException("a selection of " + perClass + " items per class from " + data.size()
                    + " items is empty: select 1 or more per class from a dataset with items");
        }
        boolean[] chosen = heldOut(data, perClass, seed);
        return data.select(IntStream.range(0, data.size()).filter(i -> chosen[i]).toArray());
    }

    /** {@code perClass} items of every class (all of a smaller class), chosen by a seeded shuffle. */
    private static boolean[] heldOut(Dataset data, int perClass, long seed) {
        Random random = new Random(seed);
        boolean[] chosen = new boolean[data.size()];
        for (int c = 0; c < data.classNames().size(); c++) {
            List<Integer> members = members(data, c);
            shuffle(members, random);
            for (int k = 0; k < Math.min(perClass, members.size()); k++) {
                chosen[members.get(k)] = true;
            }
        }
        return chosen;
    }

    private static int smallest(int[] counts) {
        return Arrays.stream(counts).filter(n -> n > 0).min().orElse(0);
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
