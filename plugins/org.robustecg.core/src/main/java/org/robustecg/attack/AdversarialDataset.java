package org.robustecg.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.robustecg.data.Batch;
import org.robustecg.data.Dataset;
import org.robustecg.model.Inference;
import org.robustecg.model.TrainedModel;
import org.robustecg.progress.Progress;

/** The adversarial version of a whole dataset, for saving or for feeding to other models. */
public final class AdversarialDataset {

    private AdversarialDataset() {
    }

    /** Every item attacked at radius eps; labels, record ids, positions and mask are kept. */
    public static Dataset of(TrainedModel model, Dataset data, AttackSettings settings, double eps, int batchSize,
            Progress progress) {
        Inference.check(model, data);
        float[] signals = new float[data.signals().length];
        int stride = data.leads() * data.length();
        model.classifier().freeze(true);
        try {
            for (int from = 0; from < data.size(); from += batchSize) {
                progress.checkCancelled();
                int to = Math.min(data.size(), from + batchSize);
                try (NDManager scratch = model.manager().newSubManager()) {
                    Batch b = Batch.of(data, Batch.range(from, to), scratch);
                    NDArray adversarial = Attacks.run(model.classifier(), b.x(), b.mask(), b.labels(), eps,
                            settings.withSeed(settings.seed() + from));
                    System.arraycopy(adversarial.toFloatArray(), 0, signals, from * stride, (to - from) * stride);
                }
                progress.update(to / (double) data.size(), "adversarial dataset");
            }
        } finally {
            model.classifier().freeze(false);
        }
        return new Dataset(signals, data.size(), data.leads(), data.length(), data.labels(), data.classNames(),
                data.recordIds(), data.positions(), data.mask(), data.samplingFrequency());
    }
}
