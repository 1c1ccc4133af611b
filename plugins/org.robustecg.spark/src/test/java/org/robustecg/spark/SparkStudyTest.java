package org.robustecg.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.cli.RobustEcg;
import org.robustecg.cli.StudyCluster;
import org.robustecg.progress.Progress;
import org.robustecg.study.StudyFiles;
import org.robustecg.study.StudyRunner;
import org.robustecg.study.StudySpec;

/**
 * A tiny study on real MIT-BIH records, in this process and on Spark (local[2]): the same predictions tables row for
 * row, and a failed attack task retried without losing or repeating a row.
 */
class SparkStudyTest {

    /** Two models (two training tasks), two attacks in batches of 8 cut into tasks of 8 items: many tasks. */
    private static final String STUDY = """
            name: tiny on spark
            seed: 5
            data: {split: random, test_fraction: 0.2, train_per_class: 10, test_per_class: 5}
            train: {epochs: 1, batch_size: 32, width: 0.0625, balance: true, robust_samples: 0}
            models:
              - {name: plain, architecture: resnet18, loss: ce}
              - {name: robust, architecture: caslcnet, loss: mart, attack_steps: 2}
            attacks:
              - {attack: fgsm, eps: [0.05, 0.1], batch_size: 8}
              - {attack: pgd, eps: [0.05, 0.1], steps: 2, batch_size: 8}
            score: {eps_max: 0.1}
            """;

    @TempDir
    static Path dir;
    private static Path mitdb;
    private static Path study;
    private static Path local;

    /** The single-process run every Spark run is compared with. */
    @BeforeAll
    static void runLocally() throws Exception {
        mitdb = copyOfSomeRecords(dir.resolve("mitdb"));
        study = dir.resolve("tiny.yaml");
        Files.writeString(study, STUDY);
        local = dir.resolve("local");
        StudySpec spec = StudyFiles.read(study);
        new StudyRunner(spec, mitdb, local, line -> { }).run(Progress.NONE);
    }

    @Test
    void sparkRunEqualsTheLocalRun() throws Exception {
        Path out = dir.resolve("spark");
        int code = RobustEcg.run("study", study.toString(), "--data", mitdb.toString(), "--out", out.toString(),
                "--spark", "local[2]", "--spark-conf", "spark.ui.enabled=false", "--spark-conf",
                SparkStudy.ITEMS + "=8");
        assertEquals(0, code);
        assertSameTables(out);
        JsonObject a = JsonParser.parseString(Files.readString(local.resolve("results.json"))).getAsJsonObject();
        JsonObject b = JsonParser.parseString(Files.readString(out.resolve("results.json"))).getAsJsonObject();
        for (int m = 0; m < 2; m++) {
            for (String key : new String[] {"name", "accuracy", "robustness"}) {
                JsonObject x = a.getAsJsonArray("models").get(m).getAsJsonObject();
                JsonObject y = b.getAsJsonArray("models").get(m).getAsJsonObject();
                if (key.equals("robustness")) {
                    assertEquals(x.getAsJsonObject(key).get("curve"), y.getAsJsonObject(key).get("curve"));
                } else {
                    assertEquals(x.get(key), y.get(key), key);
                }
            }
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("tiny on spark"));
        assertFalse(Files.exists(out.resolve("predictions/parts")), "part files are read and removed");
    }

    @Test
    void aFailedAttackTaskIsRetriedAndEveryRowIsThereOnce() throws Exception {
        Path out = dir.resolve("retried");
        List<String> failures = new CopyOnWriteArrayList<>();
        List<String> log = new ArrayList<>();
        // local[2,2]: two tasks at a time, a task may fail twice; the third attack task fails half-way through
        // writing its part file the first time.
        try (StudyCluster cluster = new SparkBinding().connect("local[2,2]", Map.of("spark.ui.enabled", "false",
                SparkStudy.ITEMS, "8", SparkStudy.DRILL, "2"), out.toString(), log::add)) {
            SparkContext.getOrCreate().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (!end.taskInfo().successful()) {
                        failures.add(end.reason().toString());
                    }
                }
            });
            new StudyRunner(StudyFiles.read(study), mitdb, cluster.folder(), cluster, log::add).run(Progress.NONE);
        }
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("fault drill"), failures.get(0));
        assertSameTables(out);
    }

    /** Every predictions table of the Spark run is the local one's, byte for byte. */
    private static void assertSameTables(Path out) throws Exception {
        List<Path> tables;
        try (var files = Files.list(local.resolve("predictions"))) {
            tables = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertEquals(4, tables.size(), "two models x two attacks");
        for (Path table : tables) {
            Path other = out.resolve("predictions").resolve(table.getFileName());
            List<String> expected = Files.readAllLines(table);
            assertTrue(expected.size() > 1 + 3 * 8, "several tasks' rows: " + expected.size());
            assertEquals(expected, Files.readAllLines(other), table.getFileName().toString());
        }
    }

    /** Five real records (with every AAMI class), as StudyRunnerTest takes them. */
    private static Path copyOfSomeRecords(Path target) throws Exception {
        Path fixtures = fixtures().resolve("mitdb");
        Files.createDirectories(target);
        for (String r : new String[] {"100", "119", "208", "213", "232"}) {
            for (String ext : new String[] {".hea", ".dat", ".atr"}) {
                Files.copy(fixtures.resolve(r + ext), target.resolve(r + ext));
            }
        }
        return target;
    }

    /** The committed excerpts in test-data/ (-Drobustecg.fixtures, else found above the working directory). */
    static Path fixtures() {
        String property = System.getProperty("robustecg.fixtures");
        if (property != null && Files.isRegularFile(Path.of(property, "NOTICE"))) {
            return Path.of(property);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("test-data").resolve("NOTICE"))) {
                return p.resolve("test-data");
            }
        }
        throw new IllegalStateException("test-data/NOTICE not found above " + Path.of("").toAbsolutePath());
    }
}
