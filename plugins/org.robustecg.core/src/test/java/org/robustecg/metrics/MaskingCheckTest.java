package org.robustecg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingCheckTest {

    private static RobustnessScore score(String attack, double acc) {
        return new RobustnessScore(attack, List.of(), 0.1, acc, acc, List.of(), List.of());
    }

    @Test
    void warnsWhenAStrongerAttackLeavesMoreAccuracy() {
        assertTrue(MaskingCheck.warnings(List.of(score("fgsm", 0.6), score("pgd", 0.4), score("apgd", 0.38))).isEmpty());
        List<String> w = MaskingCheck.warnings(List.of(score("fgsm", 0.5), score("pgd", 0.7), score("apgd", 0.45)));
        assertEquals(1, w.size());
        assertTrue(w.get(0).startsWith("pgd leaves ACC_robust 70.00 %"), w.get(0));
        // Within half a percentage point: sampling noise, no warning.
        assertTrue(MaskingCheck.warnings(List.of(score("pgd", 0.500), score("apgd", 0.504))).isEmpty());
    }
}
