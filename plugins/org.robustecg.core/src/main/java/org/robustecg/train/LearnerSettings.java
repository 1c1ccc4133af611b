package org.robustecg.train;

import org.robustecg.model.Architecture;
import org.robustecg.model.ModelSettings;
import org.robustecg.objective.Objective;
import org.robustecg.settings.SettingRanges;

/**
 * What a user chooses when training a network on a dataset: the command line's train options, the KNIME
 * learner's settings and a study's model entry. Values left at their "unset" marker (NaN, 0) take the
 * paper's default for the data's kind (METHOD 4.7: beats or multi-lead records).
 *
 * @param architecture     which network
 * @param objective        the training loss
 * @param alpha            weight of the CAS auxiliary losses (2)
 * @param regularisation   weight of the Jacobian or NSR penalty; NaN = the objective's default
 * @param epsilon          l-inf radius of the training adversary; NaN = 0.1 for beats, 0.01 for records
 * @param attackSteps      PGD steps of the training adversary (10)
 * @param epochs           epochs (100)
 * @param batchSize        batch size; 0 = 512 for beats, 64 for records
 * @param learningRate     Adamax learning rate; NaN = 1e-3 for beats, 1e-4 for records
 * @param width            width multiplier (1 = the paper's widths)
 * @param channelsPerGroup channels per GroupNorm group (16; 1 = the paper's GroupNorm(C, C))
 * @param perClass         at most this many training items per class, seeded; 0 = all
 * @param balance          up-sample every training class to the largest
 * @param validationFraction share of the training data held out for validation when no validation set is given
 * @param earlyStopping    epochs without improvement before training stops; 0 = never
 * @param robustSamples    validation items attacked after each epoch to report robust accuracy (200; 0 = none)
 * @param seed             seed of the split, subsets, initialisation, shuffling and the adversary
 */
public record LearnerSettings(Architecture architecture, Objective objective, double alpha, double regularisation,
        double epsilon, int attackSteps, int epochs, int batchSize, double learningRate, double width,
        int channelsPerGroup, int perClass, boolean balance, double validationFraction, int earlyStopping,
        int robustSamples, long seed) {

    public LearnerSettings {
        if (architecture == null || objective == null) {
            throw new IllegalArgumentException("an architecture and a loss are needed");
        }
        // NaN and 0 are the "unset" markers of the fields that default by the data's kind.
        SettingRanges.ALPHA.check("training setting alpha", alpha);
        SettingRanges.REGULARISATION.checkOr(Double.NaN, "training setting regularisation", regularisation);
        SettingRanges.TRAINING_RADIUS.checkOr(Double.NaN, "training setting eps", epsilon);
        SettingRanges.TRAINING_STEPS.check("training setting attack_steps", attackSteps);
        SettingRanges.EPOCHS.check("training setting epochs", epochs);
        SettingRanges.BATCH.checkOr(0, "training setting batch", batchSize);
        SettingRanges.LEARNING_RATE.checkOr(Double.NaN, "training setting lr", learningRate);
        SettingRanges.WIDTH.check("training setting width", width);
        SettingRanges.CHANNELS_PER_GROUP.check("training setting channels_per_group", channelsPerGroup);
        SettingRanges.PER_CLASS.checkOr(0, "training setting per_class", perClass);
        SettingRanges.VALIDATION_FRACTION.check("training setting validation_fraction", validationFraction);
        SettingRanges.EARLY_STOPPING.check("training setting early_stopping", earlyStopping);
        SettingRanges.ROBUST_SAMPLES.check("training setting robust_samples", robustSamples);
    }

    /** The paper's settings for this architecture and loss (every data-dependent value left to the data). */
    public static LearnerSettings of(Architecture architecture, Objective objective) {
        return new LearnerSettings(architecture, objective, 2, Double.NaN, Double.NaN, 10, 100, 0, Double.NaN, 1,
                ModelSettings.CHANNELS_PER_GROUP, 0, false, 0.1, 0, 200, 1);
    }

    public LearnerSettings withAlpha(double a) {
        return new LearnerSettings(architecture, objective, a, regularisation, epsilon, attackSteps, epochs, batchSize,
                learningRate, width, channelsPerGroup, perClass, balance, validationFraction, earlyStopping,
                robustSamples, seed);
    }

    public LearnerSettings withRegularisation(double r) {
        return new LearnerSettings(architecture, objective, alpha, r, epsilon, attackSteps, epochs, batchSize,
                learningRate, width, channelsPerGroup, perClass, balance, validationFraction, earlyStopping,
                robustSamples, seed);
    }

    public LearnerSettings withAdversary(double eps, int steps) {
        return new LearnerSettings(architecture, objective, alpha, regularisation, eps, steps, epochs, batchSize,
                learningRate, width, channelsPerGroup, perClass, balance, validationFraction, earlyStopping,
                robustSamples, seed);
    }

    public LearnerSettings withSchedule(int e, int batch, double lr) {
        return new LearnerSettings(architecture, objective, alpha, regularisation, epsilon, attackSteps, e, batch, lr,
                width, channelsPerGroup, perClass, balance, validationFraction, earlyStopping, robustSamples, seed);
    }

    public LearnerSettings withNetwork(double w, int perGroup) {
        return new LearnerSettings(architecture, objective, alpha, regularisation, epsilon, attackSteps, epochs,
                batchSize, learningRate, w, perGroup, perClass, balance, validationFraction, earlyStopping,
                robustSamples, seed);
    }

    public LearnerSettings withData(int items, boolean up, double valFraction) {
        return new LearnerSettings(architecture, objective, alpha, regularisation, epsilon, attackSteps, epochs,
                batchSize, learningRate, width, channelsPerGroup, items, up, valFraction, earlyStopping, robustSamples,
                seed);
    }

    public LearnerSettings withMonitoring(int patience, int robust) {
        return new LearnerSettings(architecture, objective, alpha, regularisation, epsilon, attackSteps, epochs,
                batchSize, learningRate, width, channelsPerGroup, perClass, balance, validationFraction, patience,
                robust, seed);
    }

    public LearnerSettings withSeed(long s) {
        return new LearnerSettings(architecture, objective, alpha, regularisation, epsilon, attackSteps, epochs,
                batchSize, learningRate, width, channelsPerGroup, perClass, balance, validationFraction, earlyStopping,
                robustSamples, s);
    }
}
