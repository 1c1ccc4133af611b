package org.robustecg.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.robustecg.attack.AttackRecord;

/**
 * Robustness of one attack's evaluation (METHOD 6.2-6.4): accuracy and macro F1 at every radius, the clean
 * point at radius 0, and ACC_robust = sqrt(ACC_clean x AUC), AUC the trapezoid area under the accuracy
 * curve from 0 to eps_max divided by eps_max (F1_robust likewise with macro F1). Every figure has a 95 %
 * interval: Wilson for accuracies, the percentile bootstrap over beats (seeded) for macro F1, ACC_robust and
 * F1_robust, which depend on all beats at once (widened to hold the estimate when a skewed bootstrap misses it).
 *
 * @param attack     attack name
 * @param curve      one point per radius, ascending, starting at 0
 * @param epsMax     upper end of the area
 * @param accRobust  ACC_robust in [0, 1]
 * @param f1Robust   F1_robust in [0, 1]
 * @param accRobustInterval 95 % interval of ACC_robust
 * @param f1RobustInterval  95 % interval of F1_robust
 * @param classes    class names, in the index order of the confusion matrices
 * @param confusions the confusion matrix at each point of the curve
 */
public record RobustnessScore(String attack, List<CurvePoint> curve, double epsMax, double accRobust, double f1Robust,
        Interval accRobustInterval, Interval f1RobustInterval, List<String> classes, List<ConfusionMatrix> confusions) {

    /** The name of the per-beat worst case over the attacks of a predictions table without ensemble rows. */
    public static final String WORST_CASE = "worst-case";
    /** The attack name of the ensemble evaluation (APGD-CE, APGD-T, Square). */
    public static final String ENSEMBLE = "ensemble";
    /** Bootstrap resamples of the beats, and their seed. */
    static final int RESAMPLES = 1000;
    static final long SEED = 1;

    /** Accuracy and macro F1 at one radius, with their 95 % intervals. */
    public record CurvePoint(double epsilon, double accuracy, double macroF1, Interval accuracyInterval,
            Interval macroF1Interval) {
    }

    /**
     * Scores every attack of a predictions table. When the table has no ensemble rows but two or more l-inf
     * attacks, a per-beat worst case over them is added last (see {@link WorstCase}).
     *
     * @param cleanMistakesStay if true (the reference code's rule), a sample the model gets wrong on clean input
     *                          counts as wrong, with its clean prediction, at every radius
     */
    public static List<RobustnessScore> score(List<AttackRecord> rows, double epsMax, boolean cleanMistakesStay) {
        if (!(epsMax > 0)) {
            throw new IllegalArgumentException("eps_max must be positive, is " + epsMax);
        }
        List<AttackRecord> all = new ArrayList<>(rows);
        all.addAll(WorstCase.rows(rows, epsMax));
        Map<String, List<AttackRecord>> byAttack = new LinkedHashMap<>();
        TreeSet<String> names = new TreeSet<>();
        for (AttackRecord r : all) {
            byAttack.computeIfAbsent(r.attack(), k -> new ArrayList<>()).add(r);
            names.add(r.label());
            names.add(r.prediction());
        }
        Map<String, Integer> index = new HashMap<>();
        for (String n : names) {
            index.put(n, index.size());
        }
        List<RobustnessScore> scores = new ArrayList<>();
        for (Map.Entry<String, List<AttackRecord>> e : byAttack.entrySet()) {
            scores.add(scoreOne(e.getKey(), e.getValue(), index, epsMax, cleanMistakesStay));
        }
        return scores;
    }

    /** The headline of a table's scores: the ensemble, else the worst case, else the only (or first) attack. */
    public static RobustnessScore headline(List<RobustnessScore> scores) {
        for (String name : List.of(ENSEMBLE, WORST_CASE)) {
            for (RobustnessScore s : scores) {
                if (s.attack().equals(name)) {
                    return s;
                }
            }
        }
        return scores.get(0);
    }

    private static RobustnessScore scoreOne(String attack, List<AttackRecord> rows, Map<String, Integer> index,
            double epsMax, boolean cleanMistakesStay) {
        TreeMap<Double, List<AttackRecord>> byEps = new TreeMap<>();
        TreeSet<Integer> ids = new TreeSet<>();
        for (AttackRecord r : rows) {
            byEps.computeIfAbsent(r.epsilon(), k -> new ArrayList<>()).add(r);
            ids.add(r.sampleId());
        }
        if (!byEps.containsKey(0.0)) {
            throw new IllegalArgumentException("attack " + attack + " has no clean rows (epsilon 0)");
        }
        Map<Integer, String> cleanPrediction = new HashMap<>();
        for (AttackRecord r : byEps.get(0.0)) {
            cleanPrediction.put(r.sampleId(), r.prediction());
        }
        Map<Integer, Integer> beat = new HashMap<>();
        for (int id : ids) {
            beat.put(id, beat.size());
        }
        // Per radius and beat: the true and the counted class (-1 where the beat has no row at that radius).
        int points = byEps.size();
        int[][] labels = new int[points][ids.size()];
        int[][] predictions = new int[points][ids.size()];
        List<Double> radii = new ArrayList<>(byEps.keySet());
        List<ConfusionMatrix> confusions = new ArrayList<>();
        for (int e = 0; e < points; e++) {
            java.util.Arrays.fill(labels[e], -1);
            List<AttackRecord> at = byEps.get(radii.get(e));
            int[] l = new int[at.size()];
            int[] p = new int[at.size()];
            for (int i = 0; i < at.size(); i++) {
                AttackRecord r = at.get(i);
                String clean = r.cleanPrediction() != null ? r.cleanPrediction() : cleanPrediction.get(r.sampleId());
                String predicted = cleanMistakesStay && clean != null && !clean.equals(r.label()) ? clean : r.prediction();
                l[i] = index.get(r.label());
                p[i] = index.get(predicted);
                labels[e][beat.get(r.sampleId())] = l[i];
                predictions[e][beat.get(r.sampleId())] = p[i];
            }
            confusions.add(ConfusionMatrix.of(l, p, index.size()));
        }
        double[][] f1Replicates = new double[points][RESAMPLES];
        double[] accRobustReplicates = new double[RESAMPLES];
        double[] f1RobustReplicates = new double[RESAMPLES];
        SplittableRandom random = new SplittableRandom(SEED);
        int n = ids.size();
        for (int b = 0; b < RESAMPLES; b++) {
            int[] weights = new int[n];
            for (int i = 0; i < n; i++) {
                weights[random.nextInt(n)]++;
            }
            List<CurvePoint> resampled = new ArrayList<>();
            for (int e = 0; e < points; e++) {
                ConfusionMatrix c = weighted(labels[e], predictions[e], weights, index.size());
                f1Replicates[e][b] = c.macroF1();
                resampled.add(new CurvePoint(radii.get(e), c.accuracy(), c.macroF1(), null, null));
            }
            accRobustReplicates[b] = robust(resampled, epsMax, true, attack);
            f1RobustReplicates[b] = robust(resampled, epsMax, false, attack);
        }
        List<CurvePoint> curve = new ArrayList<>();
        for (int e = 0; e < points; e++) {
            ConfusionMatrix c = confusions.get(e);
            long correct = 0;
            for (int k = 0; k < c.classes(); k++) {
                correct += c.count(k, k);
            }
            curve.add(new CurvePoint(radii.get(e), c.accuracy(), c.macroF1(), Interval.wilson(correct, c.total()),
                    Interval.percentile(f1Replicates[e]).including(c.macroF1())));
        }
        List<String> classes = new ArrayList<>(index.keySet());
        classes.sort(java.util.Comparator.comparingInt(index::get));
        double accRobust = robust(curve, epsMax, true, attack);
        double f1Robust = robust(curve, epsMax, false, attack);
        return new RobustnessScore(attack, List.copyOf(curve), epsMax, accRobust, f1Robust,
                Interval.percentile(accRobustReplicates).including(accRobust),
                Interval.percentile(f1RobustReplicates).including(f1Robust), List.copyOf(classes),
                List.copyOf(confusions));
    }

    /** The beats present at a radius, each taken its bootstrap weight times. */
    private static ConfusionMatrix weighted(int[] labels, int[] predictions, int[] weights, int classes) {
        int present = 0;
        for (int l : labels) {
            present += l >= 0 ? 1 : 0;
        }
        int[] l = new int[present];
        int[] p = new int[present];
        int[] w = new int[present];
        int j = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                l[j] = labels[i];
                p[j] = predictions[i];
                w[j++] = weights[i];
            }
        }
        return ConfusionMatrix.weighted(l, p, w, classes);
    }

    /** ACC_robust (or F1_robust) of a curve: sqrt(clean value x normalised area up to epsMax). */
    private static double robust(List<CurvePoint> curve, double epsMax, boolean accuracy, String attack) {
        double clean = accuracy ? curve.get(0).accuracy() : curve.get(0).macroF1();
        double product = clean * area(curve, epsMax, accuracy, attack);
        // A resample without any beat at a radius has no value there (0 / 0): it counts as no robustness.
        return Double.isNaN(product) ? 0 : Math.sqrt(product);
    }

    /** Trapezoid area under the curve from 0 to epsMax (interpolating at epsMax), divided by epsMax. */
    static double area(List<CurvePoint> curve, double epsMax, boolean accuracy, String attack) {
        if (curve.get(curve.size() - 1).epsilon() < epsMax) {
            throw new IllegalArgumentException("attack " + attack + " stops at eps " + curve.get(curve.size() - 1).epsilon()
                    + ", below eps_max " + epsMax);
        }
        double area = 0;
        for (int i = 1; i < curve.size(); i++) {
            CurvePoint a = curve.get(i - 1);
            CurvePoint b = curve.get(i);
            double ya = accuracy ? a.accuracy() : a.macroF1();
            double yb = accuracy ? b.accuracy() : b.macroF1();
            if (b.epsilon() >= epsMax) {
                double yAtMax = ya + (yb - ya) * (epsMax - a.epsilon()) / (b.epsilon() - a.epsilon());
                area += (epsMax - a.epsilon()) * (ya + yAtMax) / 2;
                break;
            }
            area += (b.epsilon() - a.epsilon()) * (ya + yb) / 2;
        }
        return area / epsMax;
    }
}
