package org.robustecg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.robustecg.attack.AttackRecord;

/** The 95 % intervals against hand-computed cases, and the per-beat worst case over attacks. */
class IntervalsAndWorstCaseTest {

    @Test
    void wilsonIntervalsByHand() {
        // 75 of 100: centre (0.75 + 1.96^2 / 200) / (1 + 1.96^2 / 100), half width 1.96 / 1.0384
        // sqrt(0.75 * 0.25 / 100 + 1.96^2 / 40000) = 0.740752 -+ 0.083796: [0.65696, 0.82455].
        Interval i = Interval.wilson(75, 100);
        assertEquals(0.65696, i.low(), 1e-5);
        assertEquals(0.82455, i.high(), 1e-5);
        // 0 of 10: [0, z^2 / (n + z^2)] = [0, 3.8415 / 13.8415]; 10 of 10 mirrors it.
        assertEquals(0, Interval.wilson(0, 10).low(), 1e-12);
        assertEquals(3.841459 / 13.841459, Interval.wilson(0, 10).high(), 1e-6);
        assertEquals(10 / 13.841459, Interval.wilson(10, 10).low(), 1e-6);
        assertEquals(1, Interval.wilson(10, 10).high());
        assertEquals(0, Interval.wilson(0, 7).low());
        for (int k = 0; k <= 37; k++) {
            Interval w = Interval.wilson(k, 37);
            assertTrue(w.low() <= k / 37.0 && k / 37.0 <= w.high(), k + " of 37");
        }
        assertEquals("[65.70, 82.45] %", i.percent());
        assertTrue(i.overlaps(new Interval(0.82, 0.9)));
        assertFalse(i.overlaps(new Interval(0.825, 0.9)));
    }

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        double[] replicates = new double[101];
        for (int k = 0; k <= 100; k++) {
            replicates[k] = (100 - k) / 100.0;
        }
        Interval i = Interval.percentile(replicates);
        assertEquals(0.025, i.low(), 1e-12);
        assertEquals(0.975, i.high(), 1e-12);
    }

    /** n beats, two classes; at radius 0 {@code clean} beats right, at 0.1 {@code robust} of them right. */
    private static List<AttackRecord> beats(String attack, int n, int clean, int robust) {
        List<AttackRecord> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String label = i % 2 == 0 ? "A" : "B";
            String wrong = i % 2 == 0 ? "B" : "A";
            String c = i < clean ? label : wrong;
            rows.add(new AttackRecord(attack, 0, i, label, c, c, 0, 0, 0));
            rows.add(new AttackRecord(attack, 0.1, i, label, i < robust ? label : wrong, c, 0, 0, 0));
        }
        return rows;
    }

    @Test
    void bootstrapIntervalsOfTheRobustFigures() {
        // Every beat right everywhere: every resample gives ACC_robust = F1_robust = 1, so does the interval.
        RobustnessScore perfect = RobustnessScore.score(beats("pgd", 40, 40, 40), 0.1, true).get(0);
        assertEquals(1, perfect.accRobust(), 1e-12);
        assertEquals(new Interval(1, 1), perfect.accRobustInterval());
        assertEquals(new Interval(1, 1), perfect.f1RobustInterval());
        assertEquals(new Interval(1, 1), perfect.curve().get(1).macroF1Interval());
        // Curve accuracies get Wilson intervals: 30 of 40 right at eps 0.1.
        RobustnessScore s = RobustnessScore.score(beats("pgd", 40, 40, 30), 0.1, true).get(0);
        assertEquals(Interval.wilson(30, 40), s.curve().get(1).accuracyInterval());
        // ACC_robust = sqrt(1 x (1 + 0.75) / 2); its interval holds it, and 4 x the beats halve its width or so.
        assertEquals(Math.sqrt(0.875), s.accRobust(), 1e-12);
        assertTrue(s.accRobustInterval().low() < s.accRobust() && s.accRobust() < s.accRobustInterval().high());
        RobustnessScore more = RobustnessScore.score(beats("pgd", 160, 160, 120), 0.1, true).get(0);
        double ratio = (s.accRobustInterval().high() - s.accRobustInterval().low())
                / (more.accRobustInterval().high() - more.accRobustInterval().low());
        assertTrue(ratio > 1.6 && ratio < 2.5, "width ratio " + ratio);
        // Seeded: the same table gives the same interval.
        assertEquals(s.accRobustInterval(), RobustnessScore.score(beats("pgd", 40, 40, 30), 0.1, true).get(0)
                .accRobustInterval());
    }

    @Test
    void theWorstCaseIsBrokenWhereAnyAttackBrokeTheBeat() {
        Random random = new Random(7);
        List<AttackRecord> rows = new ArrayList<>();
        String[] attacks = {"pgd", "apgd", "square"};
        double[] radii = {0, 0.05, 0.1};
        boolean[][][] wrong = new boolean[attacks.length][radii.length][60];
        for (int a = 0; a < attacks.length; a++) {
            for (int e = 0; e < radii.length; e++) {
                for (int i = 0; i < 60; i++) {
                    String label = i % 3 == 0 ? "N" : i % 3 == 1 ? "V" : "S";
                    wrong[a][e][i] = e > 0 && random.nextDouble() < 0.25 * e / 0.05;
                    rows.add(new AttackRecord(attacks[a], radii[e], i, label, wrong[a][e][i] ? "Q" : label, label, 0, 0,
                            0));
                }
            }
        }
        // Carlini-Wagner l2 budgets take no part.
        rows.add(new AttackRecord("cw", 0, 0, "N", "N", "N", 0, 0, 0));
        rows.add(new AttackRecord("cw", 0.1, 0, "N", "Q", "N", 0, 0, 0));
        List<RobustnessScore> scores = RobustnessScore.score(rows, 0.1, true);
        RobustnessScore worst = RobustnessScore.headline(scores);
        assertEquals(RobustnessScore.WORST_CASE, worst.attack());
        for (int e = 0; e < radii.length; e++) {
            int right = 0;
            for (int i = 0; i < 60; i++) {
                right += wrong[0][e][i] || wrong[1][e][i] || wrong[2][e][i] ? 0 : 1;
            }
            assertEquals(right / 60.0, worst.curve().get(e).accuracy(), 1e-12);
            for (RobustnessScore s : scores) {
                assertTrue(s.attack().equals("cw") || worst.curve().get(e).accuracy() <= s.curve().get(e).accuracy());
            }
        }
        // A table with ensemble rows keeps them as its headline and gets no worst case.
        List<AttackRecord> withEnsemble = new ArrayList<>(rows);
        for (AttackRecord r : rows) {
            if (r.attack().equals("pgd")) {
                withEnsemble.add(new AttackRecord("ensemble", r.epsilon(), r.sampleId(), r.label(), r.prediction(),
                        r.cleanPrediction(), 0, 0, 0));
            }
        }
        List<RobustnessScore> s2 = RobustnessScore.score(withEnsemble, 0.1, true);
        assertEquals("ensemble", RobustnessScore.headline(s2).attack());
        assertTrue(s2.stream().noneMatch(s -> s.attack().equals(RobustnessScore.WORST_CASE)));
    }
}
