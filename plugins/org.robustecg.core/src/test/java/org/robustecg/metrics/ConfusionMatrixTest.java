package org.robustecg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void metricsOfAHandComputedCase() {
        // truth:      0 0 0 0 1 1 2 2 2 2
        // prediction: 0 0 1 2 1 1 2 2 0 2
        // rows (truth) / columns (prediction):
        //   0: [2 1 1]   1: [0 2 0]   2: [1 0 3]
        ConfusionMatrix c = ConfusionMatrix.of(new int[] {0, 0, 0, 0, 1, 1, 2, 2, 2, 2},
                new int[] {0, 0, 1, 2, 1, 1, 2, 2, 0, 2}, 3);
        assertEquals(7 / 10.0, c.accuracy(), 1e-12);
        // Recalls 2/4, 2/2, 3/4 -> balanced accuracy 7/12.
        assertEquals((0.5 + 1 + 0.75) / 3, c.balancedAccuracy(), 1e-12);
        // F1: class 0: 2*2/(4+3); class 1: 2*2/(2+3); class 2: 2*3/(4+4).
        assertEquals((4 / 7.0 + 4 / 5.0 + 6 / 8.0) / 3, c.macroF1(), 1e-12);
        assertEquals(1, c.count(2, 0));
        // A class that never occurs does not count in the macro F1 or the balanced accuracy.
        ConfusionMatrix d = ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 0}, 3);
        assertEquals((2 / 3.0 + 0) / 2, d.macroF1(), 1e-12);
        assertEquals(0.5, d.balancedAccuracy(), 1e-12);
    }
}
