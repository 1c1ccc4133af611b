package org.robustecg.metrics;

/**
 * Counts of (true class, predicted class) pairs and the metrics derived from them. Row = true class,
 * column = prediction.
 */
public final class ConfusionMatrix {

    private final long[][] counts;

    private ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    public static ConfusionMatrix of(int[] labels, int[] predictions, int classes) {
        if (labels.length != predictions.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + predictions.length + " predictions");
        }
        long[][] c = new long[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes || predictions[i] < 0 || predictions[i] >= classes) {
                throw new IllegalArgumentException("item " + i + ": class outside 0.." + (classes - 1));
            }
            c[labels[i]][predictions[i]]++;
        }
        return new ConfusionMatrix(c);
    }

    /** The counts of the items {@code i} taken {@code weights[i]} times each (a bootstrap resample). */
    static ConfusionMatrix weighted(int[] labels, int[] predictions, int[] weights, int classes) {
        long[][] c = new long[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            c[labels[i]][predictions[i]] += weights[i];
        }
        return new ConfusionMatrix(c);
    }

    public int classes() {
        return counts.length;
    }

    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    public double accuracy() {
        long correct = 0;
        for (int k = 0; k < counts.length; k++) {
            correct += counts[k][k];
        }
        return correct / (double) total();
    }

    /** Recall of class k: C[k][k] / row k (NaN for a class with no items). */
    public double recall(int k) {
        return counts[k][k] / (double) row(k);
    }

    /** F1 of class k: 2 C[k][k] / (row k + column k); 0 for a class neither present nor predicted. */
    public double f1(int k) {
        long denominator = row(k) + column(k);
        return denominator == 0 ? 0 : 2.0 * counts[k][k] / denominator;
    }

    /** Mean recall over the classes that have items. */
    public double balancedAccuracy() {
        double sum = 0;
        int present = 0;
        for (int k = 0; k < counts.length; k++) {
            if (row(k) > 0) {
                sum += recall(k);
                present++;
            }
        }
        return sum / present;
    }

    /**
     * Mean F1 (METHOD 6.1: mean over classes of 2 C[k][k] / (row k + column k)), over the classes that occur as a
     * label or a prediction (as scikit-learn does): a class absent from both would be 0 / 0.
     */
    public double macroF1() {
        double sum = 0;
        int counted = 0;
        for (int k = 0; k < counts.length; k++) {
            if (row(k) + column(k) > 0) {
                sum += f1(k);
                counted++;
            }
        }
        return sum / counted;
    }

    private long row(int k) {
        long n = 0;
        for (long v : counts[k]) {
            n += v;
        }
        return n;
    }

    private long column(int k) {
        long n = 0;
        for (long[] row : counts) {
            n += row[k];
        }
        return n;
    }
}
