package org.robustecg.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.robustecg.attack.AttackRecord;

/**
 * Robustness of one attack's evaluation (SPEC section 5): accuracy and macro F1 at every radius, the clean
 * point at radius 0, and ACC_robust = sqrt(ACC_clean x AUC), AUC the trapezoid area under the accuracy
 * curve from 0 to eps_max divided by eps_max (F1_robust likewise with macro F1).
 *
 * @param attack   attack name
 * @param curve    one point per radius, ascending, starting at 0
 * @param epsMax   upper end of the area
 * @param accRobust ACC_robust in [0, 1]
 * @param f1Robust F1_robust in [0, 1]
 * @param classes  class names, in the index order of the confusion matrices
 * @param confusions the confusion matrix at each point of the curve
 */
public record RobustnessScore(String attack, List<CurvePoint> curve, double epsMax, double accRobust, double f1Robust,
        List<String> classes, List<ConfusionMatrix> confusions) {

    /** Accuracy and macro F1 at one radius. */
    public record CurvePoint(double epsilon, double accuracy, double macroF1) {
    }

    /**
     * Scores every attack of a predictions table.
     *
     * @param cleanMistakesStay if true (the reference code's rule), a sample the model gets wrong on clean input
     *                          counts as wrong, with its clean prediction, at every radius
     */
    public static List<RobustnessScore> score(List<AttackRecord> rows, double epsMax, boolean cleanMistakesStay) {
        if (!(epsMax > 0)) {
            throw new IllegalArgumentException("eps_max must be positive, is " + epsMax);
        }
        Map<String, List<AttackRecord>> byAttack = new LinkedHashMap<>();
        TreeSet<String> names = new TreeSet<>();
        for (AttackRecord r : rows) {
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

    private static RobustnessScore scoreOne(String attack, List<AttackRecord> rows, Map<String, Integer> index,
            double epsMax, boolean cleanMistakesStay) {
        TreeMap<Double, List<AttackRecord>> byEps = new TreeMap<>();
        for (AttackRecord r : rows) {
            byEps.computeIfAbsent(r.epsilon(), k -> new ArrayList<>()).add(r);
        }
        if (!byEps.containsKey(0.0)) {
            throw new IllegalArgumentException("attack " + attack + " has no clean rows (epsilon 0)");
        }
        Map<Integer, String> cleanPrediction = new HashMap<>();
        for (AttackRecord r : byEps.get(0.0)) {
            cleanPrediction.put(r.sampleId(), r.prediction());
        }
        List<CurvePoint> curve = new ArrayList<>();
        List<ConfusionMatrix> confusions = new ArrayList<>();
        for (Map.Entry<Double, List<AttackRecord>> point : byEps.entrySet()) {
            List<AttackRecord> at = point.getValue();
            int[] labels = new int[at.size()];
            int[] predictions = new int[at.size()];
            for (int i = 0; i < at.size(); i++) {
                AttackRecord r = at.get(i);
                String clean = r.cleanPrediction() != null ? r.cleanPrediction() : cleanPrediction.get(r.sampleId());
                String predicted = cleanMistakesStay && clean != null && !clean.equals(r.label()) ? clean : r.prediction();
                labels[i] = index.get(r.label());
                predictions[i] = index.get(predicted);
            }
            ConfusionMatrix c = ConfusionMatrix.of(labels, predictions, index.size());
            curve.add(new CurvePoint(point.getKey(), c.accuracy(), c.macroF1()));
            confusions.add(c);
        }
        double accAuc = area(curve, epsMax, true, attack);
        double f1Auc = area(curve, epsMax, false, attack);
        List<String> classes = new ArrayList<>(index.keySet());
        classes.sort(java.util.Comparator.comparingInt(index::get));
        return new RobustnessScore(attack, List.copyOf(curve), epsMax, Math.sqrt(curve.get(0).accuracy() * accAuc),
                Math.sqrt(curve.get(0).macroF1() * f1Auc), List.copyOf(classes), List.copyOf(confusions));
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
