package org.robustecg.preprocess;

/**
 * A second-order IIR section (Butterworth low- or high-pass by the bilinear transform), run forward and
 * backward for zero phase.
 */
final class Biquad {

    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
        this.b0 = b0 / a0;
        this.b1 = b1 / a0;
        this.b2 = b2 / a0;
        this.a1 = a1 / a0;
        this.a2 = a2 / a0;
    }

    static Biquad lowPass(double cutoffHz, double fs) {
        double w = 2 * Math.PI * cutoffHz / fs;
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double c = Math.cos(w);
        return new Biquad((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    }

    static Biquad highPass(double cutoffHz, double fs) {
        double w = 2 * Math.PI * cutoffHz / fs;
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double c = Math.cos(w);
        return new Biquad((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    }

    /** Filters forward then backward (zero phase, squared magnitude response), starting from the edge values. */
    double[] filtfilt(double[] x) {
        double[] y = pass(x, false);
        return pass(y, true);
    }

    private double[] pass(double[] x, boolean reverse) {
        int n = x.length;
        double[] y = new double[n];
        if (n == 0) {
            return y;
        }
        double first = x[reverse ? n - 1 : 0];
        // Start in the steady state of a constant input equal to the edge sample.
        double gain = (b0 + b1 + b2) / (1 + a1 + a2);
        double x1 = first;
        double x2 = first;
        double y1 = first * gain;
        double y2 = y1;
        for (int k = 0; k < n; k++) {
            int i = reverse ? n - 1 - k : k;
            double v = b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = v;
            y[i] = v;
        }
        return y;
    }
}
