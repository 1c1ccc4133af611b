package org.robustecg.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.robustecg.data.Dataset;
import org.robustecg.io.AtomicFiles;
import org.robustecg.model.ModelFile;
import org.robustecg.ops.TrainOperation;
import org.robustecg.progress.Progress;
import org.robustecg.settings.FileNames;
import org.robustecg.model.EpochRecord;
import org.robustecg.train.Learner;
import org.robustecg.train.TrainingListener;

/**
 * A study's models: the train operation with each model's settings, or the model file of an earlier run when the
 * model and data settings are unchanged (models/&lt;name&gt;.recg, with the seconds its training took).
 */
final class StudyTraining {

    private final StudySpec spec;
    private final Path dir;
    private final Consumer<String> log;

    StudyTraining(StudySpec spec, Path dir, Consumer<String> log) {
        this.spec = spec;
        this.dir = dir;
        this.log = log;
    }

    /**
     * @param file    the model file
     * @param reused  made by an earlier run
     * @param seconds how long its training took (NaN when unknown)
     */
    record Trained(Path file, boolean reused, double seconds) {
    }

    Trained train(StudySpec.ModelSpec m, Dataset train, Progress progress) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FileNames.check("model name", m.name()) + ".recg");
        Path seconds = dir.resolve(m.name() + ".seconds");
        Fingerprint fingerprint = new Fingerprint(dir.resolve(m.name() + ".fingerprint.json"), List.of(m, spec.data()));
        if (fingerprint.unchanged() && Files.exists(file)) {
            log.accept("reusing " + file);
            return new Trained(file, true, Files.exists(seconds) ? Double.parseDouble(Files.readString(seconds)
                    .strip()) : Double.NaN);
        }
        log.accept("training " + m.name());
        long t0 = System.nanoTime();
        try (Learner.Learned learned = TrainOperation.run(m.values(), train, null, new TrainingListener() {
            @Override
            public void epoch(EpochRecord r) {
                log.accept(String.format("  %s epoch %d: loss %.4f, validation accuracy %.4f (%.1f s)", m.name(),
                        r.epoch(), r.trainLoss(), r.validationAccuracy(), r.seconds()));
            }
        }, progress)) {
            if (learned.result().skippedSteps() > 0) {
                log.accept("  " + m.name() + ": " + learned.result().skippedSteps() + " steps skipped for a "
                        + "non-finite loss or gradient");
            }
            ModelFile.save(learned.model(), file, true);
        }
        double took = (System.nanoTime() - t0) / 1e9;
        // The model, then its seconds, then the fingerprint: a fingerprint only ever stands beside complete files.
        AtomicFiles.write(seconds, true, o -> o.write(Double.toString(took).getBytes(StandardCharsets.UTF_8)));
        fingerprint.write();
        return new Trained(file, false, took);
    }
}
