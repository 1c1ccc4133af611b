package org.robustecg.node.learner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.robustecg.data.Dataset;
import org.robustecg.model.ModelFile;
import org.robustecg.model.EpochRecord;
import org.robustecg.node.ModelPort;
import org.robustecg.node.ModelPortSpec;
import org.robustecg.node.AbstractNodeStep;
import org.robustecg.node.Port;
import org.robustecg.node.StepContext;
import org.robustecg.node.tables.DatasetTables;
import org.robustecg.ops.TrainOperation;
import org.robustecg.ops.Values;
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
                TrainOperation.SCHEMA,
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

    /**
     * The model's spec is known when the training table declares its classes (the ECG Preprocessor's do), so that
     * the nodes after the learner configure before it runs.
     */
    @Override
    public List<Object> configure(Values values, List<Object> inputSpecs) {
        LearnerSettings settings = TrainOperation.settings(values);
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
    public List<Object> execute(Values values, List<Object> inputs, StepContext context) throws IOException {
        Table trainTable = (Table) inputs.get(0);
        List<String> classes = DatasetTables.classNames(trainTable);
        Dataset train = DatasetTables.toDataset(trainTable, classes, true, "the training table");
        Dataset validation = inputs.size() > 1 && inputs.get(1) != null
                ? DatasetTables.toDataset((Table) inputs.get(1), classes, true, "the validation table") : null;
        Files.createDirectories(context.workFolder());
        Path file = Files.createTempFile(context.workFolder(), "model-", ".recg");
        Files.delete(file);
        try (Learner.Learned learned = TrainOperation.run(values, train, validation, context.training(),
                context.progress())) {
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
