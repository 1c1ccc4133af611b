package org.robustecg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.robustecg.metrics.Interval;
import org.robustecg.metrics.MaskingCheck;
import org.robustecg.metrics.PredictionsCsv;
import org.robustecg.metrics.RobustnessScore;
import org.robustecg.ops.Schema;
import org.robustecg.ops.ScoreOperation;
import org.robustecg.ops.Values;
import org.robustecg.report.Charts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code robustecg score}: robustness curves and ACC_robust / F1_robust of a predictions table. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scores a predictions table (ours or anyone's in the schema attack,epsilon,sample_id,label,"
                + "prediction[,clean_prediction,...]): per attack, accuracy and macro F1 at every radius, and "
                + "ACC_robust = sqrt(ACC_clean x AUC) and F1_robust (trapezoid area from 0 to --eps-max over "
                + "--eps-max), in percent, each with a 95 % interval (Wilson for accuracies, a seeded bootstrap over "
                + "beats for the others). The headline comes first: the ensemble attack if the table has it, else "
                + "the per-beat worst case over its l-inf attacks ('worst-case'), else its only attack.")
final class ScoreCommand implements Callable<Integer>, SchemaOptions.Operated {

    @Spec
    private CommandSpec spec;

    @Option(names = "--predictions", required = true, paramLabel = "<predictions.csv>")
    private Path predictions;

    @Option(names = "--plots", paramLabel = "<dir>",
            description = "write PNG charts: accuracy and F1 curves of every attack, confusion matrices clean and at eps_max")
    private Path plots;

    @Option(names = "--json", description = "print as JSON")
    private boolean json;

    @Override
    public Schema schema() {
        return ScoreOperation.SCHEMA;
    }

    @Override
    public Integer call() throws Exception {
        Values v = SchemaOptions.values(spec, ScoreOperation.SCHEMA);
        ScoreOperation.Scores scores = ScoreOperation.run(v, PredictionsCsv.read(predictions));
        if (plots != null) {
            writePlots(scores.ordered(), v.number("eps_max"));
        }
        List<MaskingCheck.Warning> warnings = scores.warnings();
        warnings.forEach(w -> System.err.println("warning: " + w.message()));
        RobustnessScore headline = scores.headline();
        List<RobustnessScore> ordered = scores.ordered();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            List<Map<String, Object>> out = new ArrayList<>();
            document.put("headline", headline.attack());
            document.put("warnings", warnings.stream().map(MaskingCheck.Warning::message).toList());
            document.put("attacks", out);
            for (RobustnessScore s : ordered) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("attack", s.attack());
                m.put("acc_robust_percent", percent(s.accRobust()));
                m.put("acc_robust_interval_percent", percent(s.accRobustInterval()));
                m.put("f1_robust_percent", percent(s.f1Robust()));
                m.put("f1_robust_interval_percent", percent(s.f1RobustInterval()));
                m.put("eps_max", s.epsMax());
                List<Map<String, Object>> curve = new ArrayList<>();
                for (RobustnessScore.CurvePoint p : s.curve()) {
                    Map<String, Object> point = new LinkedHashMap<>();
                    point.put("epsilon", p.epsilon());
                    point.put("accuracy", fraction(p.accuracy()));
                    point.put("accuracy_interval", List.of(p.accuracyInterval().low(), p.accuracyInterval().high()));
                    point.put("macroF1", fraction(p.macroF1()));
                    point.put("macroF1_interval", List.of(p.macroF1Interval().low(), p.macroF1Interval().high()));
                    curve.add(point);
                }
                m.put("curve", curve);
                out.add(m);
            }
            Output.json(System.out, document);
        } else {
            for (RobustnessScore s : ordered) {
                System.out.printf("%s%s: ACC_robust %.2f %% %s, F1_robust %.2f %% %s (eps_max %s)%n", s.attack(),
                        s == headline && ordered.size() > 1 ? " (headline)" : "", 100 * s.accRobust(),
                        s.accRobustInterval().percent(), 100 * s.f1Robust(), s.f1RobustInterval().percent(), s.epsMax());
                System.out.println("  epsilon   accuracy [95 % interval]      macro F1 [95 % interval]");
                for (RobustnessScore.CurvePoint p : s.curve()) {
                    System.out.printf("  %-9s %7.2f %% %-20s %7.2f %% %s%n", p.epsilon(), 100 * p.accuracy(),
                            p.accuracyInterval().percent(), 100 * p.macroF1(), p.macroF1Interval().percent());
                }
            }
        }
        return 0;
    }

    private void writePlots(List<RobustnessScore> scores, double epsMax) throws java.io.IOException {
        java.nio.file.Files.createDirectories(plots);
        Map<String, List<RobustnessScore.CurvePoint>> curves = new LinkedHashMap<>();
        for (RobustnessScore s : scores) {
            try {
                org.robustecg.settings.FileNames.check("attack name", s.attack());
            } catch (IllegalArgumentException e) {
                throw new org.robustecg.io.EcgFormatException(predictions, null, e.getMessage() + " (it names the "
                        + "plot files)");
            }
            curves.put(s.attack(), s.curve());
            Charts.confusionMatrix(s.confusions().get(0), s.classes(), s.attack() + ": clean",
                    plots.resolve("confusion-" + s.attack() + "-clean.png"));
            int last = 0;
            for (int i = 0; i < s.curve().size(); i++) {
                if (s.curve().get(i).epsilon() <= epsMax) {
                    last = i;
                }
            }
            double eps = s.curve().get(last).epsilon();
            Charts.confusionMatrix(s.confusions().get(last), s.classes(), s.attack() + ": eps " + eps,
                    plots.resolve("confusion-" + s.attack() + "-eps" + eps + ".png"));
        }
        Charts.robustnessCurves(curves, false, plots.resolve("accuracy-vs-eps.png"));
        Charts.robustnessCurves(curves, true, plots.resolve("f1-vs-eps.png"));
    }

    /** Percent with two decimals; null for a value that is not a number, so the JSON stays strict. */
    private static Double percent(double fraction) {
        return Double.isFinite(fraction) ? Math.round(fraction * 10000) / 100.0 : null;
    }

    /** A fraction, or null when it is not a number (a class-less radius), so the JSON stays strict. */
    private static Double fraction(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static List<Double> percent(Interval interval) {
        return java.util.Arrays.asList(percent(interval.low()), percent(interval.high()));
    }
}
