package org.robustecg.study;

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
import org.robustecg.attack.AttackRecord;
import org.robustecg.data.Dataset;
import org.robustecg.data.Split;
import org.robustecg.engine.Engines;
import org.robustecg.io.AtomicFiles;
import org.robustecg.io.StrictJson;
import org.robustecg.metrics.ConfusionMatrix;
import org.robustecg.metrics.Interval;
import org.robustecg.metrics.RobustnessScore;
import org.robustecg.model.Inference;
import org.robustecg.model.ModelFile;
import org.robustecg.model.TrainedModel;
import org.robustecg.ops.ChannelsOperation;
import org.robustecg.ops.Face;
import org.robustecg.ops.PredictOperation;
import org.robustecg.ops.ScoreOperation;
import org.robustecg.ops.Values;
import org.robustecg.progress.Progress;
import org.robustecg.report.Charts;
import org.robustecg.report.Examples;
import org.robustecg.model.EpochRecord;

/**
 * Runs a study on MIT-BIH beats or CPSC2018 records into an output folder: datasets/, models/, predictions/, plots/,
 * results.json and report.html. Each step is one operation called with the study's settings for it
 * ({@link StudySpec}); every artefact is written atomically, then a fingerprint of the settings that made it, and
 * it is reused on a later run while the fingerprint is unchanged, so an interrupted study resumes.
 */
public final class StudyRunner {

    private final StudySpec spec;
    private final Path out;
    private final Consumer<String> log;
    private final StudyData data;
    private final StudyTraining training;
    private final StudyAttacks attacks;
    private final StudyWork work;

    /** @param dataFolder the MIT-BIH records or CPSC2018 recordings (the study file's folder unless overridden) */
    public StudyRunner(StudySpec spec, Path dataFolder, Path out, Consumer<String> log) {
        this(spec, dataFolder, out, StudyWork.LOCAL, log);
    }

    /** @param work where the models are trained and the attacks run */
    public StudyRunner(StudySpec spec, Path dataFolder, Path out, StudyWork work, Consumer<String> log) {
        this.spec = spec;
        this.work = work;
        this.out = out;
        this.log = log;
        this.data = new StudyData(spec, dataFolder, out.resolve("datasets"), log);
        this.training = new StudyTraining(spec, out.resolve("models"), log);
        this.attacks = new StudyAttacks(spec, out.resolve("predictions"), log);
    }

    public StudyResult run(Progress progress) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(out);
        // Progress: a tenth for the datasets and a tenth for scoring, the rest shared by training and attacks.
        Split split = data.split(progress.range(0, 0.1));
        // Without a test part (split "none") the study attacks its training items: a smoke test of the pipeline.
        Dataset test = split.test().size() > 0 ? split.test() : split.train();
        List<StudyTraining.Trained> trained = training.trainAll(split.train(), work, progress.range(0.1, 0.4));
        List<List<StudyAttacks.Attacked>> attacked = attacks.attackAll(trained, test, work, progress.range(0.4, 0.9));
        List<StudyResult.ModelResult> results = new ArrayList<>();
        Map<String, String> plots = new LinkedHashMap<>();
        Map<String, Map<String, List<RobustnessScore.CurvePoint>>> curves = new LinkedHashMap<>();
        for (int i = 0; i < spec.models().size(); i++) {
            int n = spec.models().size();
            results.add(evaluate(spec.models().get(i), trained.get(i), attacked.get(i), test,
                    progress.range(0.9 + 0.1 * i / n, 0.9 + 0.1 * (i + 1) / n), curves, plots));
        }
        for (Map.Entry<String, Map<String, List<RobustnessScore.CurvePoint>>> e : curves.entrySet()) {
            String file = "plots/accuracy-" + e.getKey() + ".png";
            Charts.robustnessCurves(e.getValue(), false, out.resolve(file));
            plots.put("accuracy under " + e.getKey(), file);
        }
        StudyResult result = new StudyResult(spec, Engines.describe(), System.getProperty("java.version"),
                split.train().size(), test.size(), results, (System.nanoTime() - start) / 1e9, plots);
        AtomicFiles.write(out.resolve("results.json"), true,
                o -> o.write(StrictJson.gson().toJson(result).getBytes(StandardCharsets.UTF_8)));
        HtmlReport.write(result, out, out.resolve("report.html"));
        progress.update(1, "done");
        return result;
    }

    /** Clean metrics, every attack's scores, masking warnings, channel analysis and plots. */
    private StudyResult.ModelResult evaluate(StudySpec.ModelSpec m, StudyTraining.Trained trained,
            List<StudyAttacks.Attacked> attacked, Dataset test, Progress progress,
            Map<String, Map<String, List<RobustnessScore.CurvePoint>>> curves, Map<String, String> plots)
            throws IOException {
        try (TrainedModel model = ModelFile.load(trained.file())) {
            Inference.Predictions p = PredictOperation.run(Values.defaults(PredictOperation.SCHEMA, Face.CLI), model,
                    test, progress);
            ConfusionMatrix c = ConfusionMatrix.of(test.labels(), p.predictions(), p.classes());
            plot(plots, "confusion matrix of " + m.name(), "plots/confusion-" + m.name() + ".png",
                    png -> Charts.confusionMatrix(c, test.classNames(), m.name() + ": clean test beats", png));
            List<AttackRecord> rows = new ArrayList<>();
            Map<String, Double> seconds = new LinkedHashMap<>();
            for (StudyAttacks.Attacked a : attacked) {
                rows.addAll(a.rows());
                seconds.put(a.attack(), a.seconds());
            }
            StudyAttacks.Attacked first = attacked.get(0);
            plot(plots, "adversarial beat for " + m.name(), "plots/example-" + m.name() + ".png",
                    png -> Examples.adversarialExample(test, first.example(), 0, m.name() + ": " + first.attack()
                            + " at eps " + first.largest() + " on a " + test.classNames().get(test.labels()[0])
                            + " beat", png));
            ScoreOperation.Scores scores = ScoreOperation.run(spec.scoreValues(), rows);
            List<StudyResult.AttackResult> perAttack = new ArrayList<>();
            for (String attack : seconds.keySet()) {
                RobustnessScore score = scores.ordered().stream().filter(s -> s.attack().equals(attack)).findFirst()
                        .orElseThrow();
                perAttack.add(result(score, seconds.get(attack)));
                curves.computeIfAbsent(attack, x -> new LinkedHashMap<>()).put(m.name(), score.curve());
            }
            RobustnessScore headline = scores.headline();
            curves.computeIfAbsent(headline.attack(), x -> new LinkedHashMap<>()).putIfAbsent(m.name(), headline.curve());
            List<String> warnings = scores.warnings().stream().map(w -> w.message()).toList();
            warnings.forEach(w -> log.accept("warning (" + m.name() + "): " + w));
            channels(m, model, test, plots);
            long correct = Math.round(c.accuracy() * c.total());
            return new StudyResult.ModelResult(m.name(), trained.seconds(), trained.reused(), c.accuracy(),
                    Interval.wilson(correct, c.total()), c.balancedAccuracy(), c.macroF1(),
                    headline.curve().get(0).macroF1Interval(), headChanged(model), result(headline,
                            seconds.getOrDefault(headline.attack(), 0.0)), perAttack, warnings);
        }
    }

    /** The channel activation analysis, when the study asks for it. */
    private void channels(StudySpec.ModelSpec m, TrainedModel model, Dataset test, Map<String, String> plots)
            throws IOException {
        Values v = spec.channelValues();
        if (v == null) {
            return;
        }
        var analysis = ChannelsOperation.run(v, model, test, Progress.NONE);
        String attack = v.text("attack").toUpperCase(java.util.Locale.ROOT) + " eps " + v.number("eps");
        plot(plots, "channel magnitude of " + m.name(), "plots/channels-" + m.name() + "-magnitude.png",
                png -> Charts.channelActivation(analysis, false, m.name() + ": channel activation magnitude, " + attack,
                        png));
        plot(plots, "channel frequency of " + m.name(), "plots/channels-" + m.name() + "-frequency.png",
                png -> Charts.channelActivation(analysis, true, m.name() + ": channel activation frequency, " + attack,
                        png));
    }

    /** Per l-inf head layer, the share of deciding inputs that changed in the epoch whose parameters were kept. */
    private static List<Double> headChanged(TrainedModel model) {
        List<EpochRecord> history = model.info().history();
        int kept = Math.min(history.size(), Math.max(1, model.info().bestEpoch())) - 1;
        return kept < 0 || history.get(kept).headChanged() == null ? List.of() : history.get(kept).headChanged();
    }

    private static StudyResult.AttackResult result(RobustnessScore s, double seconds) {
        return new StudyResult.AttackResult(s.attack(), s.accRobust(), s.accRobustInterval(), s.f1Robust(),
                s.f1RobustInterval(), s.curve(), seconds);
    }

    private interface Chart {
        void draw(Path png) throws IOException;
    }

    private void plot(Map<String, String> plots, String title, String file, Chart chart) throws IOException {
        chart.draw(out.resolve(file));
        plots.put(title, file);
    }
}
