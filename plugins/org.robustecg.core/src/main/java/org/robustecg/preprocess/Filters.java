package org.robustecg.preprocess;

import java.util.Arrays;

/** Optional clean-up of a lead before beats are cut: band-pass and baseline-wander removal. */
public final class Filters {

    private Filters() {
    }

    /**
     * Zero-phase Butterworth band-pass: a second-order high-pass at {@code lowHz} and a second-order low-pass
     * at {@code highHz}, each run forward and backward.
     */
    public static double[] bandPass(double[] x, double fs, double lowHz, double highHz) {
        requireFinite(x);
        if (!(lowHz > 0) || !(highHz > lowHz) || !(highHz < fs / 2)) {
            throw new IllegalArgumentException("band " + lowHz + "-" + highHz + " Hz does not fit sampling frequency " + fs);
        }
        return Biquad.lowPass(highHz, fs).filtfilt(Biquad.highPass(lowHz, fs).filtfilt(x));
    }

    /**
     * Baseline-wander removal the de Chazal way: the baseline is a 200 ms median filter followed by a 600 ms
     * median filter (they remove the QRS and then the P and T waves); it is subtracted from the signal.
     */
    public static double[] removeBaseline(double[] x, double fs) {
        requireFinite(x);
        double[] baseline = median(median(x, oddWindow(0.2 * fs)), oddWindow(0.6 * fs));
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] - baseline[i];
        }
        return y;
    }

    private static void requireFinite(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("sample " + i + " is " + x[i] + ": filters need finite samples");
            }
        }
    }

    private static int oddWindow(double samples) {
        int w = (int) Math.round(samples);
        return w % 2 == 0 ? w + 1 : w;
    }

    /** Running median over a centred window (shrunk at the edges), by a sorted sliding window. */
    static double[] median(double[] x, int window) {
        int half = window / 2;
        int n = x.length;
        double[] out = new double[n];
        double[] sorted = new double[window];
        int count = 0;
        int lo = 0;
        int hi = -1;
        for (int i = 0; i < n; i++) {
            int wantLo = Math.max(0, i - half);
            int wantHi = Math.min(n - 1, i + half);
            // Leave before entering, so the window never holds more than its size.
            while (lo < wantLo) {
                count = remove(sorted, count, x[lo]);
                lo++;
            }
            while (hi < wantHi) {
                hi++;
                count = insert(sorted, count, x[hi]);
            }
            out[i] = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
        }
        return out;
    }

    private static int insert(double[] sorted, int count, double v) {
        int at = Arrays.binarySearch(sorted, 0, count, v);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = v;
        return count + 1;
    }

    private static int remove(double[] sorted, int count, double v) {
        int at = Arrays.binarySearch(sorted, 0, count, v);
        System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
        return count - 1;
    }
}
