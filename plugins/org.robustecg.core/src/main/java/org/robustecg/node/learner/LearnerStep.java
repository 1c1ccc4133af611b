package org.robustecg.node.learner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.robustecg.data.Dataset;
import org.robustecg.engine.Engines;
import org.robustecg.model.Architecture;
import org.robustecg.model.EpochRecord;
import org.robustecg.model.ModelFile;
import org.robustecg.model.ModelSettings;
import org.robustecg.node.AbstractNodeStep;
import org.robustecg.node.ModelPort;
import org.robustecg.node.ModelPortSpec;
import org.robustecg.node.Option;
import org.robustecg.node.OptionValues;
import org.robustecg.node.Port;
import org.robustecg.node.StepContext;
import org.robustecg.node.tables.DatasetTables;
import org.robustecg.objective.Objective;
import org.robustecg.settings.SettingRanges;
import org.robustecg.table.Column;
import org.robustecg.table.ColumnType;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;
import org.robustecg.train.Learner;
import org.robustecg.train.LearnerSettings;

/** CASLCNet Learner: trains any architecture with any loss on a table of items. */
public final class LearnerStep extends AbstractNodeStep {

    public LearnerStep() {
        super("CASLCNet Learner",
                "Trains CASLCNet (channel-wise activation suppressing and a 1-Lipschitz l-inf distance head) or one of "
                    + "its baselines (ResNet18-1D, with CAS, with the l-inf head, VGG19-1D, DenseNet-1D) with "
                    + "cross-entropy, PGD adversarial training, TRADES, MART (the paper's default, with the CAS "
                    + "auxiliary term) or Jacobian / NSR regularisation. Adamax with plateau learning-rate decay, the "
                    + "weights of the best validation epoch, seeded. Runs on a GPU when DJL finds one, else on the "
                    + "CPU. The view shows loss and accuracy per epoch while it trains.",
                OPTIONS,
                List.of(Port.table("Training items", "Items of the ECG Preprocessor (label and signal columns)."),
                Port.optionalTable("Validation items", "Items for validation; else a share of the training items.")),
                List.of(Port.model("Model", "The trained model: architecture, classes, input shape, preprocessing, "
                    + "training history and the weights of the best epoch."),
                Port.table("Training history", "One row per epoch: losses, accuracies, robust accuracy, learning "
                    + "rate, l-p exponent, seconds.")));
    }

    public static final TableSpec HISTORY = TableSpec.of(new Column("epoch", ColumnType.INTEGER),
            new Column("training loss", ColumnType.DOUBLE), new Column("training accuracy", ColumnType.DOUBLE),
            new Column("validation loss", ColumnType.DOUBLE), new Column("validation accuracy", ColumnType.DOUBLE),
            new Column("robust accuracy", ColumnType.DOUBLE), new Column("learning rate", ColumnType.DOUBLE),
            new Column("p", ColumnType.DOUBLE), new Column("seconds", ColumnType.DOUBLE));

    public static final List<Option> OPTIONS = List.of(
            Option.choice("architecture", "Architecture", "caslcnet", Arrays.stream(Architecture.values())
                    .map(Architecture::cliName).toList(), "caslcnet (the paper's network), resnet18 (Method 1), "
                    + "resnet18-cas (Method 2), resnet18-linf (Method 3), vgg19 or densenet."),
            Option.choice("loss", "Loss", "mart", Arrays.stream(Objective.values()).map(Objective::cliName).toList(),
                    "ce (no adversary), pgd-at (Madry), trades, mart (the paper's), jacobian or nsr regularisation."),
            Option.number("alpha", "CAS weight (alpha)", 2, SettingRanges.ALPHA, "Weight of the CAS auxiliary losses."),
            Option.numberOrDefault("regularisation", "Regularisation weight", SettingRanges.REGULARISATION, "Weight of the Jacobian or NSR penalty "
                    + "(0 = the loss's default: 0.01 Jacobian, 1 NSR)."),
            Option.numberOrDefault("epsilon", "Training eps", SettingRanges.TRAINING_RADIUS, "l-inf radius of the training adversary (0 = the "
                    + "paper's: 0.1 for beats, 0.01 for multi-lead records)."),
            Option.integer("attack_steps", "Adversary steps", 10, SettingRanges.TRAINING_STEPS, "PGD steps of the training adversary."),
            Option.integer("epochs", "Epochs", 100, SettingRanges.EPOCHS, "Passes over the training data."),
            Option.integerOrDefault("batch_size", "Batch size", SettingRanges.BATCH, "Items per step (0 = the paper's: 512 for "
                    + "beats, 64 for records)."),
            Option.numberOrDefault("learning_rate", "Learning rate", SettingRanges.LEARNING_RATE, "Adamax learning rate (0 = the paper's: 1e-3 for "
                    + "beats, 1e-4 for records)."),
            Option.number("width", "Width multiplier", 1, SettingRanges.WIDTH, "Scales every layer width (1 = the paper's)."),
            Option.integer("channels_per_group", "Channels per GroupNorm group", ModelSettings.CHANNELS_PER_GROUP,
                    SettingRanges.CHANNELS_PER_GROUP, "1 is the paper's GroupNorm(C, C); 16 trains reliably (see docs/RESULTS.md)."),
            Option.integerOrDefault("per_class", "Training items per class", SettingRanges.PER_CLASS, "At most this many "
                    + "training items per class, seeded (0 = all)."),
            Option.bool("balance", "Balance classes", false, "Up-sample every training class to the largest."),
            Option.number("validation_fraction", "Validation fraction", 0.1, SettingRanges.VALIDATION_FRACTION, "Share of the training table "
                    + "held out for validation when the validation input is not connected."),
            Option.integer("early_stopping", "Early stopping patience", 0, SettingRanges.EARLY_STOPPING, "Stop after this many epochs "
                    + "without a better validation loss (0 = never)."),
            Option.integer("robust_samples", "Robust validation items", 200, SettingRanges.ROBUST_SAMPLES, "Validation items attacked "
                    + "after each epoch to report robust accuracy (0 = none)."),
            Option.anyInteger("seed", "Seed", 1, "Seed of initialisation, "
                    + "shuffling, hold-out and the adversary."),
            Option.choice("device", "Device", "auto", List.of("auto", "cpu", "gpu"), "Where training runs: auto (the "
                    + "first GPU DJL sees, else the CPU), cpu, or gpu (fails when there is none)."));

    public static LearnerSettings settings(OptionValues v) {
        double reg = v.number("regularisation");
        double eps = v.number("epsilon");
        double lr = v.number("learning_rate");
        int batch = v.integer("batch_size");
        int perClass = v.integer("per_class");
        // The dialog's 0 stands for "the default for the data" (or "all items").
        return LearnerSettings.builder(Architecture.ofCliName(v.text("architecture")),
                Objective.ofCliName(v.text("loss"))).alpha(v.number("alpha"))
                .regularisation(reg > 0 ? OptionalDouble.of(reg) : OptionalDouble.empty())
                .epsilon(eps > 0 ? OptionalDouble.of(eps) : OptionalDouble.empty()).attackSteps(v.integer("attack_steps"))
                .epochs(v.integer("epochs")).batchSize(batch > 0 ? OptionalInt.of(batch) : OptionalInt.empty())
                .learningRate(lr > 0 ? OptionalDouble.of(lr) : OptionalDouble.empty()).width(v.number("width"))
                .channelsPerGroup(v.integer("channels_per_group"))
                .perClass(perClass > 0 ? OptionalInt.of(perClass) : OptionalInt.empty()).balance(v.bool("balance"))
                .validationFraction(v.number("validation_fraction")).earlyStopping(v.integer("early_stopping"))
                .robustSamples(v.integer("robust_samples")).seed(v.integer("seed")).build();
    }

    /**
     * The model's spec is known when the training table declares its classes (the ECG Preprocessor's do), so that
     * the nodes after the learner configure before it runs.
     */
    @Override
    public List<Object> configure(OptionValues values, List<Object> inputSpecs) {
        LearnerSettings settings = settings(values);
        for (int i = 0; i < inputSpecs.size(); i++) {
            if (inputSpecs.get(i) instanceof TableSpec spec) {
                String what = i == 0 ? "the training table" : "the validation table";
                spec.require(DatasetTables.LABEL, ColumnType.STRING, what);
                DatasetTables.leadColumns(spec, what);
            }
        }
        ModelPortSpec model = null;
        if (inputSpecs.get(0) instanceof TableSpec train) {
            List<String> classes = DatasetTables.classNames(train);
            model = classes.isEmpty() ? null : new ModelPortSpec(settings.architecture(), classes,
                    DatasetTables.leadColumns(train, "the training table").size(), null);
        }
        return Arrays.asList(model, HISTORY);
    }

    @Override
    public List<Object> execute(OptionValues values, List<Object> inputs, StepContext context) throws IOException {
        LearnerSettings settings = settings(values);
        Table trainTable = (Table) inputs.get(0);
        List<String> classes = DatasetTables.classNames(trainTable);
        Dataset train = DatasetTables.toDataset(trainTable, classes, true, "the training table");
        Dataset validation = inputs.size() > 1 && inputs.get(1) != null
                ? DatasetTables.toDataset((Table) inputs.get(1), classes, true, "the validation table") : null;
        Files.createDirectories(context.workFolder());
        Path file = Files.createTempFile(context.workFolder(), "model-", ".recg");
        Files.delete(file);
        try (Learner.Learned learned = Learner.train(settings, train, validation, context.training(),
                context.progress(), Engines.device(values.text("device")))) {
            ModelFile.save(learned.model(), file, false);
            Table.Builder history = new Table.Builder(HISTORY);
            for (EpochRecord r : learned.result().history()) {
                history.add("epoch " + r.epoch(), r.epoch(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(),
                        r.validationAccuracy(), r.robustAccuracy(), r.learningRate(), r.p(), r.seconds());
            }
            return List.of(new ModelPort(file, learned.model().info()), history.build());
        }
    }
}
