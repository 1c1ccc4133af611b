package org.robustecg.ops;

import java.util.Arrays;
import java.util.List;
import org.robustecg.data.Dataset;
import org.robustecg.engine.Engines;
import org.robustecg.model.Architecture;
import org.robustecg.model.ModelSettings;
import org.robustecg.objective.Objective;
import org.robustecg.progress.Progress;
import org.robustecg.settings.SettingRanges;
import org.robustecg.train.Learner;
import org.robustecg.train.LearnerSettings;
import org.robustecg.train.TrainingListener;

/**
 * The train operation: a network trained on labelled items as the user chose, the paper's defaults for the data's
 * kind (beats or multi-lead records) where a setting is unset. The command line's {@code train}, the CASLCNet
 * Learner node and a study's {@code models} entries (with its {@code train} section as their common settings).
 */
public final class TrainOperation {

    public static final Schema SCHEMA = new Schema("train", List.of(
            Parameter.choice("architecture", "Architecture", "caslcnet", Arrays.stream(Architecture.values())
                    .map(Architecture::cliName).toList(), "caslcnet (the paper's network), resnet18 (Method 1), "
                    + "resnet18-cas (Method 2), resnet18-linf (Method 3), vgg19 or densenet."),
            Parameter.choice("loss", "Loss", "mart", Arrays.stream(Objective.values()).map(Objective::cliName).toList(),
                    "ce (no adversary), pgd-at (Madry), trades, mart (the paper's), jacobian or nsr regularisation."),
            Parameter.number("alpha", "CAS weight (alpha)", 2, SettingRanges.ALPHA, "", "Weight of the CAS auxiliary "
                    + "losses."),
            Parameter.optionalNumber("regularisation", "Regularisation weight", SettingRanges.REGULARISATION, "",
                    "Weight of the Jacobian or NSR penalty; unset: the loss's default, 0.01 Jacobian, 1 NSR."),
            Parameter.optionalNumber("eps", "Training eps", SettingRanges.TRAINING_RADIUS, "input units", "l-inf "
                    + "radius of the training adversary; unset: the paper's, 0.1 for beats, 0.01 for multi-lead "
                    + "records."),
            Parameter.integer("attack_steps", "Adversary steps", 10, SettingRanges.TRAINING_STEPS, "iterations",
                    "PGD steps of the training adversary."),
            Parameter.integer("epochs", "Epochs", 100, SettingRanges.EPOCHS, "epochs", "Passes over the training "
                    + "data."),
            Parameter.optionalInteger("batch_size", "Batch size", SettingRanges.BATCH, "items", "Items per step; "
                    + "unset: the paper's, 512 for beats, 64 for multi-lead records."),
            Parameter.optionalNumber("learning_rate", "Learning rate", SettingRanges.LEARNING_RATE, "", "Adamax "
                    + "learning rate; unset: the paper's, 1e-3 for beats, 1e-4 for multi-lead records."),
            Parameter.number("width", "Width multiplier", 1, SettingRanges.WIDTH, "", "Scales every layer width (1 = "
                    + "the paper's)."),
            Parameter.integer("channels_per_group", "Channels per GroupNorm group", ModelSettings.CHANNELS_PER_GROUP,
                    SettingRanges.CHANNELS_PER_GROUP, "channels", "1 is the paper's GroupNorm(C, C); 16 trains "
                    + "reliably (see docs/RESULTS.md)."),
            Parameter.optionalInteger("per_class", "Training items per class", SettingRanges.PER_CLASS, "items",
                    "At most this many training items per class (after the validation hold-out), seeded; unset: "
                    + "all."),
            Parameter.bool("balance", "Balance classes", false, "Up-sample every training class to the largest."),
            Parameter.number("validation_fraction", "Validation fraction", 0.1, SettingRanges.VALIDATION_FRACTION, "",
                    "Share of the training items held out for validation when no validation items are given."),
            Parameter.integer("early_stopping", "Early stopping patience", 0, SettingRanges.EARLY_STOPPING, "epochs",
                    "Stop after this many epochs without a better validation loss (0 = never)."),
            Parameter.integer("robust_samples", "Robust validation items", 200, SettingRanges.ROBUST_SAMPLES, "items",
                    "Validation items attacked after each epoch to report robust accuracy (0 = none)."),
            Parameter.integer("seed", "Seed", 1, SettingRanges.SEED, "", "Seed of initialisation, shuffling, "
                    + "hold-out, subsets and the adversary."),
            Parameter.choice("device", "Device", "auto", List.of("auto", "cpu", "gpu"), "Where training runs: auto "
                    + "(the first GPU DJL sees, else the CPU), cpu, or gpu (fails when there is none).")));

    private TrainOperation() {
    }

    /** The learner's settings; an unset value takes the paper's default for the data's kind. */
    public static LearnerSettings settings(Values v) {
        return LearnerSettings.builder(Architecture.ofCliName(v.text("architecture")),
                Objective.ofCliName(v.text("loss"))).alpha(v.number("alpha"))
                .regularisation(v.optionalNumber("regularisation")).epsilon(v.optionalNumber("eps"))
                .attackSteps(v.integer("attack_steps")).epochs(v.integer("epochs"))
                .batchSize(v.optionalInteger("batch_size")).learningRate(v.optionalNumber("learning_rate"))
                .width(v.number("width")).channelsPerGroup(v.integer("channels_per_group"))
                .perClass(v.optionalInteger("per_class")).balance(v.bool("balance"))
                .validationFraction(v.number("validation_fraction")).earlyStopping(v.integer("early_stopping"))
                .robustSamples(v.integer("robust_samples")).seed(v.integer("seed")).build();
    }

    /**
     * @param validation validation items, or null to hold out the validation fraction of the training items
     */
    public static Learner.Learned run(Values v, Dataset train, Dataset validation, TrainingListener listener,
            Progress progress) {
        return Learner.train(settings(v), train, validation, listener, progress, Engines.device(v.text("device")));
    }
}
