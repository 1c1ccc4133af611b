package org.robustecg.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.robustecg.attack.AttackSettings;
import org.robustecg.attack.Attacks;
import org.robustecg.data.Batch;
import org.robustecg.data.Dataset;
import org.robustecg.model.Inference;
import org.robustecg.model.TrainedModel;
import org.robustecg.progress.Progress;

/** Measures last-layer channel activations of a model on natural and attacked inputs. */
public final class ChannelActivations {

    private ChannelActivations() {
    }

    public static ChannelActivation measure(TrainedModel model, Dataset data, AttackSettings settings, double eps,
            double threshold, int batchSize, Progress progress) {
        Inference.check(model, data);
        float[] natural = null;
        float[] adversarial = null;
        int channels = 0;
        model.classifier().freeze(true);
        try {
            for (int from = 0; from < data.size(); from += batchSize) {
                progress.checkCancelled();
                int to = Math.min(data.size(), from + batchSize);
                try (NDManager scratch = model.manager().newSubManager()) {
                    Batch b = Batch.of(data, Batch.range(from, to), scratch);
                    NDArray adv = Attacks.run(model.classifier(), b.x(), b.mask(), b.labels(), eps,
                            settings.withSeed(settings.seed() + from));
                    float[] n = model.classifier().features(b.x(), b.mask()).toFloatArray();
                    float[] a = model.classifier().features(adv, b.mask()).toFloatArray();
                    if (natural == null) {
                        channels = n.length / (to - from);
                        natural = new float[data.size() * channels];
                        adversarial = new float[data.size() * channels];
                    }
                    System.arraycopy(n, 0, natural, from * channels, n.length);
                    System.arraycopy(a, 0, adversarial, from * channels, a.length);
                }
                progress.update(to / (double) data.size(), "channel activations");
            }
        } finally {
            model.classifier().freeze(false);
        }
        return ChannelActivation.of(natural, adversarial, channels, threshold);
    }
}
