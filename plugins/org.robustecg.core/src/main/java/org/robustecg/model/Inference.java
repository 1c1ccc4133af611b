package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.robustecg.data.Batch;
import org.robustecg.data.Dataset;
import org.robustecg.progress.Progress;

/** Predictions of a model on a dataset, batch by batch, with the parameters frozen. */
public final class Inference {

    private Inference() {
    }

    /**
     * @param predictions  predicted class per item
     * @param probabilities softmax probabilities, {@code [items][classes]} row-major
     */
    public record Predictions(int[] predictions, float[] probabilities, int classes) {
    }

    public static Predictions predict(TrainedModel model, Dataset data, int batchSize, Progress progress) {
        check(model, data);
        int classes = model.info().settings().classes();
        int[] predicted = new int[data.size()];
        float[] probabilities = new float[data.size() * classes];
        inBatches(data, 0, data.size(), batchSize, progress, "predicting", (b, from, to, part) -> {
            NDArray logits = model.classifier().forward(b.x(), b.mask()).get(0);
            int[] p = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
            System.arraycopy(p, 0, predicted, from, p.length);
            float[] prob = logits.softmax(1).toFloatArray();
            System.arraycopy(prob, 0, probabilities, from * classes, prob.length);
        }, model);
        return new Predictions(predicted, probabilities, classes);
    }

    /** The work on one batch of a frozen pass. */
    @FunctionalInterface
    public interface BatchWork {
        /**
         * @param batch    the items {@code [from, to)}, in a scratch manager closed after the call
         * @param progress this batch's share of the pass
         */
        void run(Batch batch, int from, int to, Progress progress);
    }

    /**
     * The one loop of every pass that only reads models (predicting, attacking, measuring activations): the items
     * {@code [from, to)} of the data in batches of {@code batchSize} from {@code from}, with the parameters of
     * every model frozen (gradients flow to the inputs only) and each batch's arrays freed after it; checks for
     * cancellation before each batch.
     *
     * @param models the models the work runs (the first owns the scratch managers)
     */
    public static void inBatches(Dataset data, int from, int to, int batchSize, Progress progress, String what,
            BatchWork work, TrainedModel... models) {
        if (from < 0 || to > data.size() || from > to) {
            throw new IllegalArgumentException("items [" + from + ", " + to + ") are not a range of the " + data.size()
                    + " items");
        }
        for (TrainedModel m : models) {
            m.classifier().freeze(true);
        }
        try {
            double n = Math.max(1, to - from);
            for (int start = from; start < to; start += batchSize) {
                progress.checkCancelled();
                int end = Math.min(to, start + batchSize);
                try (NDManager scratch = models[0].manager().newSubManager()) {
                    work.run(Batch.of(data, Batch.range(start, end), scratch), start, end,
                            progress.range((start - from) / n, (end - from) / n));
                }
                progress.update((end - from) / n, what);
            }
        } finally {
            for (TrainedModel m : models) {
                m.classifier().freeze(false);
            }
        }
    }

    /** Refuses data that does not fit the model, naming what differs. */
    public static void check(TrainedModel model, Dataset data) {
        ModelSettings s = model.info().settings();
        if (data.leads() != s.leads()) {
            throw new IllegalArgumentException("the model expects " + s.leads() + " lead(s), the data has " + data.leads());
        }
        if (s.leads() == 1 && data.length() != s.length() || data.length() < 8) {
            throw new IllegalArgumentException("the model expects items of " + s.length() + " samples, the data has "
                    + data.length());
        }
        if (!data.classNames().equals(model.info().classNames())) {
            throw new IllegalArgumentException("the model's classes " + model.info().classNames()
                    + " differ from the data's " + data.classNames());
        }
        if (data.samplingFrequency() > 0 && Math.abs(data.samplingFrequency() - model.info().samplingFrequency()) > 1e-6) {
            throw new IllegalArgumentException("the model expects " + model.info().samplingFrequency()
                    + " Hz, the data is at " + data.samplingFrequency() + " Hz");
        }
    }
}
