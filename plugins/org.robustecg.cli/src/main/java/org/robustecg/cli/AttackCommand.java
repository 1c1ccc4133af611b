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
import org.robustecg.attack.AttackSettings;
import org.robustecg.attack.RobustnessEvaluation;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.data.Splits;
import org.robustecg.metrics.PredictionsCsv;
import org.robustecg.model.ModelFile;
import org.robustecg.model.TrainedModel;
import org.robustecg.settings.SettingRanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code robustecg attack}: attacks a model over a grid of radii and writes the predictions table. */
@Command(name = "attack", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Attacks a model (white-box, l-inf, in inference mode) on a dataset at every radius of --eps and "
                + "writes one row per (attack, epsilon, sample): attack,epsilon,sample_id,label,prediction,"
                + "clean_prediction,linf,l2,snr_db; clean rows have epsilon 0. Score it with 'robustecg score'. "
                + "For cw (Carlini-Wagner l2) each radius is an l2 budget. 'ensemble' is AutoAttack's evaluation: "
                + "APGD-CE, APGD-T (targeted DLR) and Square, each on the beats still unbroken; 'score' shows it as "
                + "the headline. Every iterative attack keeps, per beat, the best point it visited.")
final class AttackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "<model.recg>")
    private Path model;

    @Option(names = "--data", required = true, paramLabel = "<data.npz>")
    private Path data;

    @Option(names = "--attack", required = true, split = ",", paramLabel = "noise|fgsm|mifgsm|pgd|pgd-ecg|cw|cw-linf|apgd|apgd-dlr|apgd-t|square|ensemble|sap",
            description = "one or more attacks")
    private List<String> attacks;

    @Option(names = "--eps", required = true, split = ",", paramLabel = "<eps>", description = "radii, e.g. 0.01,0.03,0.05,0.1")
    private List<Double> epsilons;

    @Option(names = "--steps", description = "iterations (default: PGD/APGD/CW 100, SAP 20, MI-FGSM 10; for the "
            + "ensemble, those of APGD-CE and of APGD-T per target class)")
    private Integer steps;

    @Option(names = "--queries", description = "query budget of Square, alone or in the ensemble (default 5000)")
    private Integer queries;

    @Option(names = "--square-p", description = "Square's initial share of each lead's samples changed per query, "
            + "halved on the paper's schedule (default 0.8)")
    private Double squareInit;

    @Option(names = "--targets", description = "APGD-T's target classes: the top-k other classes (default 9, at most "
            + "classes - 1)")
    private Integer targets;

    @Option(names = "--step-size", description = "step (default: eps/4; MI-FGSM eps/steps)")
    private Double stepSize;

    @Option(names = "--restarts", defaultValue = "1", description = "random restarts of PGD and CW-linf (${DEFAULT-VALUE})")
    private int restarts;

    @Option(names = "--aux-weight", defaultValue = "0",
            description = "adaptive attack on CAS models: weight of the auxiliary heads' loss (${DEFAULT-VALUE})")
    private double auxWeight;

    @Option(names = "--source-model", paramLabel = "<model.recg>",
            description = "make the adversarial examples on this model and transfer them (gradient-masking check)")
    private Path sourceModel;

    @Option(names = "--subset", description = "attack at most this many samples per class (seeded)")
    private Integer subset;

    @Option(names = "--batch", defaultValue = "128", description = "samples per batch (${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--seed", defaultValue = "1", description = "seed (${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--plots", paramLabel = "<dir>",
            description = "write, per attack, the first sample with its adversarial version at the largest radius")
    private Path plots;

    @Option(names = "--out-adversarial", paramLabel = "<file.npz>",
            description = "also save the attacked dataset (the first attack, at the largest radius)")
    private Path outAdversarial;

    @Option(names = "--out", required = true, paramLabel = "<predictions.csv>")
    private Path out;

    @Option(names = "--overwrite", description = "replace an existing output file")
    private boolean overwrite;

    @Option(names = "--json", description = "print the summary as JSON")
    private boolean json;

    /** The first sample's first lead, clean and attacked, with the perturbation. */
    private void plotExample(TrainedModel m, Dataset d, AttackSettings s, double eps) throws java.io.IOException {
        java.nio.file.Files.createDirectories(plots);
        org.robustecg.report.Examples.adversarialExample(m, d, 0, s, eps, s.kind().cliName() + " at eps " + eps
                + ", sample 0 (" + d.classNames().get(d.labels()[0]) + ")", plots.resolve("example-" + s.kind().cliName()
                + ".png"));
    }

    private AttackSettings settings(AttackKind kind, TrainedModel m) {
        AttackSettings.Builder s = AttackSettings.defaults(kind, m.info().lower(), m.info().upper()).toBuilder()
                .restarts(restarts).auxWeight(auxWeight).seed(seed);
        if (steps != null) {
            s.steps(steps);
        }
        if (stepSize != null) {
            s.stepSize(OptionalDouble.of(stepSize));
        }
        if (queries != null) {
            s.queries(queries);
        }
        if (squareInit != null) {
            s.squareInit(squareInit);
        }
        if (targets != null) {
            s.targets(targets);
        }
        return s.build();
    }

    @Override
    public Integer call() throws Exception {
        OptionChecks check = new OptionChecks(spec);
        List<AttackKind> kinds = check.attacks("--attack", attacks);
        double[] eps = check.radii("--eps", kinds, epsilons);
        check.optional("--steps", SettingRanges.ATTACK_STEPS, steps);
        check.optional("--step-size", SettingRanges.STEP_SIZE, stepSize);
        check.count("--restarts", SettingRanges.RESTARTS, restarts);
        check.number("--aux-weight", SettingRanges.AUX_WEIGHT, auxWeight);
        check.optional("--subset", SettingRanges.PER_CLASS, subset);
        check.count("--batch", SettingRanges.BATCH, batch);
        check.optional("--queries", SettingRanges.QUERIES, queries);
        check.optional("--targets", SettingRanges.TARGETS, targets);
        check.optional("--square-p", SettingRanges.SQUARE_P, squareInit);
        DatasetOutput.checkWritable(overwrite, out);
        if (outAdversarial != null) {
            DatasetOutput.checkWritable(overwrite, outAdversarial);
        }
        Resources resources = new Resources();
        Dataset d = DatasetFiles.load(data);
        if (subset != null) {
            d = Splits.sample(d, subset, seed);
        }
        List<AttackRecord> rows = new ArrayList<>();
        try (TrainedModel m = ModelFile.load(model);
                TrainedModel source = sourceModel == null ? null : ModelFile.load(sourceModel)) {
            AttackSettings first = null;
            for (AttackKind kind : kinds) {
                AttackSettings s = settings(kind, m);
                first = first == null ? s : first;
                ConsoleProgress progress = new ConsoleProgress(kind.cliName(), !json, Interrupts.CANCELLED);
                try {
                    rows.addAll(RobustnessEvaluation.run(m, source, d, s, eps, batch, progress));
                } finally {
                    progress.finish();
                }
                if (plots != null) {
                    plotExample(source == null ? m : source, d, s, eps[eps.length - 1]);
                }
            }
            Dataset adversarial = outAdversarial == null ? null : org.robustecg.attack.AdversarialDataset.of(
                    source == null ? m : source, d, first, eps[eps.length - 1], batch, org.robustecg.progress.Progress.NONE);
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
