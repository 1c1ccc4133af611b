package org.robustecg.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Channel activation analysis of the last feature layer (METHOD 6.7, the CASLCNet paper's figures 4-5): per
 * channel, the mean activation magnitude and the activation frequency (share of samples whose channel
 * activation exceeds threshold x the largest natural activation of any channel and sample), for natural and
 * adversarial inputs, channels ordered by natural frequency (highest first).
 *
 * @param order                channel indices, by descending natural frequency
 * @param naturalMagnitude     mean |activation| per channel on natural inputs, in {@code order}
 * @param adversarialMagnitude the same on adversarial inputs
 * @param naturalFrequency     activation frequency per channel on natural inputs, in {@code order}
 * @param adversarialFrequency the same on adversarial inputs
 * @param threshold            the fraction of the maximum that counts as activated (0.2 MIT-BIH, 0.7 CPSC2018)
 */
public record ChannelActivation(int[] order, double[] naturalMagnitude, double[] adversarialMagnitude,
        double[] naturalFrequency, double[] adversarialFrequency, double threshold) {

    /** @param natural activations {@code [samples][channels]} row-major; @param adversarial the same shape */
    public static ChannelActivation of(float[] natural, float[] adversarial, int channels, double threshold) {
        if (natural.length != adversarial.length || natural.length % channels != 0 || natural.length == 0) {
            throw new IllegalArgumentException("natural and adversarial activations need the same [samples][channels] shape");
        }
        int samples = natural.length / channels;
        double max = 0;
        for (float v : natural) {
            max = Math.max(max, Math.abs(v));
        }
        double level = threshold * max;
        double[] nm = new double[channels];
        double[] am = new double[channels];
        double[] nf = new double[channels];
        double[] af = new double[channels];
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < channels; c++) {
                float n = Math.abs(natural[s * channels + c]);
                float a = Math.abs(adversarial[s * channels + c]);
                nm[c] += n / samples;
                am[c] += a / samples;
                nf[c] += n > level ? 1.0 / samples : 0;
                af[c] += a > level ? 1.0 / samples : 0;
            }
        }
        int[] order = IntStream.range(0, channels).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -nf[c]).thenComparingInt(c -> c))
                .mapToInt(Integer::intValue).toArray();
        return new ChannelActivation(order, reorder(nm, order), reorder(am, order), reorder(nf, order), reorder(af, order),
                threshold);
    }

    private static double[] reorder(double[] values, int[] order) {
        return Arrays.stream(order).mapToDouble(c -> values[c]).toArray();
    }
}
