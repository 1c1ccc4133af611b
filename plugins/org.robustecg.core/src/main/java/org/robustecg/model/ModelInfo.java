package org.robustecg.model;

import java.util.List;

/**
 * What a model file says about its model besides the weights.
 *
 * @param settings          the network's structure
 * @param classNames        name of each output class
 * @param samplingFrequency sampling frequency of the inputs it expects
 * @param lower             smallest valid input value (attacks clamp to [lower, upper])
 * @param upper             largest valid input value
 * @param preprocessing     how inputs must be prepared (human-readable)
 * @param training          how it was trained, or null
 * @param history           training history, one record per epoch
 * @param bestEpoch         the epoch whose weights the file holds (0 if untrained)
 */
public record ModelInfo(ModelSettings settings, List<String> classNames, double samplingFrequency, float lower,
        float upper, String preprocessing, TrainSettings training, List<EpochRecord> history, int bestEpoch) {

    public ModelInfo {
        classNames = List.copyOf(classNames);
        history = history == null ? List.of() : List.copyOf(history);
        if (classNames.size() != settings.classes()) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + settings.classes() + " classes");
        }
    }
}
