package org.robustecg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingCheckTest {

    private static RobustnessScore score(String attack, double acc) {
        Interval i = new Interval(acc - 0.05, acc + 0.05);
        return new RobustnessScore(attack, List.of(new RobustnessScore.CurvePoint(0.1, acc, acc, i, i)), 0.1, acc, acc, i,
                i, List.of(), List.of());
    }

    @Test
    void warnsWhenAStrongerAttackLeavesMoreAccuracy() {
        assertTrue(MaskingCheck.warnings(List.of(score("fgsm", 0.6), score("pgd", 0.4), score("apgd", 0.38))).isEmpty());
        List<MaskingCheck.Warning> w = MaskingCheck.warnings(List.of(score("fgsm", 0.5), score("pgd", 0.7),
                score("apgd", 0.45)));
        assertEquals(1, w.size());
        assertEquals("pgd", w.get(0).attack());
        assertTrue(w.get(0).message().startsWith("pgd leaves ACC_robust 70.00 %"), w.get(0).message());
        // Within half a percentage point: sampling noise, no warning.
        assertTrue(MaskingCheck.warnings(List.of(score("pgd", 0.500), score("apgd", 0.504))).isEmpty());
    }

    @Test
    void warnsWithNumbersWhenASingleAttackOverstatesTheEnsemble() {
        List<MaskingCheck.Warning> w = MaskingCheck.warnings(List.of(score("pgd", 0.7884), score("apgd", 0.7671),
                score("square", 0.74), score("ensemble", 0.7384)));
        // pgd and apgd are more than 2 points above the ensemble; square beats every gradient attack.
        assertEquals(List.of("pgd", "apgd", "square"), w.stream().map(MaskingCheck.Warning::attack).toList());
        assertTrue(w.get(0).message().startsWith("pgd alone overstates robustness: ACC_robust 78.84 % [73.84, 83.84] % "
                + "against 73.84 % [68.84, 78.84] % for the ensemble (5.00 points; the intervals overlap)"),
                w.get(0).message());
        assertTrue(w.get(2).message().contains("square leaves ACC_robust 74.00 %, less than the strongest gradient "
                + "attack apgd (76.71 %)"), w.get(2).message());
        // Within 2 points of the ensemble: no warning.
        assertTrue(MaskingCheck.warnings(List.of(score("apgd", 0.75), score("ensemble", 0.74))).isEmpty());
    }
}
