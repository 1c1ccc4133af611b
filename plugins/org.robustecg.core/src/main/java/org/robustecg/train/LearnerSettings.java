package org.robustecg.train;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.robustecg.model.Architecture;
import org.robustecg.model.ModelSettings;
import org.robustecg.objective.Objective;
import org.robustecg.settings.SettingRanges;

/**
 * What a user chooses when training a network on a dataset: the command line's train options, the KNIME
 * learner's settings and a study's model entry. Built with {@link #builder}; a value that is not set is empty and
 * takes the paper's default for the data's kind (METHOD 4.7: beats or multi-lead records).
 *
 * @param architecture     which network
 * @param objective        the training loss
 * @param alpha            weight of the CAS auxiliary losses (2)
 * @param regularisation   weight of the Jacobian or NSR penalty; empty = the objective's default
 * @param epsilon          l-inf radius of the training adversary; empty = 0.1 for beats, 0.01 for records
 * @param attackSteps      PGD steps of the training adversary (10)
 * @param epochs           epochs (100)
 * @param batchSize        batch size; empty = 512 for beats, 64 for records
 * @param learningRate     Adamax learning rate; empty = 1e-3 for beats, 1e-4 for records
 * @param width            width multiplier (1 = the paper's widths)
 * @param channelsPerGroup channels per GroupNorm group (16; 1 = the paper's GroupNorm(C, C))
 * @param perClass         at most this many training items per class, seeded; empty = all
 * @param balance          up-sample every training class to the largest
 * @param validationFraction share of the training data held out for validation when no validation set is given
 * @param earlyStopping    epochs without improvement before training stops; 0 = never
 * @param robustSamples    validation items attacked after each epoch to report robust accuracy (200; 0 = none)
 * @param seed             seed of the split, subsets, initialisation, shuffling and the adversary
 */
public record LearnerSettings(Architecture architecture, Objective objective, double alpha,
        OptionalDouble regularisation, OptionalDouble epsilon, int attackSteps, int epochs, OptionalInt batchSize,
        OptionalDouble learningRate, double width, int channelsPerGroup, OptionalInt perClass, boolean balance,
        double validationFraction, int earlyStopping, int robustSamples, long seed) {

    public LearnerSettings {
        if (architecture == null || objective == null) {
            throw new IllegalArgumentException("an architecture and a loss are needed");
        }
        SettingRanges.ALPHA.check("training setting alpha", alpha);
        regularisation.ifPresent(v -> SettingRanges.REGULARISATION.check("training setting regularisation", v));
        epsilon.ifPresent(v -> SettingRanges.TRAINING_RADIUS.check("training setting eps", v));
        SettingRanges.TRAINING_STEPS.check("training setting attack_steps", attackSteps);
        SettingRanges.EPOCHS.check("training setting epochs", epochs);
        batchSize.ifPresent(v -> SettingRanges.BATCH.check("training setting batch", v));
        learningRate.ifPresent(v -> SettingRanges.LEARNING_RATE.check("training setting lr", v));
        SettingRanges.WIDTH.check("training setting width", width);
        SettingRanges.CHANNELS_PER_GROUP.check("training setting channels_per_group", channelsPerGroup);
        perClass.ifPresent(v -> SettingRanges.PER_CLASS.check("training setting per_class", v));
        SettingRanges.VALIDATION_FRACTION.check("training setting validation_fraction", validationFraction);
        SettingRanges.EARLY_STOPPING.check("training setting early_stopping", earlyStopping);
        SettingRanges.ROBUST_SAMPLES.check("training setting robust_samples", robustSamples);
    }

    /** The paper's settings for this architecture and loss (every data-dependent value left to the data). */
    public static Builder builder(Architecture architecture, Objective objective) {
        return new Builder(architecture, objective);
    }

    /** Learner settings, each starting at the paper's value or unset; ranges are checked by {@link #build()}. */
    public static final class Builder {

        private final Architecture architecture;
        private final Objective objective;
        private double alpha = 2;
        private OptionalDouble regularisation = OptionalDouble.empty();
        private OptionalDouble epsilon = OptionalDouble.empty();
        private int attackSteps = 10;
        private int epochs = 100;
        private OptionalInt batchSize = OptionalInt.empty();
        private OptionalDouble learningRate = OptionalDouble.empty();
        private double width = 1;
        private int channelsPerGroup = ModelSettings.CHANNELS_PER_GROUP;
        private OptionalInt perClass = OptionalInt.empty();
        private boolean balance;
        private double validationFraction = 0.1;
        private int earlyStopping;
        private int robustSamples = 200;
        private long seed = 1;

        private Builder(Architecture architecture, Objective objective) {
            this.architecture = architecture;
            this.objective = objective;
        }

        public Builder alpha(double value) {
            alpha = value;
            return this;
        }

        public Builder regularisation(OptionalDouble value) {
            regularisation = Objects.requireNonNull(value);
            return this;
        }

        public Builder epsilon(OptionalDouble value) {
            epsilon = Objects.requireNonNull(value);
            return this;
        }

        public Builder attackSteps(int value) {
            attackSteps = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(OptionalInt value) {
            batchSize = Objects.requireNonNull(value);
            return this;
        }

        public Builder learningRate(OptionalDouble value) {
            learningRate = Objects.requireNonNull(value);
            return this;
        }

        public Builder width(double value) {
            width = value;
            return this;
        }

        public Builder channelsPerGroup(int value) {
            channelsPerGroup = value;
            return this;
        }

        public Builder perClass(OptionalInt value) {
            perClass = Objects.requireNonNull(value);
            return this;
        }

        public Builder balance(boolean value) {
            balance = value;
            return this;
        }

        public Builder validationFraction(double value) {
            validationFraction = value;
            return this;
        }

        public Builder earlyStopping(int value) {
            earlyStopping = value;
            return this;
        }

        public Builder robustSamples(int value) {
            robustSamples = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public LearnerSettings build() {
            return new LearnerSettings(architecture, objective, alpha, regularisation, epsilon, attackSteps, epochs,
                    batchSize, learningRate, width, channelsPerGroup, perClass, balance, validationFraction,
                    earlyStopping, robustSamples, seed);
        }
    }
}
