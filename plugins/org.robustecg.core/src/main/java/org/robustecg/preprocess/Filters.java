package org.robustecg.preprocess;

/** Optional clean-up of a lead before beats are cut: a zero-phase band-pass. */
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

    private static void requireFinite(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("sample " + i + " is " + x[i] + ": filters need finite samples");
            }
        }
    }
}
