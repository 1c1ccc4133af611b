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
        model.classifier().freeze(true);
        try {
            for (int from = 0; from < data.size(); from += batchSize) {
                progress.checkCancelled();
                int to = Math.min(data.size(), from + batchSize);
                try (NDManager scratch = model.manager().newSubManager()) {
                    Batch b = Batch.of(data, Batch.range(from, to), scratch);
                    NDArray logits = model.classifier().forward(b.x(), b.mask()).get(0);
                    int[] p = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
                    System.arraycopy(p, 0, predicted, from, p.length);
                    float[] prob = logits.softmax(1).toFloatArray();
                    System.arraycopy(prob, 0, probabilities, from * classes, prob.length);
                }
                progress.update(to / (double) data.size(), "predicting");
            }
        } finally {
            model.classifier().freeze(false);
        }
        return new Predictions(predicted, probabilities, classes);
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
