package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * What every classifier network of RobustECG is ({@link ResNet1d}, {@link Vgg1d}, {@link DenseNet1d}), made from its
 * settings by {@link #of}. Inputs {@code [x]} or {@code [x, mask]} (x {@code [B, leads, length]},
 * mask {@code [B, length]}); in training the labels come through DJL's labels argument; outputs
 * {@code [logits, auxiliary logits 1..K]}.
 */
public interface EcgModel extends Block {

    ModelSettings settings();

    /** The l-inf distance head, or null for a linear classifier. */
    LinfHead linfHead();

    /**
     * The last feature layer, globally (mask-)averaged per channel: {@code [B, channels]}, in inference mode
     * (what the classifier head reads; used by the channel activation analysis).
     */
    NDArray features(ParameterStore store, NDList inputs);

    /** The network an architecture names. */
    static EcgModel of(ModelSettings settings) {
        return switch (settings.architecture()) {
            case VGG19 -> new Vgg1d(settings);
            case DENSENET -> new DenseNet1d(settings);
            default -> new ResNet1d(settings);
        };
    }
}
