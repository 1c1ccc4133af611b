package org.robustecg.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FiltersTest {

    private static final double FS = 360;

    @Test
    void bandPassKeepsTheBandAndRemovesDriftAndMainsHum() {
        int n = 7200;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / FS;
            x[i] = Math.sin(2 * Math.PI * 10 * t) + 2 * Math.sin(2 * Math.PI * 0.1 * t) + 0.5 * Math.sin(2 * Math.PI * 60 * t);
        }
        double[] y = Filters.bandPass(x, FS, 0.5, 40);
        for (int i = 720; i < n - 720; i++) {
            // A zero-phase filter: the 10 Hz tone keeps its phase; the 0.1 Hz drift and 60 Hz hum are gone.
            assertEquals(Math.sin(2 * Math.PI * 10 * i / FS), y[i], 0.1, "sample " + i);
        }
        x[7] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> Filters.bandPass(x, FS, 0.5, 40));
    }
}
