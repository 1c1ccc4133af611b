package org.robustecg.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.TestData;
import org.robustecg.data.Dataset;
import org.robustecg.io.EcgFormatException;
import org.robustecg.progress.Progress;

/** A tiny study end to end on real MIT-BIH records: two models, two attacks, two radii. */
class StudyRunnerTest {

    private static final String STUDY = """
            name: tiny
            seed: 3
            data: {split: random, test_fraction: 0.2, train_per_class: 12, test_per_class: 3}
            train: {epochs: 1, batch_size: 32, width: 0.0625, balance: true, robust_samples: 0}
            models:
              - {name: plain, architecture: resnet18, loss: ce}
              - {name: robust, architecture: caslcnet, loss: mart, attack_steps: 2}
            attacks:
              - {attack: fgsm, eps: [0.05, 0.1]}
              - {attack: pgd, eps: [0.05, 0.1], steps: 2}
            score: {eps_max: 0.1}
            channels: {eps: 0.1, steps: 20}
            """;

    @Test
    void runsReportsAndResumes(@TempDir Path dir) throws Exception {
        Path mitdb = copyOfSomeRecords(dir.resolve("mitdb"));
        StudySpec spec = StudyFiles.parse(Path.of("tiny.yaml"), STUDY);
        Path out = dir.resolve("out");
        List<String> log = new ArrayList<>();
        StudyResult first = new StudyRunner(spec, mitdb, out, log::add).run(Progress.NONE);
        assertEquals(2, first.models().size());
        for (StudyResult.ModelResult m : first.models()) {
            assertEquals(2, m.attacks().size());
            // Without an ensemble attack, the headline is the per-beat worst case of fgsm and pgd.
            assertEquals("worst-case", m.robustness().attack());
            for (StudyResult.AttackResult a : m.attacks()) {
                assertEquals(3, a.curve().size(), "clean point and two radii");
                assertTrue(a.accRobust() >= 0 && a.accRobust() <= 1);
                assertTrue(m.robustness().accRobust() <= a.accRobust() + 1e-12, a.attack());
                assertTrue(a.accRobustInterval().low() <= a.accRobust() && a.accRobust() <= a.accRobustInterval().high());
            }
            assertTrue(m.accuracyInterval().low() <= m.accuracy() && m.accuracy() <= m.accuracyInterval().high());
        }
        JsonObject results = JsonParser.parseString(Files.readString(out.resolve("results.json"))).getAsJsonObject();
        assertEquals("tiny", results.getAsJsonObject("study").get("name").getAsString());
        assertEquals(2, results.getAsJsonArray("models").size());
        String html = Files.readString(out.resolve("report.html"));
        for (String expected : new String[] {"RobustECG study: tiny", "ACC_robust", "plain", "robust", "fgsm", "pgd",
            "data:image/png;base64,", "channel frequency of robust", "Clean test metrics", "worst-case (headline)",
            "95 % interval", "plain vs robust: headline ACC_robust"}) {
            assertTrue(html.contains(expected), "report mentions " + expected);
        }
        // A second run reuses the datasets, models and predictions and gives the same numbers.
        log.clear();
        StudyResult second = new StudyRunner(spec, mitdb, out, log::add).run(Progress.NONE);
        assertTrue(log.stream().noneMatch(l -> l.startsWith("training") || l.startsWith("attacking")), log.toString());
        assertTrue(second.models().get(0).reused());
        assertEquals(first.models().get(1).attacks().get(1).accRobust(), second.models().get(1).attacks().get(1).accRobust());
    }

    /** A study stopped after some models or attacks finished keeps them: the next run does only the rest. */
    @Test
    void anInterruptedStudyKeepsWhatItFinished(@TempDir Path dir) throws Exception {
        Path mitdb = copyOfSomeRecords(dir.resolve("mitdb"));
        StudySpec spec = StudyFiles.parse(Path.of("tiny.yaml"), STUDY);
        Path out = dir.resolve("out");
        List<String> log = new ArrayList<>();
        IOException stop = new IOException("stopped");
        StudyWork stopsAfterOneModel = new StudyWork() {
            @Override
            public void train(StudySpec s, List<StudySpec.ModelSpec> models, List<Path> files, Dataset train,
                    Consumer<String> l, Progress p, Finished<Double> finished) throws IOException {
                LOCAL.train(s, models, files, train, l, p, (i, seconds) -> {
                    finished.accept(i, seconds);
                    throw stop;
                });
            }

            @Override
            public void attack(StudySpec s, List<AttackJob> jobs, Dataset test, Progress p, Finished<Pass> finished) {
                throw new AssertionError("no attack before every model is trained");
            }
        };
        assertSame(stop, assertThrows(IOException.class,
                () -> new StudyRunner(spec, mitdb, out, stopsAfterOneModel, log::add).run(Progress.NONE)));
        assertTrue(Files.exists(out.resolve("models/plain.fingerprint.json")), "the finished model is kept");
        StudyWork stopsAfterOneAttack = new StudyWork() {
            @Override
            public void train(StudySpec s, List<StudySpec.ModelSpec> models, List<Path> files, Dataset train,
                    Consumer<String> l, Progress p, Finished<Double> finished) throws IOException {
                LOCAL.train(s, models, files, train, l, p, finished);
            }

            @Override
            public void attack(StudySpec s, List<AttackJob> jobs, Dataset test, Progress p, Finished<Pass> finished)
                    throws IOException {
                LOCAL.attack(s, jobs, test, p, (j, pass) -> {
                    finished.accept(j, pass);
                    throw stop;
                });
            }
        };
        log.clear();
        assertSame(stop, assertThrows(IOException.class,
                () -> new StudyRunner(spec, mitdb, out, stopsAfterOneAttack, log::add).run(Progress.NONE)));
        assertEquals(List.of("training robust"), log.stream().filter(l -> l.startsWith("training")).toList());
        log.clear();
        new StudyRunner(spec, mitdb, out, log::add).run(Progress.NONE);
        assertTrue(log.stream().noneMatch(l -> l.startsWith("training")), log.toString());
        assertEquals(List.of("attacking plain with pgd", "attacking robust with fgsm", "attacking robust with pgd"),
                log.stream().filter(l -> l.startsWith("attacking")).toList());
    }

    @Test
    void cpscStudyRunsTheRecordsPipeline(@TempDir Path dir) throws Exception {
        String study = """
                name: cpsc tiny
                data: {dataset: cpsc2018, split: none, crop_length: 1000, padded_length: 1024}
                models:
                  - {name: robust, architecture: caslcnet, loss: mart, epochs: 1, batch_size: 4, width: 0.0625,
                     attack_steps: 1, balance: true, robust_samples: 0}
                attacks:
                  - {attack: pgd, eps: [0.01], steps: 2}
                score: {eps_max: 0.01}
                """;
        StudySpec spec = StudyFiles.parse(Path.of("cpsc.yaml"), study);
        Path cpsc = TestData.dir().resolve("cpsc2018/cinc2020");
        StudyResult result = new StudyRunner(spec, cpsc, dir, l -> { }).run(Progress.NONE);
        assertTrue(result.trainItems() >= 4, "single-label sample recordings: " + result.trainItems());
        assertEquals(2, result.models().get(0).attacks().get(0).curve().size());
        var train = org.robustecg.data.DatasetFiles.load(dir.resolve("datasets/train.npz"));
        assertEquals(8, train.leads());
        assertEquals(1024, train.length());
        assertTrue(train.mask() != null, "padded records carry a mask");
        var model = org.robustecg.model.ModelFile.info(dir.resolve("models/robust.recg"));
        assertEquals(-1f, model.lower(), "records live in [-1, 1]");
        assertEquals(0.01, model.training().orElseThrow().epsilon(), 1e-12, "the paper's CPSC2018 training eps");
        assertEquals(1.0, model.training().orElseThrow().loss().mseWeight(), "the CPSC2018 MSE term");
    }

    @Test
    void everyBundledStudyFileParses() throws Exception {
        Path studies = Path.of("..", "..", "studies");
        try (var files = Files.list(studies)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertEquals(8 * 2 + 8 + 1, all.size(), "MIT-BIH cpu and paper, CPSC2018 paper, CPSC2018 smoke");
            for (Path p : all) {
                StudySpec spec = StudyFiles.read(p);
                assertTrue(!spec.models().isEmpty() && !spec.attacks().isEmpty(), p.toString());
                assertEquals(p.getFileName().toString().startsWith("cpsc2018"), spec.cpsc(), p.toString());
            }
        }
    }

    @Test
    void badStudyFilesNameTheProblem() {
        EcgFormatException unknown = assertThrows(EcgFormatException.class, () -> StudyFiles.parse(Path.of("s.yaml"),
                "models: [{architecture: vgg99}]\nattacks: [{attack: pgd, eps: [0.1]}]\n"));
        assertTrue(unknown.getMessage().contains("s.yaml") && unknown.getMessage().contains("vgg99"), unknown.getMessage());
        EcgFormatException key = assertThrows(EcgFormatException.class, () -> StudyFiles.parse(Path.of("s.json"),
                "{\"models\": [], \"attacks\": [], \"colour\": 1}"));
        assertTrue(key.getMessage().contains("colour"), key.getMessage());
        assertThrows(EcgFormatException.class, () -> StudyFiles.parse(Path.of("s.yaml"), "models: [\n"));
    }

    /** Five real records (with every AAMI class) in a folder of their own, so the test reads only those. */
    private static Path copyOfSomeRecords(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String r : new String[] {"100", "119", "208", "213", "232"}) {
            for (String ext : new String[] {".hea", ".dat", ".atr"}) {
                Files.copy(TestData.mitdb().resolve(r + ext), dir.resolve(r + ext));
            }
        }
        return dir;
    }
}
