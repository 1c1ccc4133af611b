package org.robustecg.node.attacker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.robustecg.attack.AdversarialDataset;
import org.robustecg.attack.AttackRecord;
import org.robustecg.attack.AttackSettings;
import org.robustecg.attack.RobustnessEvaluation;
import org.robustecg.data.Dataset;
import org.robustecg.model.ModelFile;
import org.robustecg.model.TrainedModel;
import org.robustecg.node.ModelInputs;
import org.robustecg.node.ModelPort;
import org.robustecg.node.ModelPortSpec;
import org.robustecg.node.AbstractNodeStep;
import org.robustecg.node.Option;
import org.robustecg.node.OptionValues;
import org.robustecg.node.Port;
import org.robustecg.node.StepContext;
import org.robustecg.node.tables.DatasetTables;
import org.robustecg.node.tables.PredictionTables;
import org.robustecg.progress.Progress;
import org.robustecg.table.Column;
import org.robustecg.table.ColumnType;
import org.robustecg.table.Row;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;

/** Adversarial Attacker: one attack over a radius grid on every item of a table. */
public final class AttackerStep extends AbstractNodeStep {

    public AttackerStep() {
        super("Adversarial Attacker",
                "Attacks a model on labelled items with one white-box attack over a grid of radii and records, for "
                    + "every item and radius, the prediction on the attacked input (the clean prediction at eps = 0). "
                    + "Attacks on CAS models are adaptive: gradients flow through the masks chosen by the auxiliary "
                    + "heads. Every perturbation stays in its l-inf ball (an l2 budget for C&W) and, when clamping is "
                    + "on, in the model's value range.",
                AttackerSettings.OPTIONS,
                List.of(Port.model("Model", "The model to attack."),
                Port.table("Items", "Labelled items (e.g. the test table of the ECG Preprocessor).")),
                List.of(Port.table("Predictions", "One row per item and radius (eps = 0 is the clean prediction): "
                    + "attack, epsilon, sample id, label, prediction, clean prediction, l-inf and l2 size, SNR."),
                Port.table("Adversarial items", "Every item attacked at every radius (when enabled): the item "
                    + "columns plus the radius and the sample id; empty otherwise.")));
    }

    @Override
    public List<Object> configure(OptionValues values, List<Object> inputSpecs) {
        AttackerSettings.of(values);
        ModelInputs.checkSpec(inputSpecs.get(0), inputSpecs.get(1), "the items table");
        Object adversarial = inputSpecs.get(0) instanceof ModelPortSpec model
                && inputSpecs.get(1) instanceof TableSpec spec ? adversarialSpec(DatasetTables.leadNames(spec),
                        model.classNames()) : null;
        return java.util.Arrays.asList(PredictionTables.SPEC, adversarial);
    }

    @Override
    public List<Object> execute(OptionValues values, List<Object> inputs, StepContext context) throws IOException {
        AttackerSettings s = AttackerSettings.of(values);
        ModelPort port = (ModelPort) inputs.get(0);
        Table table = (Table) inputs.get(1);
        Dataset items = ModelInputs.items(port, table, true, "the items table");
        Progress progress = context.progress();
        try (TrainedModel model = ModelFile.load(port.file())) {
            AttackSettings attack = s.attack(model.info());
            double share = s.adversarial() ? 0.5 : 1;
            List<AttackRecord> rows = RobustnessEvaluation.run(model, items, attack, s.epsilons(), s.batchSize(),
                    progress.range(0, share));
            List<String> leads = DatasetTables.leadNames(table.spec());
            List<Row> adversarial = new ArrayList<>();
            if (s.adversarial()) {
                for (int k = 0; k < s.epsilons().length; k++) {
                    double eps = s.epsilons()[k];
                    Dataset adv = AdversarialDataset.of(model, items, attack, eps, s.batchSize(), progress.range(
                            share + share * k / s.epsilons().length, share + share * (k + 1) / s.epsilons().length));
                    Table t = DatasetTables.toTable(adv, leads, "eps" + eps + "-");
                    for (int i = 0; i < t.size(); i++) {
                        List<Object> cells = new ArrayList<>(t.rows().get(i).cells());
                        cells.add(eps);
                        cells.add(i);
                        adversarial.add(new Row(t.rows().get(i).key(), cells));
                    }
                }
            }
            progress.update(1, "done");
            return List.of(PredictionTables.toTable(rows),
                    new Table(adversarialSpec(leads, port.info().classNames()), adversarial));
        }
    }

    /** Items with the model's classes, then the radius and the index of the clean item. */
    private static TableSpec adversarialSpec(List<String> leads, List<String> classNames) {
        List<Column> columns = new ArrayList<>(DatasetTables.spec(leads, classNames).columns());
        columns.add(new Column("epsilon", ColumnType.DOUBLE));
        columns.add(new Column("sample id", ColumnType.INTEGER));
        return new TableSpec(columns);
    }
}
