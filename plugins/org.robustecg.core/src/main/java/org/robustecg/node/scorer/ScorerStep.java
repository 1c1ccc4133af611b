package org.robustecg.node.scorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.robustecg.metrics.ConfusionMatrix;
import org.robustecg.metrics.RobustnessScore;
import org.robustecg.node.AbstractNodeStep;
import org.robustecg.node.PngImage;
import org.robustecg.node.Port;
import org.robustecg.node.StepContext;
import org.robustecg.node.tables.PredictionTables;
import org.robustecg.ops.ScoreOperation;
import org.robustecg.ops.Values;
import org.robustecg.report.Charts;
import org.robustecg.table.Column;
import org.robustecg.table.ColumnType;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;

/** Robustness Scorer: ACC_robust, F1_robust, curves and confusion matrices of a predictions table. */
public final class ScorerStep extends AbstractNodeStep {

    public ScorerStep() {
        super("Robustness Scorer",
                "Scores a predictions table: accuracy and macro F1 at every radius (a sample wrong on clean input "
                    + "stays wrong), ACC_robust = sqrt(clean accuracy x normalised area under the accuracy curve up to "
                    + "eps max) and F1_robust likewise, each with a 95 % interval (Wilson for accuracies, a bootstrap "
                    + "over beats for the others), confusion matrices at every radius, and a chart of the curves. The "
                    + "headline is the ensemble attack, or else the per-beat worst case over the table's attacks. "
                    + "Warns when a single attack overstates robustness against the ensemble or a weaker attack beats "
                    + "a stronger one, signs of gradient masking.",
                ScoreOperation.SCHEMA,
                List.of(Port.table("Predictions", "The predictions table of the Adversarial Attacker (several attacks "
                    + "may be concatenated).")),
                List.of(Port.table("Robustness", "One row per attack, the headline first: ACC_robust, F1_robust, "
                    + "clean accuracy and macro F1 with their 95 % intervals, eps max, the curve points with "
                    + "intervals, and the gradient-masking warnings about this attack."),
                Port.table("Confusion matrices", "One row per attack, radius, true and predicted class: the count."),
                Port.image("Curves", "Accuracy (or macro F1) against eps, one line per attack (PNG).")));
    }

    public static final TableSpec METRICS = TableSpec.of(new Column("attack", ColumnType.STRING),
            new Column("role", ColumnType.STRING), new Column("ACC_robust", ColumnType.DOUBLE),
            new Column("ACC_robust low", ColumnType.DOUBLE), new Column("ACC_robust high", ColumnType.DOUBLE),
            new Column("F1_robust", ColumnType.DOUBLE), new Column("F1_robust low", ColumnType.DOUBLE),
            new Column("F1_robust high", ColumnType.DOUBLE), new Column("clean accuracy", ColumnType.DOUBLE),
            new Column("clean accuracy low", ColumnType.DOUBLE), new Column("clean accuracy high", ColumnType.DOUBLE),
            new Column("clean macro F1", ColumnType.DOUBLE), new Column("clean macro F1 low", ColumnType.DOUBLE),
            new Column("clean macro F1 high", ColumnType.DOUBLE), new Column("eps max", ColumnType.DOUBLE),
            new Column("curve epsilon", ColumnType.DOUBLE_LIST), new Column("curve accuracy", ColumnType.DOUBLE_LIST),
            new Column("curve accuracy low", ColumnType.DOUBLE_LIST),
            new Column("curve accuracy high", ColumnType.DOUBLE_LIST), new Column("curve macro F1", ColumnType.DOUBLE_LIST),
            new Column("curve macro F1 low", ColumnType.DOUBLE_LIST),
            new Column("curve macro F1 high", ColumnType.DOUBLE_LIST), new Column("warnings", ColumnType.STRING_LIST));

    public static final TableSpec CONFUSIONS = TableSpec.of(new Column("attack", ColumnType.STRING),
            new Column("epsilon", ColumnType.DOUBLE), new Column("true class", ColumnType.STRING),
            new Column("predicted class", ColumnType.STRING), new Column("count", ColumnType.INTEGER));

    @Override
    public List<Object> configure(Values values, List<Object> inputSpecs) {
        if (inputSpecs.get(0) instanceof TableSpec spec) {
            spec.require("attack", ColumnType.STRING, "the predictions table");
            spec.require("epsilon", ColumnType.DOUBLE, "the predictions table");
            spec.require("label", ColumnType.STRING, "the predictions table");
            spec.require("prediction", ColumnType.STRING, "the predictions table");
        }
        return java.util.Arrays.asList(METRICS, CONFUSIONS, null);
    }

    @Override
    public List<Object> execute(Values values, List<Object> inputs, StepContext context) throws IOException {
        ScoreOperation.Scores scores = ScoreOperation.run(values, PredictionTables.records((Table) inputs.get(0)));
        RobustnessScore headline = scores.headline();
        Table.Builder metrics = new Table.Builder(METRICS);
        Table.Builder confusions = new Table.Builder(CONFUSIONS);
        Map<String, List<RobustnessScore.CurvePoint>> curves = new LinkedHashMap<>();
        int row = 0;
        for (RobustnessScore score : scores.ordered()) {
            List<RobustnessScore.CurvePoint> c = score.curve();
            RobustnessScore.CurvePoint clean = c.get(0);
            List<String> mine = scores.about(score.attack());
            metrics.add(score.attack(), score.attack(), score == headline ? "headline" : "single attack",
                    score.accRobust(), score.accRobustInterval().low(), score.accRobustInterval().high(),
                    score.f1Robust(), score.f1RobustInterval().low(), score.f1RobustInterval().high(),
                    clean.accuracy(), clean.accuracyInterval().low(), clean.accuracyInterval().high(),
                    clean.macroF1(), clean.macroF1Interval().low(), clean.macroF1Interval().high(), score.epsMax(),
                    c.stream().mapToDouble(RobustnessScore.CurvePoint::epsilon).toArray(),
                    c.stream().mapToDouble(RobustnessScore.CurvePoint::accuracy).toArray(),
                    c.stream().mapToDouble(p -> p.accuracyInterval().low()).toArray(),
                    c.stream().mapToDouble(p -> p.accuracyInterval().high()).toArray(),
                    c.stream().mapToDouble(RobustnessScore.CurvePoint::macroF1).toArray(),
                    c.stream().mapToDouble(p -> p.macroF1Interval().low()).toArray(),
                    c.stream().mapToDouble(p -> p.macroF1Interval().high()).toArray(), mine);
            for (int k = 0; k < c.size(); k++) {
                ConfusionMatrix m = score.confusions().get(k);
                for (int t = 0; t < m.classes(); t++) {
                    for (int p = 0; p < m.classes(); p++) {
                        confusions.add("Row" + row++, score.attack(), c.get(k).epsilon(), score.classes().get(t),
                                score.classes().get(p), Math.toIntExact(m.count(t, p)));
                    }
                }
            }
            curves.put(score.attack(), c);
        }
        Files.createDirectories(context.workFolder());
        Path png = Files.createTempFile(context.workFolder(), "curves-", ".png");
        try {
            Files.delete(png);
            Charts.robustnessCurves(curves, values.text("chart").equals("macro-f1"), png);
            byte[] image = Files.readAllBytes(png);
            return List.of(metrics.build(), confusions.build(), new PngImage(image, "robustness curves"));
        } finally {
            Files.deleteIfExists(png);
        }
    }
}
