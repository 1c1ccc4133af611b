package org.robustecg.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.storage.StorageLevel;
import org.robustecg.attack.AttackRecord;
import org.robustecg.attack.RobustnessEvaluation;
import org.robustecg.cli.StudyCluster;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.io.AtomicFiles;
import org.robustecg.metrics.PredictionsCsv;
import org.robustecg.progress.CancelledException;
import org.robustecg.progress.Progress;
import org.robustecg.study.StudySpec;

/**
 * A study's work on Apache Spark (docs/SCALING.md). The driver broadcasts the datasets it built; training is one task
 * per model, whose model file comes back to the driver; attacks are one task per model, attack and range of test
 * items (the whole radius grid in one pass), each loading its model once. The rows are committed as part files by
 * Hadoop's output committer (a failed or retried attempt leaves nothing behind; the folder is complete once
 * {@code _SUCCESS} is there) and read back by the driver, which stores, scores and reports as a local study does.
 */
final class SparkStudy implements StudyCluster {

    /** Spark setting: test items per attack task (rounded up to whole batches); default: about 1,000 or fewer. */
    static final String ITEMS = "spark.robustecg.itemsPerTask";
    /** Spark setting for fault drills: the attack task whose first attempt fails half-way through its part file. */
    static final String DRILL = "spark.robustecg.drill.failFirstAttempt";

    private final JavaSparkContext sc;
    private final Path folder;
    private final String remote;
    private final String parts;
    private final Consumer<String> log;
    private final String run = UUID.randomUUID().toString();
    private final Tracker tracker = new Tracker();

    /**
     * @param folder the local folder the study writes
     * @param remote the output URI it is published to, or null when the folder is the output
     * @param parts  the URI of the attacks' part files (shared storage on a cluster)
     */
    SparkStudy(JavaSparkContext sc, Path folder, String remote, String parts, Consumer<String> log) {
        this.sc = sc;
        this.folder = folder;
        this.remote = remote;
        this.parts = parts;
        this.log = log;
        sc.sc().addSparkListener(tracker);
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public void train(StudySpec spec, List<StudySpec.ModelSpec> models, List<Path> files, Dataset train,
            Consumer<String> log, Progress progress, Finished<Double> finished) throws IOException {
        log.accept("training " + String.join(", ", models.stream().map(StudySpec.ModelSpec::name).toList())
                + " on Spark (" + sc.master() + "), one task per model");
        Broadcast<byte[]> items = sc.broadcast(Shipped.bytes(train));
        String run = this.run;
        List<StudySpec.ModelSpec> todo = new ArrayList<>(models);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < todo.size(); i++) {
            indices.add(i);
        }
        List<Tasks.Trained> trained = tracked(progress, "training", todo.size(), () -> sc.parallelize(indices,
                todo.size()).map(i -> Tasks.train(run, todo.get(i), items)).collect());
        items.destroy();
        log.accept(String.format("  %d training tasks in %.1f s", todo.size(), tracker.seconds()));
        for (int i = 0; i < todo.size(); i++) {
            byte[] file = trained.get(i).file();
            AtomicFiles.write(files.get(i), true, o -> o.write(file));
            finished.accept(i, trained.get(i).seconds());
        }
    }

    @Override
    public void attack(StudySpec spec, List<AttackJob> jobs, Dataset test, Progress progress,
            Finished<Pass> finished) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (AttackJob job : jobs) {
            if (!files.containsKey(job.model().name())) {
                files.put(job.model().name(), Shipped.bytes(job.file()));
            }
        }
        List<Tasks.Range> ranges = ranges(spec, jobs, test.size());
        log.accept("attacking on Spark: " + ranges.size() + " tasks of up to " + (ranges.get(0).to()
                - ranges.get(0).from()) + " items");
        Broadcast<byte[]> items = sc.broadcast(Shipped.bytes(test));
        Broadcast<Map<String, byte[]>> models = sc.broadcast(files);
        String run = this.run;
        int drill = sc.getConf().getInt(DRILL, -1);
        FileSystem fs = FileSystem.get(java.net.URI.create(parts), sc.hadoopConfiguration());
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(parts);
        fs.delete(dir, true);
        JavaRDD<Tasks.Part> done = sc.parallelize(ranges, ranges.size())
                .map(r -> Tasks.attack(run, spec, r, items, models)).persist(StorageLevel.MEMORY_AND_DISK());
        // Each task runs twice: once to write its part, once (from the cache) to hand back its summary.
        List<Tasks.Part> summaries = tracked(progress, "attacks", 2 * ranges.size(), () -> {
            done.mapPartitions(p -> Tasks.lines(p, drill)).saveAsTextFile(parts);
            return done.map(Tasks.Part::summary).collect();
        });
        double busy = summaries.stream().mapToDouble(Tasks.Part::seconds).sum();
        log.accept(String.format("  %d attack tasks in %.1f s (%.1f s of task time)", ranges.size(),
                tracker.seconds(), busy));
        done.unpersist(false);
        items.destroy();
        models.destroy();
        if (!fs.exists(new org.apache.hadoop.fs.Path(dir, "_SUCCESS"))) {
            throw new IOException(parts + ": the attacks' output was not committed");
        }
        List<List<AttackRecord>> rows = new ArrayList<>();
        double[] seconds = new double[jobs.size()];
        Dataset[] examples = new Dataset[jobs.size()];
        for (int j = 0; j < jobs.size(); j++) {
            rows.add(new ArrayList<>());
        }
        Path local = Files.createTempFile("robustecg-part-", ".csv");
        Path example = Files.createTempFile("robustecg-example-", ".npz");
        try {
            for (Tasks.Part part : summaries) {
                Tasks.Range r = part.range();
                try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(dir, String.format("part-%05d",
                        r.index())))) {
                    Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
                }
                rows.get(r.job()).addAll(PredictionsCsv.read(local));
                seconds[r.job()] += part.seconds();
                if (part.example() != null) {
                    Files.write(example, part.example());
                    examples[r.job()] = DatasetFiles.load(example);
                }
            }
        } finally {
            Files.deleteIfExists(local);
            Files.deleteIfExists(example);
        }
        fs.delete(dir, true);
        for (int j = 0; j < jobs.size(); j++) {
            double largest = rows.get(j).get(rows.get(j).size() - 1).epsilon();
            finished.accept(j, new Pass(new RobustnessEvaluation.Result(rows.get(j), Map.of(largest, examples[j])),
                    seconds[j]));
        }
    }

    /**
     * The attack tasks, in order by job and item. Ranges start at whole batches, so every batch is the one a local
     * run attacks and the rows are the same to the last digit.
     */
    private List<Tasks.Range> ranges(StudySpec spec, List<AttackJob> jobs, int items) {
        int slots = Math.max(1, sc.defaultParallelism());
        // About two tasks per slot over all jobs, so a slow task leaves little idle time, but at most ~1,000 items.
        int wanted = sc.getConf().getInt(ITEMS, (int) Math.min(1024, Math.ceil(items
                / Math.ceil(2.0 * slots / jobs.size()))));
        List<Tasks.Range> ranges = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            AttackJob job = jobs.get(j);
            int batch = spec.attackValues(job.attack()).integer("batch_size");
            int size = Math.max(1, (wanted + batch - 1) / batch) * batch;
            for (int from = 0; from < items; from += size) {
                ranges.add(new Tasks.Range(ranges.size(), j, job.attack(), job.model().name(), from,
                        Math.min(items, from + size)));
            }
        }
        return ranges;
    }

    private interface Action<T> {
        T run() throws IOException;
    }

    /** Runs a stage with its finished tasks as progress; Ctrl-C cancels its jobs. */
    private <T> T tracked(Progress progress, String stage, int tasks, Action<T> action) throws IOException {
        tracker.start(progress, stage, tasks);
        try {
            return action.run();
        } catch (RuntimeException e) {
            if (progress.isCancelled()) {
                throw new CancelledException();
            }
            throw failure(e);
        } finally {
            tracker.stop();
        }
    }

    /** A failed stage: the task's own message when it has one (a setting, a file). */
    private static RuntimeException failure(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
            return (RuntimeException) cause;
        }
        return new IllegalStateException("the Spark job failed (ROBUSTECG_DEBUG=1 shows why; on a cluster, so do "
                + "the executors' logs)", e);
    }

    @Override
    public void publish() throws IOException {
        if (remote != null) {
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(remote);
            FileSystem fs = target.getFileSystem(sc.hadoopConfiguration());
            fs.mkdirs(target);
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(f.toUri()), target);
                }
            }
        }
    }

    @Override
    public void close() {
        sc.stop();
        Shipped.forget(run);
    }

    /** Finished tasks of the running stage as progress; cancels the stage's jobs once the user cancels. */
    private final class Tracker extends SparkListener {

        private volatile Progress progress;
        private volatile String stage;
        private volatile int tasks;
        private final AtomicInteger finished = new AtomicInteger();

        private volatile long started;
        private volatile long stopped;

        void start(Progress progress, String stage, int tasks) {
            started = System.nanoTime();
            finished.set(0);
            this.stage = stage;
            this.tasks = tasks;
            this.progress = progress;
        }

        void stop() {
            progress = null;
            stopped = System.nanoTime();
        }

        /** The wall time of the last stage. */
        double seconds() {
            return (stopped - started) / 1e9;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            Progress p = progress;
            if (p == null) {
                return;
            }
            if (end.taskInfo().successful()) {
                int n = finished.incrementAndGet();
                p.update(Math.min(1.0, n / (double) tasks), stage + " on Spark: " + Math.min(n, tasks) + " of "
                        + tasks + " tasks");
            }
            if (p.isCancelled()) {
                sc.cancelAllJobs();
            }
        }
    }
}
