package org.robustecg.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A study's attacks on one model: the attack operation's pass, or the predictions of an earlier run when the
 * attack, model and data settings are unchanged (predictions/&lt;model&gt;-&lt;attack&gt;.csv). The pass also keeps
 * the first test item at the largest radius, saved beside the predictions, so the report's example is the item
 * that was scored, on a resumed study too.
 */
final class StudyAttacks {

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

    /** Attack {@code k} of the study on a model. */
    Attacked attack(StudySpec.ModelSpec m, TrainedModel model, Dataset test, int k, Progress progress)
            throws IOException {
        Values v = spec.attackValues(k);
        AttackKind kind = AttackOperation.kinds(v).get(0);
        String name = kind.cliName();
        Files.createDirectories(dir);
        Path file = dir.resolve(m.name() + "-" + name + ".csv");
        Path example = dir.resolve(m.name() + "-" + name + "-example.npz");
        Fingerprint fingerprint = new Fingerprint(dir.resolve(m.name() + "-" + name + ".fingerprint.json"),
                List.of(spec.attacks().get(k), m, spec.data()));
        double[] radii = AttackOperation.radii(v, kind);
        double largest = radii[radii.length - 1];
        long t0 = System.nanoTime();
        if (fingerprint.unchanged() && Files.exists(file) && Files.exists(example)) {
            List<AttackRecord> rows = PredictionsCsv.read(file);
            return new Attacked(name, rows, largest, DatasetFiles.load(example), (System.nanoTime() - t0) / 1e9);
        }
        log.accept("attacking " + m.name() + " with " + name);
        RobustnessEvaluation.Result result = AttackOperation.run(v, kind, model, null, test,
                new RobustnessEvaluation.Keep(new double[] {largest}, 1), progress);
        PredictionsCsv.write(result.rows(), file, true);
        DatasetFiles.save(result.adversarial().get(largest), example, true);
        fingerprint.write();
        return new Attacked(name, result.rows(), largest, result.adversarial().get(largest),
                (System.nanoTime() - t0) / 1e9);
    }
}
