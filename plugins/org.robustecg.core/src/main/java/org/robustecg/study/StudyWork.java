package org.robustecg.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.robustecg.attack.RobustnessEvaluation;
import org.robustecg.data.Dataset;
import org.robustecg.model.ModelFile;
import org.robustecg.model.TrainedModel;
import org.robustecg.progress.Progress;

/**
 * Where a study's models are trained and its attacks run: {@link #LOCAL} one after the other in this process, or
 * spread over a cluster by a binding that calls the same units ({@link StudyTraining#train(StudySpec.ModelSpec,
 * Dataset, Path, Consumer, Progress)} per model, {@link StudyAttacks#pass} per range of test items). The study
 * asks only for what an earlier run did not leave, and stores, scores and reports the results itself.
 */
public interface StudyWork {

    /**
     * One attack of the study on one model.
     *
     * @param model  the model's settings
     * @param attack the attack's index among the study's attacks
     * @param file   the model file
     */
    record AttackJob(StudySpec.ModelSpec model, int attack, Path file) {
    }

    /**
     * An attack's pass over all test items.
     *
     * @param result  the rows of every item in order, and the first item at the largest radius
     * @param seconds the time its pass took
     */
    record Pass(RobustnessEvaluation.Result result, double seconds) {
    }

    /**
     * Takes a finished unit as soon as the work has it, so that a study interrupted later keeps it.
     *
     * @param <T> what the unit gives
     */
    @FunctionalInterface
    interface Finished<T> {
        /**
         * @param index the unit's index among those asked for
         * @param value what it gave
         */
        void accept(int index, T value) throws IOException;
    }

    /**
     * Trains each model into its file and hands the seconds each took to {@code finished}, once per model, after
     * its file is complete.
     */
    void train(StudySpec spec, List<StudySpec.ModelSpec> models, List<Path> files, Dataset train,
            Consumer<String> log, Progress progress, Finished<Double> finished) throws IOException;

    /** Runs each attack on all the test items and hands its pass to {@code finished}, once per job. */
    void attack(StudySpec spec, List<AttackJob> jobs, Dataset test, Progress progress, Finished<Pass> finished)
            throws IOException;

    /** In this process, one unit after the other. */
    StudyWork LOCAL = new StudyWork() {
        @Override
        public void train(StudySpec spec, List<StudySpec.ModelSpec> models, List<Path> files, Dataset train,
                Consumer<String> log, Progress progress, Finished<Double> finished) throws IOException {
            for (int i = 0; i < models.size(); i++) {
                finished.accept(i, StudyTraining.train(models.get(i), train, files.get(i), log,
                        progress.range(i / (double) models.size(), (i + 1) / (double) models.size())));
            }
        }

        @Override
        public void attack(StudySpec spec, List<AttackJob> jobs, Dataset test, Progress progress,
                Finished<Pass> finished) throws IOException {
            TrainedModel model = null;
            try {
                for (int i = 0; i < jobs.size(); i++) {
                    AttackJob job = jobs.get(i);
                    // A model's attacks follow each other: it is loaded once for them.
                    if (i == 0 || !jobs.get(i - 1).file().equals(job.file())) {
                        if (model != null) {
                            model.close();
                        }
                        model = ModelFile.load(job.file());
                    }
                    long t0 = System.nanoTime();
                    RobustnessEvaluation.Result result = StudyAttacks.pass(spec, job.attack(), model, test, 0,
                            test.size(), progress.range(i / (double) jobs.size(), (i + 1) / (double) jobs.size()));
                    finished.accept(i, new Pass(result, (System.nanoTime() - t0) / 1e9));
                }
            } finally {
                if (model != null) {
                    model.close();
                }
            }
        }
    };
}
