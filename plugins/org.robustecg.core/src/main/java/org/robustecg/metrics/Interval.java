package org.robustecg.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * A 95 % confidence interval of a proportion-like figure in [0, 1].
 *
 * @param low  lower end
 * @param high upper end
 */
public record Interval(double low, double high) {

    /** The standard normal quantile of 97.5 %. */
    private static final double Z = 1.959963984540054;

    /**
     * The Wilson score interval of {@code successes} of {@code n} (e.g. correctly classified beats): unlike
     * p +- 1.96 sqrt(p (1 - p) / n), it stays in [0, 1] and keeps its coverage near 0 and 1.
     */
    public static Interval wilson(long successes, long n) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException(successes + " successes of " + n);
        }
        double p = successes / (double) n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // The interval always holds p; the bounds are pinned to it where rounding would leave p outside (p = 0, 1).
        return new Interval(Math.max(0, Math.min(p, centre - half)), Math.min(1, Math.max(p, centre + half)));
    }

    /** The 2.5 % and 97.5 % percentiles of bootstrap replicates (linear interpolation between order statistics). */
    static Interval percentile(double[] replicates) {
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        return new Interval(quantile(sorted, 0.025), quantile(sorted, 0.975));
    }

    private static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
    }

    /** This interval widened to hold {@code value} (a percentile interval of a skewed bootstrap may miss it). */
    Interval including(double value) {
        return Double.isNaN(value) ? this : new Interval(Math.min(low, value), Math.max(high, value));
    }

    public boolean overlaps(Interval other) {
        return low <= other.high && other.low <= high;
    }

    /** "[65.69, 82.45] %". */
    public String percent() {
        return String.format(Locale.ROOT, "[%.2f, %.2f] %%", 100 * low, 100 * high);
    }
}
