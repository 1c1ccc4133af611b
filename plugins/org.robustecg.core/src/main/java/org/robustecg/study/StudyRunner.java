package org.robustecg.study;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.robustecg.attack.AttackKind;
import org.robustecg.attack.AttackRecord;
import org.robustecg.attack.AttackSettings;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.data.Split;
import org.robustecg.data.Splits;
import org.robustecg.database.MitBih;
import org.robustecg.engine.Engines;
import org.robustecg.io.AtomicFiles;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.metrics.ChannelActivations;
import org.robustecg.metrics.ConfusionMatrix;
import org.robustecg.metrics.PredictionsCsv;
import org.robustecg.metrics.RobustnessScore;
import org.robustecg.model.Architecture;
import org.robustecg.model.Inference;
import org.robustecg.model.ModelFile;
import org.robustecg.model.TrainedModel;
import org.robustecg.objective.Objective;
import org.robustecg.preprocess.BeatSettings;
import org.robustecg.progress.Progress;
import org.robustecg.train.Learner;
import org.robustecg.train.LearnerSettings;
import org.robustecg.train.TrainingListener;

/**
 * Runs a study on MIT-BIH beats or CPSC2018 records into an output folder: datasets/, models/, predictions/, plots/,
 * results.json and report.html. Every artefact is written atomically next to a fingerprint of the settings
 * that made it, and reused on a later run when the fingerprint is unchanged, so an interrupted study resumes.
 */
public final class StudyRunner {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private final StudySpec spec;
    private final Path dataFolder;
    private final Path out;
    private final Consumer<String> log;

    /** @param dataFolder the MIT-BIH records or CPSC2018 recordings (the study file's folder unless overridden) */
    public StudyRunner(StudySpec spec, Path dataFolder, Path out, Consumer<String> log) {
        this.spec = spec;
        this.dataFolder = dataFolder;
        this.out = out;
        this.log = log;
    }

    public StudyResult run(Progress progress) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(out);
        int steps = 1 + 2 * spec.models().size();
        Split data = datasets(progress.range(0, 1.0 / steps));
        List<StudyResult.ModelResult> results = new ArrayList<>();
        Map<String, String> plots = new LinkedHashMap<>();
        Map<String, Map<String, List<RobustnessScore.CurvePoint>>> curvesByAttack = new LinkedHashMap<>();
        int step = 1;
        for (StudySpec.ModelSpec m : spec.models()) {
            Progress trainProgress = progress.range(step / (double) steps, (step + 1) / (double) steps);
            Progress attackProgress = progress.range((step + 1) / (double) steps, (step + 2) / (double) steps);
            step += 2;
            results.add(model(m, data, trainProgress, attackProgress, curvesByAttack, plots));
        }
        for (Map.Entry<String, Map<String, List<RobustnessScore.CurvePoint>>> e : curvesByAttack.entrySet()) {
            String file = "plots/accuracy-" + e.getKey() + ".png";
            org.robustecg.report.Charts.robustnessCurves(e.getValue(), false, out.resolve(file));
            plots.put("accuracy under " + e.getKey(), file);
        }
        StudyResult result = new StudyResult(spec, Engines.describe(), System.getProperty("java.version"),
                data.train().size(), data.test().size(), results, (System.nanoTime() - start) / 1e9, plots);
        AtomicFiles.write(out.resolve("results.json"), true,
                o -> o.write(org.robustecg.io.StrictJson.gson().toJson(result).getBytes(StandardCharsets.UTF_8)));
        HtmlReport.write(result, out, out.resolve("report.html"));
        progress.update(1, "done");
        return result;
    }

    /** Training and test items: built from the records, or reused when the data settings are unchanged. */
    private Split datasets(Progress progress) throws IOException {
        Path dir = out.resolve("datasets");
        String fingerprint = GSON.toJson(List.of(spec.data(), spec.seed()));
        Path train = dir.resolve("train.npz");
        Path test = dir.resolve("test.npz");
        if (unchanged(dir.resolve("fingerprint.json"), fingerprint) && Files.exists(train) && Files.exists(test)) {
            log.accept("reusing datasets in " + dir);
            return new Split(DatasetFiles.load(train), DatasetFiles.load(test));
        }
        StudySpec.DataSpec d = spec.data();
        Dataset items;
        if (d.cpsc()) {
            log.accept("preparing the CPSC2018 records of " + dataFolder);
            items = cpscItems(progress);
        } else {
            log.accept("building the MIT-BIH beat dataset from " + dataFolder);
            items = MitBih.beats(dataFolder, MitBih.records(dataFolder), BeatSettings.KAGGLE, WfdbReadOptions.STRICT,
                    progress);
        }
        Split split = switch (d.split()) {
            case "inter-patient" -> Splits.byRecord(items, MitBih.DS1, MitBih.DS2);
            case "per-class" -> Splits.perClass(items, d.testPerClass(), spec.seed());
            case "none" -> new Split(items, items);
            default -> Splits.stratified(items, d.testFraction(), spec.seed());
        };
        Dataset trainPart = d.trainPerClass() > 0 ? Splits.sample(split.train(), d.trainPerClass(), spec.seed())
                : split.train();
        Dataset testPart = d.testPerClass() > 0 && !d.split().equals("per-class")
                ? Splits.sample(split.test(), d.testPerClass(), spec.seed()) : split.test();
        Files.createDirectories(dir);
        DatasetFiles.save(trainPart, train, true);
        DatasetFiles.save(testPart, test, true);
        writeFingerprint(dir.resolve("fingerprint.json"), fingerprint);
        return new Split(trainPart, testPart);
    }

    /** The single-label CPSC2018 recordings of the folder, prepared as METHOD 2.7 says. */
    private Dataset cpscItems(Progress progress) throws IOException {
        StudySpec.DataSpec d = spec.data();
        List<String> names = org.robustecg.database.Cpsc2018.recordings(dataFolder);
        Path reference = !d.reference().isEmpty() ? Path.of(d.reference())
                : Files.isRegularFile(dataFolder.resolve("REFERENCE.csv")) ? dataFolder.resolve("REFERENCE.csv") : null;
        Map<String, List<Integer>> labels = new LinkedHashMap<>();
        if (reference != null) {
            labels.putAll(org.robustecg.database.Cpsc2018.reference(reference));
        } else {
            for (String name : names) {
                var record = org.robustecg.database.Cpsc2018.read(dataFolder, name);
                labels.put(name, org.robustecg.database.Cpsc2018.classesOfDx(record.metadata().getOrDefault("dx", ""))
                        .stream().map(c -> c + 1).toList());
            }
        }
        var settings = new org.robustecg.database.CpscSettings(org.robustecg.database.CpscSettings.DEFAULT.leads(),
                d.cropLength(), d.paddedLength(), org.robustecg.database.CpscSettings.DEFAULT.samplingFrequency());
        Dataset items = org.robustecg.database.Cpsc2018.prepare(dataFolder, labels, names, settings, progress);
        if (items.size() == 0) {
            throw new IllegalArgumentException("no single-label CPSC2018 recordings in " + dataFolder);
        }
        return items;
    }

    private StudyResult.ModelResult model(StudySpec.ModelSpec m, Split data, Progress trainProgress,
            Progress attackProgress, Map<String, Map<String, List<RobustnessScore.CurvePoint>>> curves,
            Map<String, String> plots) throws IOException {
        Path dir = out.resolve("models");
        Files.createDirectories(dir);
        Path file = dir.resolve(org.robustecg.settings.FileNames.check("model name", m.name()) + ".recg");
        String fingerprint = GSON.toJson(List.of(m, spec.data(), spec.seed()));
        Path fingerprintFile = dir.resolve(m.name() + ".fingerprint.json");
        boolean reused = unchanged(fingerprintFile, fingerprint) && Files.exists(file);
        double trainingSeconds;
        if (!reused) {
            log.accept("training " + m.name());
            long t0 = System.nanoTime();
            train(m, data.train(), file, trainProgress);
            trainingSeconds = (System.nanoTime() - t0) / 1e9;
            writeFingerprint(fingerprintFile, fingerprint);
            byte[] seconds = Double.toString(trainingSeconds).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(dir.resolve(m.name() + ".seconds"), true, o -> o.write(seconds));
        } else {
            log.accept("reusing " + file);
            Path seconds = dir.resolve(m.name() + ".seconds");
            trainingSeconds = Files.exists(seconds) ? Double.parseDouble(Files.readString(seconds).strip()) : Double.NaN;
        }
        try (TrainedModel model = ModelFile.load(file)) {
            Inference.Predictions p = Inference.predict(model, data.test(), 256, Progress.NONE);
            ConfusionMatrix c = ConfusionMatrix.of(data.test().labels(), p.predictions(), p.classes());
            String confusion = "plots/confusion-" + m.name() + ".png";
            org.robustecg.report.Charts.confusionMatrix(c, data.test().classNames(), m.name() + ": clean test beats",
                    out.resolve(confusion));
            plots.put("confusion matrix of " + m.name(), confusion);
            List<AttackRecord> rows = new ArrayList<>();
            Map<String, Double> seconds = attacks(m, model, data.test(), attackProgress, plots, rows);
            List<RobustnessScore> scores = RobustnessScore.score(rows, spec.epsMax(), true);
            List<StudyResult.AttackResult> attacks = new ArrayList<>();
            for (RobustnessScore score : scores) {
                if (seconds.containsKey(score.attack())) {
                    attacks.add(result(score, seconds.get(score.attack())));
                    curves.computeIfAbsent(score.attack(), x -> new LinkedHashMap<>()).put(m.name(), score.curve());
                }
            }
            RobustnessScore headline = RobustnessScore.headline(scores);
            if (!seconds.containsKey(headline.attack())) {
                curves.computeIfAbsent(headline.attack(), x -> new LinkedHashMap<>()).put(m.name(), headline.curve());
            }
            List<String> warnings = org.robustecg.metrics.MaskingCheck.warnings(scores).stream()
                    .map(org.robustecg.metrics.MaskingCheck.Warning::message).toList();
            warnings.forEach(w -> log.accept("warning (" + m.name() + "): " + w));
            long correct = Math.round(c.accuracy() * c.total());
            // The shares of the epoch whose parameters were kept.
            List<org.robustecg.model.EpochRecord> history = model.info().history();
            int kept = Math.min(history.size(), Math.max(1, model.info().bestEpoch())) - 1;
            List<Double> headChanged = kept < 0 || history.get(kept).headChanged() == null
                    ? List.of() : history.get(kept).headChanged();
            return new StudyResult.ModelResult(m.name(), trainingSeconds, reused, c.accuracy(),
                    org.robustecg.metrics.Interval.wilson(correct, c.total()), c.balancedAccuracy(), c.macroF1(),
                    headline.curve().get(0).macroF1Interval(), headChanged, result(headline,
                            seconds.getOrDefault(headline.attack(), 0.0)), attacks, warnings);
        }
    }

    private static StudyResult.AttackResult result(RobustnessScore s, double seconds) {
        return new StudyResult.AttackResult(s.attack(), s.accRobust(), s.accRobustInterval(), s.f1Robust(),
                s.f1RobustInterval(), s.curve(), seconds);
    }

    private void train(StudySpec.ModelSpec m, Dataset train, Path file, Progress progress) throws IOException {
        LearnerSettings settings = LearnerSettings.builder(Architecture.ofCliName(m.architecture()),
                Objective.ofCliName(m.loss())).alpha(m.alpha()).epsilon(OptionalDouble.of(m.epsilon()))
                .attackSteps(m.attackSteps()).epochs(m.epochs()).batchSize(OptionalInt.of(m.batch()))
                .learningRate(OptionalDouble.of(m.learningRate())).width(m.width()).balance(true)
                .robustSamples(0).seed(spec.seed()).build();
        try (Learner.Learned learned = Learner.train(settings, train, null, new TrainingListener() {
            @Override
            public void epoch(org.robustecg.model.EpochRecord r) {
                log.accept(String.format("  %s epoch %d: loss %.4f, validation accuracy %.4f (%.1f s)", m.name(), r.epoch(),
                        r.trainLoss(), r.validationAccuracy(), r.seconds()));
            }
        }, progress)) {
            if (learned.result().skippedSteps() > 0) {
                log.accept("  " + m.name() + ": " + learned.result().skippedSteps() + " steps skipped for a non-finite "
                        + "loss or gradient");
            }
            ModelFile.save(learned.model(), file, true);
        }
    }

    /** Runs (or reuses) every attack of the study on one model, adding its rows; returns each attack's seconds. */
    private Map<String, Double> attacks(StudySpec.ModelSpec m, TrainedModel model, Dataset test, Progress progress,
            Map<String, String> plots, List<AttackRecord> allRows) throws IOException {
        Path dir = out.resolve("predictions");
        Files.createDirectories(dir);
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (int k = 0; k < spec.attacks().size(); k++) {
            StudySpec.AttackSpec a = spec.attacks().get(k);
            AttackKind kind = AttackKind.ofCliName(a.kind());
            Path file = dir.resolve(m.name() + "-" + a.kind() + ".csv");
            String fingerprint = GSON.toJson(List.of(a, m, spec.data(), spec.seed()));
            Path fingerprintFile = dir.resolve(m.name() + "-" + a.kind() + ".fingerprint.json");
            long t0 = System.nanoTime();
            AttackSettings.Builder chosen = AttackSettings.defaults(kind, model.info().lower(), model.info().upper())
                    .toBuilder().seed(spec.seed());
            if (a.steps() > 0) {
                chosen.steps(a.steps());
            }
            if (a.queries() > 0) {
                chosen.queries(a.queries());
            }
            AttackSettings settings = chosen.build();
            List<AttackRecord> rows;
            if (unchanged(fingerprintFile, fingerprint) && Files.exists(file)) {
                rows = PredictionsCsv.read(file);
            } else {
                log.accept("attacking " + m.name() + " with " + a.kind());
                double[] eps = a.epsilons().stream().mapToDouble(Double::doubleValue).filter(e -> e > 0).sorted().toArray();
                rows = org.robustecg.attack.RobustnessEvaluation.run(model, test, settings, eps, 128,
                        progress.range(k / (double) spec.attacks().size(), (k + 1) / (double) spec.attacks().size()));
                PredictionsCsv.write(rows, file, true);
                writeFingerprint(fingerprintFile, fingerprint);
            }
            allRows.addAll(rows);
            seconds.put(a.kind(), (System.nanoTime() - t0) / 1e9);
            if (k == 0) {
                example(m, model, test, settings, a.epsilons().stream().mapToDouble(Double::doubleValue).max().orElse(0),
                        plots);
            }
        }
        if (spec.channels() > 0) {
            var analysis = ChannelActivations.measure(model, test, AttackSettings.defaults(AttackKind.PGD,
                    model.info().lower(), model.info().upper()).toBuilder().steps(20).seed(spec.seed()).build(),
                    spec.channels(), spec.data().cpsc() ? 0.7 : 0.2, 128, Progress.NONE);
            String magnitude = "plots/channels-" + m.name() + "-magnitude.png";
            String frequency = "plots/channels-" + m.name() + "-frequency.png";
            org.robustecg.report.Charts.channelActivation(analysis, false, m.name() + ": channel activation magnitude, "
                    + "PGD eps " + spec.channels(), out.resolve(magnitude));
            org.robustecg.report.Charts.channelActivation(analysis, true, m.name() + ": channel activation frequency, "
                    + "PGD eps " + spec.channels(), out.resolve(frequency));
            plots.put("channel magnitude of " + m.name(), magnitude);
            plots.put("channel frequency of " + m.name(), frequency);
        }
        return seconds;
    }

    /** The first test beat with its adversarial version under the study's first attack at its largest radius. */
    private void example(StudySpec.ModelSpec m, TrainedModel model, Dataset test, AttackSettings settings, double eps,
            Map<String, String> plots) throws IOException {
        String file = "plots/example-" + m.name() + ".png";
        org.robustecg.report.Examples.adversarialExample(model, test, 0, settings, eps, m.name() + ": "
                + settings.kind().cliName() + " at eps " + eps + " on a " + test.classNames().get(test.labels()[0])
                + " beat", out.resolve(file));
        plots.put("adversarial beat for " + m.name(), file);
    }

    private static boolean unchanged(Path fingerprintFile, String fingerprint) throws IOException {
        return Files.exists(fingerprintFile) && Files.readString(fingerprintFile).equals(fingerprint);
    }

    private static void writeFingerprint(Path file, String fingerprint) throws IOException {
        AtomicFiles.write(file, true, o -> o.write(fingerprint.getBytes(StandardCharsets.UTF_8)));
    }
}
