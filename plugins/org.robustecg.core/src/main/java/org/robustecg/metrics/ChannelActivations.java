package org.robustecg.metrics;

import ai.djl.ndarray.NDArray;
import org.robustecg.attack.AttackSettings;
import org.robustecg.attack.Attacks;
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
        float[][] natural = new float[1][];
        float[][] adversarial = new float[1][];
        int[] channels = new int[1];
        Inference.inBatches(data, 0, data.size(), batchSize, progress, "channel activations", (b, from, to, part) -> {
            NDArray adv = Attacks.run(model.classifier(), b.x(), b.mask(), b.labels(), eps, settings);
            float[] n = model.classifier().features(b.x(), b.mask()).toFloatArray();
            float[] a = model.classifier().features(adv, b.mask()).toFloatArray();
            if (natural[0] == null) {
                channels[0] = n.length / (to - from);
                natural[0] = new float[data.size() * channels[0]];
                adversarial[0] = new float[data.size() * channels[0]];
            }
            System.arraycopy(n, 0, natural[0], from * channels[0], n.length);
            System.arraycopy(a, 0, adversarial[0], from * channels[0], a.length);
        }, model);
        return ChannelActivation.of(natural[0], adversarial[0], channels[0], threshold);
    }
}
