package org.robustecg.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.robustecg.attack.AttackRecord;
import org.robustecg.attack.RobustnessEvaluation;
import org.robustecg.data.Dataset;
import org.robustecg.metrics.PredictionsCsv;
import org.robustecg.model.ModelFile;
import org.robustecg.model.TrainedModel;
import org.robustecg.progress.Progress;
import org.robustecg.study.StudyAttacks;
import org.robustecg.study.StudySpec;
import org.robustecg.study.StudyTraining;

/** What the executors run: a study's own units of work on shipped datasets and model files. */
final class Tasks {

    private Tasks() {
    }

    /**
     * A trained model.
     *
     * @param file    the model file's contents
     * @param seconds how long its training took
     */
    record Trained(byte[] file, double seconds) implements Serializable {
    }

    /**
     * One attack task: attack {@code attack} of the study on items {@code [from, to)} with one model.
     *
     * @param index its index among the stage's tasks (its part file's number)
     * @param job   the attack job it belongs to
     */
    record Range(int index, int job, int attack, String model, int from, int to) implements Serializable {
    }

    /**
     * What an attack task made.
     *
     * @param lines   its part of the predictions table (a header, then the rows)
     * @param example the first item at the largest radius as a dataset file, for the range from item 0
     * @param seconds how long the pass took
     */
    record Part(Range range, List<String> lines, byte[] example, double seconds) implements Serializable {

        /** Without the rows, which travel as part files. */
        Part summary() {
            return new Part(range, List.of(), example, seconds);
        }
    }

    /**
     * Training draws from PyTorch's one generator per process (seeded per model): two trainings in one executor
     * would draw from each other's stream, so an executor trains one model at a time.
     */
    static synchronized Trained train(String run, StudySpec.ModelSpec m, Broadcast<byte[]> items)
            throws IOException {
        Dataset train = Shipped.dataset(run, items);
        Path file = Files.createTempFile("robustecg-" + m.name() + "-", ".recg");
        try {
            double seconds = StudyTraining.train(m, train, file, line -> { }, Progress.NONE);
            return new Trained(Files.readAllBytes(file), seconds);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The model is loaded once for the task's range. */
    static Part attack(String run, StudySpec spec, Range r, Broadcast<byte[]> items,
            Broadcast<Map<String, byte[]>> models) throws IOException {
        Dataset test = Shipped.dataset(run, items);
        long t0 = System.nanoTime();
        try (TrainedModel model = ModelFile.load(Shipped.model(run, models, r.model()))) {
            RobustnessEvaluation.Result result = StudyAttacks.pass(spec, r.attack(), model, test, r.from(), r.to(),
                    Progress.NONE);
            List<String> lines = new ArrayList<>(result.rows().size() + 1);
            lines.add(PredictionsCsv.HEADER);
            for (AttackRecord row : result.rows()) {
                lines.add(PredictionsCsv.line(row));
            }
            byte[] example = result.adversarial().isEmpty() ? null
                    : Shipped.bytes(result.adversarial().values().iterator().next());
            return new Part(r, lines, example, (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * The lines of a task's part file. A fault drill ({@link SparkStudy#DRILL}) makes the first attempt of one task
     * fail half-way through writing: Spark retries it, and its half-written file is never committed.
     */
    static Iterator<String> lines(Iterator<Part> parts, int drill) {
        List<String> lines = new ArrayList<>();
        parts.forEachRemaining(p -> lines.addAll(p.lines()));
        if (drill < 0 || lines.isEmpty()) {
            return lines.iterator();
        }
        TaskContext task = TaskContext.get();
        if (task.partitionId() != drill || task.attemptNumber() > 0) {
            return lines.iterator();
        }
        Iterator<String> all = lines.iterator();
        int half = lines.size() / 2;
        return new Iterator<>() {
            private int written;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public String next() {
                if (written++ == half) {
                    throw new IllegalStateException("fault drill: the first attempt of attack task " + drill
                            + " fails after writing half its rows");
                }
                return all.next();
            }
        };
    }
}
