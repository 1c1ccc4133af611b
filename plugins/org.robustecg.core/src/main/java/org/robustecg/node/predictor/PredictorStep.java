package org.robustecg.node.predictor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.robustecg.data.Dataset;
import org.robustecg.model.Inference;
import org.robustecg.model.ModelFile;
import org.robustecg.model.TrainedModel;
import org.robustecg.node.ModelInputs;
import org.robustecg.node.ModelPort;
import org.robustecg.node.ModelPortSpec;
import org.robustecg.node.AbstractNodeStep;
import org.robustecg.node.Port;
import org.robustecg.node.StepContext;
import org.robustecg.ops.PredictOperation;
import org.robustecg.ops.Values;
import org.robustecg.table.Column;
import org.robustecg.table.ColumnType;
import org.robustecg.table.Row;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;

/** ECG Predictor: appends the predicted class and the class probabilities to a table of items. */
public final class PredictorStep extends AbstractNodeStep {

    public PredictorStep() {
        super("ECG Predictor",
                "Applies a trained model to items and appends the predicted class and, optionally, the probability of "
                    + "every class. The items must have the model's input shape (leads and length).",
                PredictOperation.SCHEMA,
                List.of(Port.model("Model", "A trained model."), Port.table("Items", "Items of the ECG Preprocessor; a "
                    + "label column is optional.")),
                List.of(Port.table("Predictions", "The input table with the predicted class and, optionally, one "
                    + "probability column per class.")));
    }

    public static final String PREDICTION = "prediction";

    @Override
    public int passThroughInput(int output) {
        return 1;
    }

    @Override
    public List<Object> configure(Values values, List<Object> inputSpecs) {
        ModelInputs.checkSpec(inputSpecs.get(0), inputSpecs.get(1), "the items table");
        if (inputSpecs.get(0) instanceof ModelPortSpec model && inputSpecs.get(1) instanceof TableSpec spec) {
            return List.of(outputSpec(spec, model.classNames(), values.bool("probabilities")));
        }
        return java.util.Arrays.asList((Object) null);
    }

    @Override
    public List<Object> execute(Values values, List<Object> inputs, StepContext context) throws IOException {
        ModelPort port = (ModelPort) inputs.get(0);
        Table table = (Table) inputs.get(1);
        boolean probabilities = values.bool("probabilities");
        Dataset items = ModelInputs.items(port, table, false, "the items table");
        List<String> classes = port.info().classNames();
        try (TrainedModel model = ModelFile.load(port.file())) {
            Inference.Predictions p = PredictOperation.run(values, model, items, context.progress());
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < table.size(); i++) {
                List<Object> cells = new ArrayList<>(table.rows().get(i).cells());
                cells.add(classes.get(p.predictions()[i]));
                if (probabilities) {
                    for (int k = 0; k < classes.size(); k++) {
                        cells.add((double) p.probabilities()[i * classes.size() + k]);
                    }
                }
                rows.add(new Row(table.rows().get(i).key(), cells));
            }
            return List.of(new Table(outputSpec(table.spec(), classes, probabilities), rows));
        }
    }

    private static TableSpec outputSpec(TableSpec in, List<String> classes, boolean probabilities) {
        List<Column> columns = new ArrayList<>(in.columns());
        columns.add(new Column(unique(in, PREDICTION), ColumnType.STRING));
        if (probabilities) {
            for (String c : classes) {
                columns.add(new Column(unique(in, "P (" + c + ")"), ColumnType.DOUBLE));
            }
        }
        return new TableSpec(columns);
    }

    /** The name, or the name with a number when the input already has such a column (KNIME's convention). */
    private static String unique(TableSpec in, String name) {
        String candidate = name;
        for (int i = 1; in.indexOf(candidate) >= 0; i++) {
            candidate = name + " (#" + i + ")";
        }
        return candidate;
    }
}
