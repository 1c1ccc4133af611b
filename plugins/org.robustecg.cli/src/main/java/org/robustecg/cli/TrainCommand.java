package org.robustecg.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.engine.Engines;
import org.robustecg.model.Architecture;
import org.robustecg.model.EpochRecord;
import org.robustecg.model.ModelFile;
import org.robustecg.objective.Objective;
import org.robustecg.settings.SettingRanges;
import org.robustecg.train.Learner;
import org.robustecg.train.LearnerSettings;
import org.robustecg.train.TrainingListener;
import org.robustecg.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code robustecg train}: trains a network on a dataset file and writes a model file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains CASLCNet or a baseline on a dataset (.npz or Kaggle .csv) and "
                + "writes a model file. Defaults follow the paper for the data's kind (beats: batch 512, lr 1e-3, "
                + "eps 0.1; multi-lead records: batch 64, lr 1e-4, eps 0.01, MSE term).",
                "The method: METHOD 3-4 in docs/METHOD.md."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "<train.npz>", description = "training dataset")
    private Path data;

    @Option(names = "--val", paramLabel = "<val.npz>", description = "validation dataset (else --val-fraction of the training data)")
    private Path validation;

    @Option(names = "--val-fraction", defaultValue = "0.1", description = "share held out for validation without --val (${DEFAULT-VALUE}; 0 = none)")
    private double valFraction;

    @Option(names = "--model", defaultValue = "caslcnet", paramLabel = "caslcnet|resnet18|resnet18-cas|resnet18-linf|vgg19|densenet",
            description = "architecture (${DEFAULT-VALUE})")
    private String model;

    @Option(names = "--loss", defaultValue = "mart", paramLabel = "ce|pgd-at|trades|mart|jacobian|nsr",
            description = "objective (${DEFAULT-VALUE})")
    private String loss;

    @Option(names = "--alpha", defaultValue = "2", description = "weight of the CAS auxiliary losses (${DEFAULT-VALUE})")
    private double alpha;

    @Option(names = "--regularisation", description = "weight of the Jacobian (0.01) or NSR (1) penalty")
    private Double regularisation;

    @Option(names = "--eps", description = "l-inf radius of the training adversary")
    private Double eps;

    @Option(names = "--steps", defaultValue = "10", description = "PGD steps of the training adversary (${DEFAULT-VALUE})")
    private int steps;

    @Option(names = "--epochs", defaultValue = "100", description = "epochs (${DEFAULT-VALUE})")
    private int epochs;

    @Option(names = "--batch", description = "batch size")
    private Integer batch;

    @Option(names = "--lr", description = "Adamax learning rate")
    private Double lr;

    @Option(names = "--width-multiplier", defaultValue = "1", description = "scales every width (${DEFAULT-VALUE})")
    private double width;

    @Option(names = "--channels-per-group", defaultValue = "16",
            description = "channels per GroupNorm group; 1 = the paper's GroupNorm(C, C) (${DEFAULT-VALUE})")
    private int channelsPerGroup;

    @Option(names = "--subset", description = "at most this many training items per class (seeded)")
    private Integer subset;

    @Option(names = "--balance", description = "up-sample every training class to the largest")
    private boolean balance;

    @Option(names = "--early-stopping", defaultValue = "0", description = "stop after this many epochs without improvement (0 = never)")
    private int earlyStopping;

    @Option(names = "--seed", defaultValue = "1", description = "seed (${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "<model.recg>", description = "model file to write")
    private Path out;

    @Option(names = "--overwrite", description = "replace an existing model file")
    private boolean overwrite;

    @Option(names = "--json", description = "print the summary as JSON")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Architecture architecture;
        Objective objective;
        try {
            architecture = Architecture.ofCliName(model);
            objective = Objective.ofCliName(loss);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        OptionChecks check = new OptionChecks(spec);
        check.number("--val-fraction", SettingRanges.VALIDATION_FRACTION, valFraction);
        check.number("--alpha", SettingRanges.ALPHA, alpha);
        check.optional("--regularisation", SettingRanges.REGULARISATION, regularisation);
        check.optional("--eps", SettingRanges.TRAINING_RADIUS, eps);
        check.count("--steps", SettingRanges.TRAINING_STEPS, steps);
        check.count("--epochs", SettingRanges.EPOCHS, epochs);
        check.optional("--batch", SettingRanges.BATCH, batch);
        check.optional("--lr", SettingRanges.LEARNING_RATE, lr);
        check.number("--width-multiplier", SettingRanges.WIDTH, width);
        check.count("--channels-per-group", SettingRanges.CHANNELS_PER_GROUP, channelsPerGroup);
        check.optional("--subset", SettingRanges.PER_CLASS, subset);
        check.count("--early-stopping", SettingRanges.EARLY_STOPPING, earlyStopping);
        DatasetOutput.checkWritable(overwrite, out);
        Resources resources = new Resources();
        Dataset train = DatasetFiles.load(data);
        Dataset val = validation == null ? null : DatasetFiles.load(validation);
        LearnerSettings settings = LearnerSettings.builder(architecture, objective).alpha(alpha)
                .regularisation(optional(regularisation)).epsilon(optional(eps)).attackSteps(steps).epochs(epochs)
                .batchSize(optional(batch)).learningRate(optional(lr)).width(width).channelsPerGroup(channelsPerGroup)
                .perClass(optional(subset)).balance(balance).validationFraction(valFraction)
                .earlyStopping(earlyStopping).seed(seed).build();
        if (!json) {
            System.err.printf("training %s with %s on %s on %s%n", architecture.cliName(), objective.cliName(), data,
                    Engines.describe());
        }
        ConsoleProgress progress = new ConsoleProgress("training", !json, Interrupts.CANCELLED);
        TrainingResult result;
        int trainItems;
        int valItems;
        try (Learner.Learned learned = learn(settings, train, val, progress)) {
            result = learned.result();
            trainItems = learned.trainingItems();
            valItems = learned.validationItems();
            ModelFile.save(learned.model(), out, overwrite);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", out.toAbsolutePath().normalize().toString());
        summary.put("architecture", architecture.cliName());
        summary.put("loss", objective.cliName());
        summary.put("training_items", trainItems);
        summary.put("validation_items", valItems);
        summary.put("best_epoch", result.bestEpoch());
        summary.put("stopped_early", result.stoppedEarly());
        summary.put("device", Engines.describe());
        summary.put("seconds", Math.round(resources.seconds() * 10) / 10.0);
        summary.put("history", result.history());
        if (json) {
            Output.json(System.out, summary);
        } else {
            System.out.printf("wrote %s (best epoch %d of %d) in %.1f s%n", summary.get("model"), result.bestEpoch(),
                    result.history().size(), resources.seconds());
        }
        return 0;
    }

    /** ", head changed 12% 30% ..." for a model with an l-inf head, else nothing. */
    /** An option the user left out is unset: the learner then takes the paper's value for the data. */
    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static String headChanged(EpochRecord r) {
        if (r.headChanged() == null || r.headChanged().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(", head changed");
        r.headChanged().forEach(share -> text.append(String.format(" %.0f%%", 100 * share)));
        return text.toString();
    }

    private Learner.Learned learn(LearnerSettings settings, Dataset train, Dataset val, ConsoleProgress progress) {
        try {
            return Learner.train(settings, train, val, new TrainingListener() {
                @Override
                public void epoch(EpochRecord r) {
                    if (!json) {
                        progress.finish();
                        System.err.printf("epoch %d: loss %.4f, train acc %.4f, val loss %.4f, val acc %.4f, "
                                + "robust acc %.4f, lr %.1e%s, %.1f s%n", r.epoch(), r.trainLoss(), r.trainAccuracy(),
                                r.validationLoss(), r.validationAccuracy(), r.robustAccuracy(), r.learningRate(),
                                headChanged(r), r.seconds());
                    }
                }
            }, progress);
        } finally {
            progress.finish();
        }
    }
}
