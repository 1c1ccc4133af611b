package org.robustecg.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
public final class StudyTraining {

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

    /**
     * Every model of the study: the model files of an earlier run where the model and data settings are unchanged,
     * the others trained by the work.
     */
    List<Trained> trainAll(Dataset train, StudyWork work, Progress progress) throws IOException {
        Files.createDirectories(dir);
        List<Trained> all = new ArrayList<>();
        List<StudySpec.ModelSpec> pending = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (StudySpec.ModelSpec m : spec.models()) {
            Path file = file(m);
            if (fingerprint(m).unchanged() && Files.exists(file)) {
                log.accept("reusing " + file);
                Path seconds = dir.resolve(m.name() + ".seconds");
                all.add(new Trained(file, true, Files.exists(seconds) ? Double.parseDouble(Files.readString(seconds)
                        .strip()) : Double.NaN));
            } else {
                all.add(null);
                pending.add(m);
                files.add(file);
            }
        }
        if (pending.isEmpty()) {
            return all;
        }
        // Each model's seconds, then its fingerprint, as soon as its file is complete: a fingerprint only ever
        // stands beside complete files, and an interrupted study keeps the models it finished.
        work.train(spec, pending, files, train, log, progress, (j, took) -> {
            StudySpec.ModelSpec m = pending.get(j);
            String seconds = Double.toString(took);
            AtomicFiles.write(dir.resolve(m.name() + ".seconds"), true,
                    o -> o.write(seconds.getBytes(StandardCharsets.UTF_8)));
            fingerprint(m).write();
            all.set(spec.models().indexOf(m), new Trained(files.get(j), false, took));
        });
        return all;
    }

    /**
     * Trains one model into a file (replaced atomically): the train operation with the model's settings. Returns
     * the seconds it took.
     */
    public static double train(StudySpec.ModelSpec m, Dataset train, Path file, Consumer<String> log,
            Progress progress) throws IOException {
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
        return (System.nanoTime() - t0) / 1e9;
    }

    private Path file(StudySpec.ModelSpec m) {
        return dir.resolve(FileNames.check("model name", m.name()) + ".recg");
    }

    private Fingerprint fingerprint(StudySpec.ModelSpec m) {
        return new Fingerprint(dir.resolve(m.name() + ".fingerprint.json"), List.of(m, spec.data()));
    }
}
