package org.robustecg.settings;

import java.util.List;

/**
 * Every numeric setting of the product with the values it allows: the one declaration the command line, the
 * study files and the KNIME nodes check against. A face may accept an extra marker value of its own (0 for
 * "the default" in a node dialog or a study file) but never a value outside these ranges.
 *
 * <p>Radii are bounded by the data's scale: beats are scaled to [0, 1] and CPSC2018 leads to [-1, 1]
 * (METHOD 1.2), so an l-inf radius above 2, the widest range, cannot change anything an attack may reach
 * (the evaluation grids end at 0.3 and 0.1). The l2 budget of Carlini-Wagner covers a whole input
 * (8 leads x 33,792 samples in [-1, 1] span an l2 distance of about 1040), hence its larger bound.
 */
public final class SettingRanges {

    private SettingRanges() {
    }

    /** The largest l-inf radius: the width of the widest data range, [-1, 1]. */
    public static final double MAX_RADIUS = 2;

    public static final Range RADIUS = Range.positive("attack.eps", MAX_RADIUS,
            "an l-inf radius in input units; beats lie in [0, 1], multi-lead records in [-1, 1]");
    public static final Range L2_BUDGET = Range.positive("attack.l2_budget", 1000,
            "the l2 budget of cw, the norm of the whole perturbation");
    public static final Range ATTACK_STEPS = Range.count("attack.steps", 1, 100_000, "iterations of an attack");
    public static final Range STEP_SIZE = Range.positive("attack.step_size", MAX_RADIUS,
            "the step of an iterative attack in input units");
    public static final Range RESTARTS = Range.count("attack.restarts", 1, 1000, "random restarts of an attack");
    public static final Range QUERIES = Range.count("attack.queries", 1, 10_000_000,
            "Square's query budget per beat (forward passes)");
    public static final Range SQUARE_P = Range.positive("attack.square_p", 1,
            "Square's initial share of each lead's samples changed per query");
    public static final Range TARGETS = Range.count("attack.targets", 1, 1000, "APGD-T's target classes");
    public static final Range AUX_WEIGHT = Range.number("attack.aux_weight", 0, 100,
            "weight of the CAS auxiliary losses in the attack objective");

    public static final Range BATCH = Range.count("batch", 1, 1 << 20, "items processed together");
    public static final Range PER_CLASS = Range.count("per_class", 1, Integer.MAX_VALUE, "items kept of each class");
    public static final Range ITEMS = Range.count("items", 1, Integer.MAX_VALUE, "items used");

    public static final Range EPOCHS = Range.count("train.epochs", 1, 100_000, "passes over the training data");
    public static final Range TRAINING_RADIUS = Range.positive("train.eps", MAX_RADIUS,
            "the training adversary's l-inf radius; beats lie in [0, 1], multi-lead records in [-1, 1]");
    public static final Range TRAINING_STEPS = Range.count("train.attack_steps", 1, 10_000,
            "PGD steps of the training adversary");
    public static final Range LEARNING_RATE = Range.positive("train.lr", 10, "the Adamax learning rate");
    public static final Range ALPHA = Range.number("train.alpha", 0, 100, "weight of the CAS auxiliary losses");
    public static final Range REGULARISATION = Range.number("train.regularisation", 0, 1e6,
            "weight of the Jacobian or NSR penalty");
    public static final Range WIDTH = Range.number("train.width", 0.01, 16, "multiplier of every layer width");
    public static final Range CHANNELS_PER_GROUP = Range.count("train.channels_per_group", 1, 4096,
            "channels per GroupNorm group");
    public static final Range VALIDATION_FRACTION = Range.number("train.validation_fraction", 0, 0.9,
            "share of the training data held out for validation");
    public static final Range EARLY_STOPPING = Range.count("train.early_stopping", 0, 100_000,
            "epochs without improvement before training stops; 0 = never");
    public static final Range ROBUST_SAMPLES = Range.count("train.robust_samples", 0, 1 << 20,
            "validation items attacked after each epoch; 0 = none");

    public static final Range EPS_MAX = Range.positive("score.eps_max", 1000,
            "upper end of the robustness area, a radius of the attacked grid");
    public static final Range THRESHOLD = Range.positive("channels.threshold", 1,
            "activation threshold as a share of the largest activation");

    public static final Range TEST_FRACTION = Range.positive("data.test_fraction", 0.99, "test share of a random split");
    public static final Range CROP_LENGTH = Range.count("data.crop_length", 8, 10_000_000,
            "samples kept of each recording");
    public static final Range PADDED_LENGTH = Range.count("data.padded_length", 8, 10_000_000,
            "samples of each item after zero padding");

    public static final Range SAMPLING_FREQUENCY = Range.number("data.sampling_frequency", 1, 100_000,
            "samples per second (Hz)");
    public static final Range BEAT_LENGTH = Range.count("data.beat_length", 8, 100_000, "samples per beat");
    public static final Range WINDOW_FACTOR = Range.number("data.window_factor", 0.1, 10,
            "beat length in median R-R intervals");
    public static final Range SEED = Range.count("seed", Integer.MIN_VALUE, Integer.MAX_VALUE,
            "a seed of the random numbers");
    public static final Range ROW = Range.count("check.row", 0, Integer.MAX_VALUE, "a row index, from 0");
    public static final Range ANY_NUMBER = Range.number("check.bound", -Double.MAX_VALUE, Double.MAX_VALUE,
            "a bound of a checked value");

    public static final Range REPEATS = Range.count("bench.repeats", 1, 10_000, "timed repeats");
    public static final Range LAYER_WIDTH = Range.count("bench.width", 1, 65_536, "units of the timed l-inf layer");

    /** Every declared range (for documentation and tests). */
    public static final List<Range> ALL = List.of(RADIUS, L2_BUDGET, ATTACK_STEPS, STEP_SIZE, RESTARTS, QUERIES,
            SQUARE_P, TARGETS, AUX_WEIGHT,
            BATCH, PER_CLASS, ITEMS, EPOCHS, TRAINING_RADIUS, TRAINING_STEPS, LEARNING_RATE, ALPHA, REGULARISATION, WIDTH,
            CHANNELS_PER_GROUP, VALIDATION_FRACTION, EARLY_STOPPING, ROBUST_SAMPLES, EPS_MAX, THRESHOLD, TEST_FRACTION,
            CROP_LENGTH, PADDED_LENGTH, SAMPLING_FREQUENCY, BEAT_LENGTH, WINDOW_FACTOR, SEED, ROW, ANY_NUMBER, REPEATS,
            LAYER_WIDTH);
}
