package org.robustecg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.robustecg.attack.AttackKind;
import org.robustecg.attack.AttackRecord;
import org.robustecg.attack.RobustnessEvaluation;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.data.Splits;
import org.robustecg.metrics.PredictionsCsv;
import org.robustecg.model.ModelFile;
import org.robustecg.model.TrainedModel;
import org.robustecg.ops.AttackOperation;
import org.robustecg.ops.Schema;
import org.robustecg.ops.Values;
import org.robustecg.report.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code robustecg attack}: attacks a model over a grid of radii and writes the predictions table. */
@Command(name = "attack", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Attacks a model (white-box, l-inf, in inference mode) on a dataset at every radius of --eps and "
                + "writes, per sample, its clean row (epsilon 0) and one row per radius: attack,epsilon,sample_id,"
                + "label,prediction,clean_prediction,linf,l2,snr_db. A sample is attacked alike in any batch. Score "
                + "it with 'robustecg score'. "
                + "For cw (Carlini-Wagner l2) each radius is an l2 budget. 'ensemble' is AutoAttack's evaluation: "
                + "APGD-CE, APGD-T (targeted DLR) and Square, each on the beats still unbroken; 'score' shows it as "
                + "the headline. Every iterative attack keeps, per beat, the best point it visited.")
final class AttackCommand implements Callable<Integer>, SchemaOptions.Operated {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "<model.recg>")
    private Path model;

    @Option(names = "--data", required = true, paramLabel = "<data.npz>")
    private Path data;

    @Option(names = "--source-model", paramLabel = "<model.recg>",
            description = "make the adversarial examples on this model and transfer them (gradient-masking check)")
    private Path sourceModel;

    @Option(names = "--plots", paramLabel = "<dir>",
            description = "write, per attack, the first item with its adversarial version at the largest radius")
    private Path plots;

    @Option(names = "--out-adversarial", paramLabel = "<file.npz>",
            description = "also save the attacked dataset (the first attack, at the largest radius): the very items "
                    + "behind its rows")
    private Path outAdversarial;

    @Option(names = "--out", required = true, paramLabel = "<predictions.csv>")
    private Path out;

    @Option(names = "--overwrite", description = "replace an existing output file")
    private boolean overwrite;

    @Option(names = "--json", description = "print the summary as JSON")
    private boolean json;

    @Override
    public Schema schema() {
        return AttackOperation.SCHEMA;
    }

    @Override
    public Integer call() throws Exception {
        Values all = SchemaOptions.values(spec, AttackOperation.SCHEMA);
        List<AttackKind> kinds = AttackOperation.kinds(all);
        AttackOperation.check(all);
        DatasetOutput.checkWritable(overwrite, out);
        if (outAdversarial != null) {
            DatasetOutput.checkWritable(overwrite, outAdversarial);
        }
        Resources resources = new Resources();
        Dataset d = DatasetFiles.load(data);
        if (all.has("per_class")) {
            d = Splits.sample(d, all.integer("per_class"), all.integer("seed"));
        }
        List<AttackRecord> rows = new ArrayList<>();
        Dataset adversarial = null;
        try (TrainedModel m = ModelFile.load(model);
                TrainedModel source = sourceModel == null ? null : ModelFile.load(sourceModel)) {
            for (AttackKind kind : kinds) {
                Values v = SchemaOptions.values(spec, AttackOperation.SCHEMA, Map.of("attack", kind.cliName()));
                double[] radii = AttackOperation.radii(v, kind);
                double largest = radii[radii.length - 1];
                // The items saved and plotted are those of the pass that made the rows.
                boolean saved = adversarial == null && outAdversarial != null;
                RobustnessEvaluation.Keep keep = new RobustnessEvaluation.Keep(new double[] {largest},
                        saved ? Integer.MAX_VALUE : plots != null ? 1 : 0);
                ConsoleProgress progress = new ConsoleProgress(kind.cliName(), !json, Interrupts.CANCELLED);
                RobustnessEvaluation.Result result;
                try {
                    result = AttackOperation.run(v, kind, m, source, d, keep, progress);
                } finally {
                    progress.finish();
                }
                rows.addAll(result.rows());
                if (saved) {
                    adversarial = result.adversarial().get(largest);
                }
                if (plots != null) {
                    java.nio.file.Files.createDirectories(plots);
                    Examples.adversarialExample(d, result.adversarial().get(largest), 0, kind.cliName() + " at eps "
                            + largest + ", sample 0 (" + d.classNames().get(d.labels()[0]) + ")",
                            plots.resolve("example-" + kind.cliName() + ".png"));
                }
            }
            // Every output is written after the last step that can be cancelled: all of them, or none.
            if (adversarial != null) {
                DatasetOutput.save(adversarial, outAdversarial, overwrite);
            }
        }
        PredictionsCsv.write(rows, out, overwrite);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("predictions", out.toAbsolutePath().normalize().toString());
        summary.put("samples", d.size());
        summary.put("rows", rows.size());
        summary.put("seconds", Math.round(resources.seconds() * 10) / 10.0);
        if (json) {
            Output.json(System.out, summary);
        } else {
            System.out.printf("%d rows (%d samples) in %.1f s: %s%n", rows.size(), d.size(), resources.seconds(),
                    summary.get("predictions"));
        }
        return 0;
    }
}
