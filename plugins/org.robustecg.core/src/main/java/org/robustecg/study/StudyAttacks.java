package org.robustecg.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.robustecg.attack.AttackKind;
import org.robustecg.attack.AttackRecord;
import org.robustecg.attack.RobustnessEvaluation;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.metrics.PredictionsCsv;
import org.robustecg.model.TrainedModel;
import org.robustecg.ops.AttackOperation;
import org.robustecg.ops.Values;
import org.robustecg.progress.Progress;

/**
 * A study's attacks on its models: the attack operation's pass, or the predictions of an earlier run when the
 * attack, model and data settings are unchanged (predictions/&lt;model&gt;-&lt;attack&gt;.csv). The pass also keeps
 * the first test item at the largest radius, saved beside the predictions, so the report's example is the item
 * that was scored, on a resumed study too.
 */
public final class StudyAttacks {

    private final StudySpec spec;
    private final Path dir;
    private final Consumer<String> log;

    StudyAttacks(StudySpec spec, Path dir, Consumer<String> log) {
        this.spec = spec;
        this.dir = dir;
        this.log = log;
    }

    /**
     * @param attack  its name
     * @param rows    its predictions table
     * @param largest its largest radius
     * @param example the first test item attacked at that radius
     * @param seconds how long it took (reading the predictions, for a reused attack)
     */
    record Attacked(String attack, List<AttackRecord> rows, double largest, Dataset example, double seconds) {
    }

    /**
     * Every attack of the study on every model, in order by model: the predictions of an earlier run where the
     * attack, model and data settings are unchanged, the others run by the work.
     */
    List<List<Attacked>> attackAll(List<StudyTraining.Trained> trained, Dataset test, StudyWork work,
            Progress progress) throws IOException {
        Files.createDirectories(dir);
        List<List<Attacked>> all = new ArrayList<>();
        List<StudyWork.AttackJob> pending = new ArrayList<>();
        for (int i = 0; i < spec.models().size(); i++) {
            StudySpec.ModelSpec m = spec.models().get(i);
            List<Attacked> attacked = new ArrayList<>();
            for (int k = 0; k < spec.attacks().size(); k++) {
                String name = name(k);
                Path file = dir.resolve(m.name() + "-" + name + ".csv");
                Path example = dir.resolve(m.name() + "-" + name + "-example.npz");
                long t0 = System.nanoTime();
                if (fingerprint(m, k).unchanged() && Files.exists(file) && Files.exists(example)) {
                    List<AttackRecord> rows = PredictionsCsv.read(file);
                    attacked.add(new Attacked(name, rows, largest(k), DatasetFiles.load(example),
                            (System.nanoTime() - t0) / 1e9));
                } else {
                    log.accept("attacking " + m.name() + " with " + name);
                    attacked.add(null);
                    pending.add(new StudyWork.AttackJob(m, k, trained.get(i).file()));
                }
            }
            all.add(attacked);
        }
        if (pending.isEmpty()) {
            return all;
        }
        // Each job's predictions and example, then the fingerprint that marks them complete, as soon as its pass
        // is done: an interrupted study keeps the attacks it finished.
        work.attack(spec, pending, test, progress, (j, pass) -> {
            StudyWork.AttackJob job = pending.get(j);
            StudySpec.ModelSpec m = job.model();
            int k = job.attack();
            String name = name(k);
            RobustnessEvaluation.Result result = pass.result();
            double largest = largest(k);
            PredictionsCsv.write(result.rows(), dir.resolve(m.name() + "-" + name + ".csv"), true);
            DatasetFiles.save(result.adversarial().get(largest), dir.resolve(m.name() + "-" + name + "-example.npz"),
                    true);
            fingerprint(m, k).write();
            all.get(spec.models().indexOf(m)).set(k, new Attacked(name, result.rows(), largest,
                    result.adversarial().get(largest), pass.seconds()));
        });
        return all;
    }

    /**
     * Attack {@code k} of the study on items {@code [from, to)} of the test items, in one pass; a range from the
     * first item keeps that item at the largest radius (the report's example).
     */
    public static RobustnessEvaluation.Result pass(StudySpec spec, int k, TrainedModel model, Dataset test, int from,
            int to, Progress progress) {
        Values v = spec.attackValues(k);
        AttackKind kind = AttackOperation.kinds(v).get(0);
        double[] radii = AttackOperation.radii(v, kind);
        RobustnessEvaluation.Keep keep = from == 0 ? new RobustnessEvaluation.Keep(
                new double[] {radii[radii.length - 1]}, 1) : RobustnessEvaluation.Keep.NONE;
        return AttackOperation.run(v, kind, model, null, test, from, to, keep, progress);
    }

    private String name(int k) {
        return AttackOperation.kinds(spec.attackValues(k)).get(0).cliName();
    }

    private double largest(int k) {
        Values v = spec.attackValues(k);
        double[] radii = AttackOperation.radii(v, AttackOperation.kinds(v).get(0));
        return radii[radii.length - 1];
    }

    private Fingerprint fingerprint(StudySpec.ModelSpec m, int k) {
        return new Fingerprint(dir.resolve(m.name() + "-" + name(k) + ".fingerprint.json"),
                List.of(spec.attacks().get(k), m, spec.data()));
    }
}
