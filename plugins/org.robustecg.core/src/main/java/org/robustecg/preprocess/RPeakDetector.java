package org.robustecg.preprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * R-peak detection of the Pan-Tompkins family, with every window in seconds so that it works at any
 * sampling frequency: 5-15 Hz band-pass, derivative, squaring and 150 ms moving-window integration;
 * adaptive signal and noise thresholds with search-back after a missed beat and T-wave discrimination;
 * then each QRS is placed at the largest absolute deflection of the band-passed lead near it, so the sign
 * of the lead (inverted leads) does not matter.
 */
public final class RPeakDetector {

    private static final double REFRACTORY = 0.2;
    private static final double T_WAVE_WINDOW = 0.36;
    private static final double INTEGRATION = 0.15;
    private static final double LOCATE = 0.1;

    private RPeakDetector() {
    }

    /** Sample indices of the R peaks of a lead (NaN samples count as zero), in time order. */
    public static int[] detect(double[] lead, double fs) {
        int n = lead.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Double.isFinite(lead[i]) ? lead[i] : 0;
        }
        if (n < fs) {
            return new int[0];
        }
        double[] band = Filters.bandPass(x, fs, 5, Math.min(15, 0.45 * fs));
        double[] energy = integrate(squaredSlope(band), (int) Math.max(1, Math.round(INTEGRATION * fs)));
        int[] candidates = localMaxima(energy, (int) Math.round(REFRACTORY * fs));
        List<Integer> qrs = threshold(energy, band, candidates, fs);
        int[] r = new int[qrs.size()];
        int half = (int) Math.round(LOCATE * fs);
        int count = 0;
        for (int q : qrs) {
            int best = q;
            for (int i = Math.max(0, q - half); i <= Math.min(n - 1, q + half); i++) {
                if (Math.abs(band[i]) > Math.abs(band[best])) {
                    best = i;
                }
            }
            if (count == 0 || best - r[count - 1] >= REFRACTORY * fs / 2) {
                r[count++] = best;
            }
        }
        return java.util.Arrays.copyOf(r, count);
    }

    /** Squared centred five-point derivative. */
    private static double[] squaredSlope(double[] x) {
        int n = x.length;
        double[] d = new double[n];
        for (int i = 2; i < n - 2; i++) {
            double v = (-x[i - 2] - 2 * x[i - 1] + 2 * x[i + 1] + x[i + 2]) / 8;
            d[i] = v * v;
        }
        return d;
    }

    /** Centred moving average (no delay). */
    private static double[] integrate(double[] x, int window) {
        int n = x.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + x[i];
        }
        double[] y = new double[n];
        int half = window / 2;
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, i - half);
            int hi = Math.min(n, i - half + window);
            y[i] = (prefix[hi] - prefix[lo]) / window;
        }
        return y;
    }

    /** Local maxima that are the largest value within +-distance samples. */
    private static int[] localMaxima(double[] x, int distance) {
        List<Integer> peaks = new ArrayList<>();
        int n = x.length;
        for (int i = 1; i < n - 1; i++) {
            if (x[i] > x[i - 1] && x[i] >= x[i + 1]) {
                int last = peaks.isEmpty() ? -1 : peaks.get(peaks.size() - 1);
                if (last >= 0 && i - last < distance) {
                    if (x[i] > x[last]) {
                        peaks.set(peaks.size() - 1, i);
                    }
                } else {
                    peaks.add(i);
                }
            }
        }
        return peaks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The adaptive-threshold decision of Pan and Tompkins (1985) over the integrated-energy peaks. */
    private static List<Integer> threshold(double[] energy, double[] band, int[] candidates, double fs) {
        List<Integer> qrs = new ArrayList<>();
        int learn = (int) Math.min(energy.length, Math.round(2 * fs));
        double max = 0;
        double mean = 0;
        for (int i = 0; i < learn; i++) {
            max = Math.max(max, energy[i]);
            mean += energy[i] / learn;
        }
        double signalLevel = 0.25 * max;
        double noiseLevel = 0.5 * mean;
        double rrAverage = fs; // one beat per second until learned
        double lastSlope = 0;
        int lastQrs = -1;
        int searchedTo = 0;
        List<Integer> skipped = new ArrayList<>();
        for (int k = 0; k < candidates.length; k++) {
            int p = candidates[k];
            double peak = energy[p];
            double threshold1 = noiseLevel + 0.25 * (signalLevel - noiseLevel);
            boolean accepted = false;
            if (peak > threshold1) {
                double slope = maxSlope(band, p, fs);
                boolean tWave = lastQrs >= 0 && p - lastQrs < T_WAVE_WINDOW * fs && slope < 0.5 * lastSlope;
                if (!tWave) {
                    accepted = true;
                    signalLevel = 0.125 * peak + 0.875 * signalLevel;
                    if (lastQrs >= 0) {
                        rrAverage = 0.875 * rrAverage + 0.125 * (p - lastQrs);
                    }
                    qrs.add(p);
                    lastQrs = p;
                    lastSlope = slope;
                    skipped.clear();
                }
            }
            if (!accepted) {
                noiseLevel = 0.125 * peak + 0.875 * noiseLevel;
                skipped.add(p);
            }
            // Search back: a long gap since the last beat means one was missed; take the largest skipped
            // candidate above the lower threshold.
            int next = k + 1 < candidates.length ? candidates[k + 1] : energy.length;
            if (lastQrs >= 0 && next - lastQrs > 1.66 * rrAverage && !skipped.isEmpty() && lastQrs >= searchedTo) {
                double threshold2 = 0.5 * (noiseLevel + 0.25 * (signalLevel - noiseLevel));
                int best = -1;
                for (int s : skipped) {
                    if (s - lastQrs > REFRACTORY * fs && energy[s] > threshold2 && (best < 0 || energy[s] > energy[best])) {
                        best = s;
                    }
                }
                searchedTo = lastQrs + 1;
                if (best >= 0) {
                    signalLevel = 0.25 * energy[best] + 0.75 * signalLevel;
                    rrAverage = 0.875 * rrAverage + 0.125 * (best - lastQrs);
                    qrs.add(best);
                    lastQrs = best;
                    lastSlope = maxSlope(band, best, fs);
                    skipped.removeIf(s -> s <= qrs.get(qrs.size() - 1));
                }
            }
        }
        qrs.sort(null);
        return qrs;
    }

    private static double maxSlope(double[] band, int at, double fs) {
        int half = (int) Math.round(0.075 * fs);
        double best = 0;
        for (int i = Math.max(1, at - half); i < Math.min(band.length, at + half); i++) {
            best = Math.max(best, Math.abs(band[i] - band[i - 1]));
        }
        return best;
    }
}
