package org.robustecg.preprocess;

/**
 * Anti-aliased rational resampling by a polyphase FIR filter: up-sample by L, low-pass at the lower of the
 * two Nyquist frequencies with a Kaiser-windowed sinc, down-sample by M (the method of scipy's
 * {@code resample_poly}). The filter is symmetric and its delay is compensated, so events keep their time.
 */
public final class Resampler {

    /** Kaiser window shape: about 50 dB stop-band attenuation. */
    private static final double KAISER_BETA = 5.0;
    /** Filter half-length in multiples of max(L, M). */
    private static final int HALF_LENGTH_FACTOR = 10;

    private final int up;
    private final int down;
    private final int half;
    private final double[] taps;

    private Resampler(int up, int down) {
        this.up = up;
        this.down = down;
        int max = Math.max(up, down);
        this.half = HALF_LENGTH_FACTOR * max;
        this.taps = new double[2 * half + 1];
        double cutoff = 1.0 / max; // fraction of the up-sampled Nyquist frequency
        double norm = besselI0(KAISER_BETA);
        for (int k = -half; k <= half; k++) {
            double sinc = k == 0 ? cutoff : Math.sin(Math.PI * cutoff * k) / (Math.PI * k);
            double r = (double) k / half;
            double window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
            taps[k + half] = up * sinc * window;
        }
    }

    /** A resampler from {@code fromHz} to {@code toHz}; both must be whole numbers of Hz or a simple ratio. */
    public static Resampler between(double fromHz, double toHz) {
        if (!(fromHz > 0) || !(toHz > 0)) {
            throw new IllegalArgumentException("sampling frequencies must be positive: " + fromHz + " -> " + toHz);
        }
        long scale = 1;
        while ((Math.abs(fromHz * scale - Math.rint(fromHz * scale)) > 1e-9
                || Math.abs(toHz * scale - Math.rint(toHz * scale)) > 1e-9) && scale < 1_000_000) {
            scale *= 10;
        }
        long a = Math.round(toHz * scale);
        long b = Math.round(fromHz * scale);
        long g = gcd(a, b);
        if (a / g > 10_000 || b / g > 10_000) {
            throw new IllegalArgumentException("resampling ratio " + toHz + "/" + fromHz + " is too complex");
        }
        return new Resampler((int) (a / g), (int) (b / g));
    }

    /** Output length for {@code n} input samples: ceil(n * L / M). */
    public int outputLength(int n) {
        return (int) ((n * (long) up + down - 1) / down);
    }

    /** Resamples a signal (NaN samples propagate into the output samples they touch). */
    public double[] apply(double[] x) {
        if (up == 1 && down == 1) {
            return x.clone();
        }
        int n = outputLength(x.length);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            // y[i] = sum_j x[j] * taps[i*M + half - j*L], over j where the tap index is within the filter.
            long centre = (long) i * down + half;
            int jLow = (int) Math.max(0, ceilDiv(centre - 2L * half, up));
            int jHigh = (int) Math.min(x.length - 1, Math.floorDiv(centre, up));
            double sum = 0;
            for (int j = jLow; j <= jHigh; j++) {
                sum += x[j] * taps[(int) (centre - (long) j * up)];
            }
            y[i] = sum;
        }
        return y;
    }

    /** Maps a sample index of the input to the nearest index of the output. */
    public int mapIndex(long inputIndex) {
        return (int) Math.round(inputIndex * (double) up / down);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 60; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }
}
