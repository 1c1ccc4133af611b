package org.robustecg.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void outputLengthFollowsTheRatio() {
        Resampler r = Resampler.between(360, 125);
        assertEquals(25, r.outputLength(72));
        assertEquals(225695, r.outputLength(650000));
        assertEquals(250, Resampler.between(500, 250).outputLength(500));
    }

    @Test
    void keepsATonBelowTheNewNyquistFrequency() {
        // 20 Hz at 360 Hz -> 125 Hz (Nyquist 62.5 Hz): amplitude kept within 1%, phase kept.
        double[] y = Resampler.between(360, 125).apply(tone(20, 360, 3600));
        for (int i = 100; i < y.length - 100; i++) {
            assertEquals(Math.sin(2 * Math.PI * 20 * i / 125.0), y[i], 0.01, "sample " + i);
        }
    }

    @Test
    void removesAToneAboveTheNewNyquistFrequency() {
        double[] y = Resampler.between(360, 125).apply(tone(80, 360, 3600));
        for (int i = 100; i < y.length - 100; i++) {
            assertTrue(Math.abs(y[i]) < 0.01, "alias at sample " + i + ": " + y[i]);
        }
    }

    @Test
    void aPeakKeepsItsTime() {
        double[] x = new double[3600];
        for (int i = 0; i < x.length; i++) {
            double t = (i - 1800) / 360.0;
            x[i] = Math.exp(-t * t / (2 * 0.02 * 0.02));
        }
        double[] y = Resampler.between(360, 125).apply(x);
        int argmax = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] > y[argmax]) {
                argmax = i;
            }
        }
        assertEquals(Resampler.between(360, 125).mapIndex(1800), argmax);
    }

    private static double[] tone(double hz, double fs, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * hz * i / fs);
        }
        return x;
    }
}
