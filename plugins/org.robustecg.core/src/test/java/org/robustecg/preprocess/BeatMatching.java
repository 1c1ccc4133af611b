package org.robustecg.preprocess;

/**
 * Beat-by-beat comparison of detected R peaks with reference beats (the ANSI/AAMI EC57 rule): a detection
 * within the tolerance of a reference beat matches it, each reference beat at most once.
 *
 * @param truePositives  reference beats with a matching detection
 * @param falseNegatives reference beats without one
 * @param falsePositives detections without a reference beat
 */
public record BeatMatching(long truePositives, long falseNegatives, long falsePositives) {

    /** Compares sorted reference and detected sample positions. */
    public static BeatMatching compare(long[] reference, int[] detected, long tolerance) {
        boolean[] used = new boolean[detected.length];
        long tp = 0;
        int j = 0;
        for (long ref : reference) {
            while (j < detected.length && detected[j] < ref - tolerance) {
                j++;
            }
            int best = -1;
            for (int k = j; k < detected.length && detected[k] <= ref + tolerance; k++) {
                if (!used[k] && (best < 0 || Math.abs(detected[k] - ref) < Math.abs(detected[best] - ref))) {
                    best = k;
                }
            }
            if (best >= 0) {
                used[best] = true;
                tp++;
            }
        }
        return new BeatMatching(tp, reference.length - tp, detected.length - tp);
    }

    public BeatMatching plus(BeatMatching other) {
        return new BeatMatching(truePositives + other.truePositives, falseNegatives + other.falseNegatives,
                falsePositives + other.falsePositives);
    }

    /** Se = TP / (TP + FN). */
    public double sensitivity() {
        return truePositives / (double) (truePositives + falseNegatives);
    }

    /** +P = TP / (TP + FP). */
    public double positivePredictivity() {
        return truePositives / (double) (truePositives + falsePositives);
    }
}
