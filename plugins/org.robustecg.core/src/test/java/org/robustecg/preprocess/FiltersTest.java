package org.robustecg.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.robustecg.TestData;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.io.wfdb.WfdbRecordReader;

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
    }

    @Test
    void baselineRemovalFlattensTheWanderOfARealRecord() throws Exception {
        double[] lead = WfdbRecordReader.read(TestData.mitdb(), "100", WfdbReadOptions.STRICT).record().leads().get(0)
                .samples();
        double[] tenSeconds = java.util.Arrays.copyOf(lead, 3600);
        double[] drift = new double[3600];
        for (int i = 0; i < drift.length; i++) {
            drift[i] = tenSeconds[i] + 1.5 * Math.sin(2 * Math.PI * 0.2 * i / FS);
        }
        double[] cleaned = Filters.removeBaseline(drift, FS);
        double[] reference = Filters.removeBaseline(tenSeconds, FS);
        // The added 0.2 Hz wander (amplitude 1.5 mV) is gone: over every inner second the cleaned signal
        // differs from the cleaned original by less than 0.05 mV on average.
        for (int start = 360; start + 360 <= 3240; start += 360) {
            double difference = 0;
            for (int i = start; i < start + 360; i++) {
                difference += (cleaned[i] - reference[i]) / 360;
            }
            assertEquals(0, difference, 0.05, "second starting at sample " + start);
        }
        double median = Filters.median(new double[] {5, 1, 4, 2, 3}, 5)[2];
        assertEquals(3, median);
        assertTrue(Math.abs(mean(cleaned)) < 0.1, "centred on zero");
        double[] withNan = tenSeconds.clone();
        withNan[7] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> Filters.removeBaseline(withNan, FS));
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
