package org.robustecg.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model file says about its model besides the weights. Made by {@link #untrained} and completed by
 * {@link #trained}.
 *
 * @param settings          the network's structure
 * @param classNames        name of each output class
 * @param samplingFrequency sampling frequency of the inputs it expects
 * @param lower             smallest valid input value (attacks clamp to [lower, upper])
 * @param upper             largest valid input value
 * @param preprocessing     how inputs must be prepared (human-readable)
 * @param training          how it was trained; empty for a network that was not trained here
 * @param history           training history, one record per epoch
 * @param bestEpoch         the epoch whose weights the file holds (0 if untrained)
 */
public record ModelInfo(ModelSettings settings, List<String> classNames, double samplingFrequency, float lower,
        float upper, String preprocessing, Optional<TrainSettings> training, List<EpochRecord> history, int bestEpoch) {

    public ModelInfo {
        classNames = List.copyOf(classNames);
        history = List.copyOf(history);
        Objects.requireNonNull(training);
        if (classNames.size() != settings.classes()) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + settings.classes() + " classes");
        }
    }

    /** A network not (yet) trained, for inputs of this kind. */
    public static ModelInfo untrained(ModelSettings settings, List<String> classNames, double samplingFrequency,
            float lower, float upper, String preprocessing) {
        return new ModelInfo(settings, classNames, samplingFrequency, lower, upper, preprocessing, Optional.empty(),
                List.of(), 0);
    }

    /** This description with how the network was trained, its history and the epoch whose weights it holds. */
    public ModelInfo trained(TrainSettings training, List<EpochRecord> history, int bestEpoch) {
        return new ModelInfo(settings, classNames, samplingFrequency, lower, upper, preprocessing,
                Optional.of(training), history, bestEpoch);
    }
}
