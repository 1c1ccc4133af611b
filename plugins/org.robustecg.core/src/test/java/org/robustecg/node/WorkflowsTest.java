package org.robustecg.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.ops.Face;
import org.robustecg.ops.Values;
import org.robustecg.TestData;
import org.robustecg.node.WorkflowFiles.Link;
import org.robustecg.node.WorkflowFiles.WorkflowNode;
import org.robustecg.progress.Progress;
import org.robustecg.table.Table;

/**
 * The example workflows and testflows: they name only our node factories and settings keys, with valid values,
 * and connect ports of matching kinds. Run with -Drobustecg.writeWorkflows=true to rewrite them (the testflows'
 * expected values are computed by running the same steps on the real data).
 */
class WorkflowsTest {

    static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    /** Workflows expect a folder "data" beside them holding mitdb/, cpsc2018/ and kaggle-heartbeat/. */
    static final String DATA = "knime://knime.workflow/../data/";

    @TempDir
    Path work;

    @Test
    void workflowsNameOnlyOurFactoriesAndSettingsKeysAndConnectMatchingPorts() throws Exception {
        Map<String, NodeCatalog.Entry> catalog = new HashMap<>();
        NodeCatalog.entries().forEach(e -> catalog.put(e.factory(), e));
        List<Path> workflows = workflowFolders();
        Set<String> tested = new HashSet<>();
        int examples = 0;
        for (Path folder : workflows) {
            WorkflowFiles.Parsed w = WorkflowFiles.read(folder);
            boolean testflow = folder.startsWith(ROOT.resolve("test-workflows"));
            examples += testflow ? 0 : 1;
            for (Map.Entry<Integer, String> node : w.factories().entrySet()) {
                NodeCatalog.Entry entry = catalog.get(node.getValue());
                assertTrue(entry != null, folder + ": node " + node.getKey() + " names an unknown factory "
                        + node.getValue());
                if (testflow) {
                    tested.add(entry.factory());
                }
                Map<String, Object> settings = w.settings().get(node.getKey());
                Set<String> keys = new HashSet<>();
                keys.addAll(entry.step().schema().keys(Face.NODE));
                assertEquals(keys, settings.keySet(), folder + ": settings keys of node " + node.getKey());
                Values.of(entry.step().schema(), Face.NODE, settings);
            }
            Map<String, Integer> inputsUsed = new HashMap<>();
            for (Link l : w.links()) {
                NodeCatalog.Entry from = catalog.get(w.factories().get(l.from()));
                NodeCatalog.Entry to = catalog.get(w.factories().get(l.to()));
                assertTrue(from != null && to != null, folder + ": connection between unknown nodes " + l);
                if (l.fromPort() < 0 || l.toPort() < 0) {
                    assertTrue(l.fromPort() < 0 && l.toPort() < 0, folder + ": flow variable ports only to each other");
                    continue;
                }
                assertTrue(l.fromPort() < from.step().outputs().size(), folder + ": no output " + l);
                assertTrue(l.toPort() < to.step().inputs().size(), folder + ": no input " + l);
                assertEquals(from.step().outputs().get(l.fromPort()).kind(), to.step().inputs().get(l.toPort()).kind(),
                        folder + ": port kinds of " + l);
                assertEquals(null, inputsUsed.put(l.to() + ":" + l.toPort(), l.from()), folder + ": input used twice "
                        + l);
            }
            for (Map.Entry<Integer, String> node : w.factories().entrySet()) {
                List<Port> inputs = catalog.get(node.getValue()).step().inputs();
                for (int p = 0; p < inputs.size(); p++) {
                    assertTrue(inputs.get(p).optional() || inputsUsed.containsKey(node.getKey() + ":" + p), folder
                            + ": input " + p + " of node " + node.getKey() + " is not connected");
                }
            }
        }
        assertTrue(examples >= 2, "at least the two example workflows");
        String pom = Files.readString(ROOT.resolve("example-workflows/pom.xml"));
        for (Path folder : workflows) {
            assertTrue(pom.contains("prefix=\"" + folder.getFileName() + "\""), "example-workflows/pom.xml zips "
                    + folder.getFileName() + " into a .knwf");
        }
        for (NodeCatalog.Entry e : NodeCatalog.entries()) {
            assertTrue(tested.contains(e.factory()), "a testflow runs " + e.factory());
        }
    }

    /**
     * Every node is saved in the state KNIME computes when it loads the workflow beside the data (otherwise KNIME
     * re-configures it, logs "State has changed from CONFIGURED to IDLE" and marks the workflow changed).
     */
    @Test
    void everyNodeIsSavedInTheStateKnimeGivesItOnLoad() throws Exception {
        Map<String, NodeCatalog.Entry> catalog = new HashMap<>();
        NodeCatalog.entries().forEach(e -> catalog.put(e.factory(), e));
        for (Path folder : workflowFolders()) {
            WorkflowFiles.Parsed w = WorkflowFiles.read(folder);
            Map<Integer, NodeStep> steps = new LinkedHashMap<>();
            w.factories().forEach((id, factory) -> steps.put(id, catalog.get(factory).step()));
            assertEquals(WorkflowFiles.loadStates(steps, w.settings(), w.links(), localPaths(work)), w.states(),
                    folder + ": node states as saved");
        }
    }

    /**
     * Settings with knime://knime.workflow/../ read as a workspace folder that holds the data as "data"; other URLs
     * are not local files (an error, as in the node).
     */
    static UnaryOperator<Map<String, ?>> localPaths(Path workspace) {
        String workflowParent = "knime://knime.workflow/../";
        return settings -> {
            Map<String, Object> local = new LinkedHashMap<>();
            settings.forEach((k, v) -> {
                if (v instanceof String s && s.matches("^[a-z][a-z0-9+.-]+:/.*") && !s.startsWith(workflowParent)) {
                    throw new IllegalArgumentException("not a local file: " + s);
                }
                local.put(k, v instanceof String s && s.startsWith(DATA)
                        ? TestData.complete().resolve(s.substring(DATA.length())).toString()
                        : v instanceof String s && s.startsWith(workflowParent)
                        ? workspace.resolve(s.substring(workflowParent.length())).toString() : v);
            });
            return local;
        };
    }

    static List<Path> workflowFolders() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (String top : List.of("example-workflows", "test-workflows")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(top))) {
                // the build's copies under target/ (run-on-knime.sh works on copies) are not the saved workflows
                files.filter(p -> p.getFileName().toString().equals("workflow.knime"))
                        .filter(p -> !ROOT.resolve(top).relativize(p).toString().startsWith("target"))
                        .map(Path::getParent).sorted().forEach(folders::add);
            }
        }
        return folders;
    }

    @Test
    @EnabledIfSystemProperty(named = "robustecg.writeWorkflows", matches = "true")
    void writeWorkflows() throws Exception {
        writeMitBihExample();
        writeCpscExample();
        writeReaderTestflow();
        writePreprocessorTestflow();
        writeModelTestflow();
        writeBadSettingsTestflow();
    }

    private static NodeCatalog.Entry entry(String simpleName) {
        return NodeCatalog.entries().stream().filter(e -> e.simpleName().equals(simpleName)).findFirst().orElseThrow();
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static WorkflowNode node(int id, String factory, String label, Map<String, ?> settings, int x, int y) {
        return new WorkflowNode(id, entry(factory), label, settings, x, y);
    }

    private static WorkflowNode expect(int id, String label, double lower, double upper, int x, int y,
            Object... more) {
        Map<String, Object> s = map(more);
        s.putIfAbsent("statistic", "rows");
        s.put("lower", lower);
        s.put("upper", upper);
        return node(id, "ExpectationCheckNodeFactory", label, s, x, y);
    }

    /**
     * Runs a step as its node would, with knime://knime.workflow/../data/ read as the complete data folder: the
     * workflows written here carry expectations for the complete data their users run them on.
     */
    private List<Object> run(String factory, Map<String, Object> settings, Object... inputs) throws Exception {
        NodeStep step = entry(factory).step();
        return step.execute(Values.of(step.schema(), Face.NODE, localPaths(work).apply(settings)),
                java.util.Arrays.asList(inputs),
                StepContext.of(Progress.NONE, work));
    }

    private static final String MITBIH_RECORDS = "101,106,109,118,119,124,200,203,207,208,209,213,217,220,232";

    private void writeMitBihExample() throws IOException {
        List<WorkflowNode> nodes = List.of(
                node(1, "EcgReaderNodeFactory", "MIT-BIH records", map("format", "wfdb", "folder", DATA + "mitdb",
                        "records", MITBIH_RECORDS), 40, 120),
                node(2, "EcgPreprocessorNodeFactory", "Kaggle-form beats, balanced", map("mode", "beats", "split",
                        "random", "train_per_class", 300, "test_per_class", 20, "balance", true), 200, 120),
                node(3, "CaslcnetLearnerNodeFactory", "CASLCNet + MART (width x0.25)", map("architecture", "caslcnet",
                        "loss", "mart", "width", 0.25, "epochs", 10, "batch_size", 128, "robust_samples", 100), 360, 60),
                node(4, "AdversarialAttackerNodeFactory", "PGD-20", map("attack", "pgd", "eps",
                        "0.01,0.03,0.05,0.1", "steps", 20), 540, 40),
                node(5, "AdversarialAttackerNodeFactory", "SAP", map("attack", "sap", "eps", "0.01,0.03,0.05,0.1",
                        "steps", 20), 540, 180),
                node(6, "RobustnessScorerNodeFactory", "PGD robustness", map(), 720, 40),
                node(7, "RobustnessScorerNodeFactory", "SAP robustness", map(), 720, 180),
                node(8, "EcgPredictorNodeFactory", "Clean predictions", map(), 540, 300));
        List<Link> links = List.of(new Link(1, 0, 2, 0), new Link(1, 1, 2, 1), new Link(2, 0, 3, 0),
                new Link(3, 0, 4, 0), new Link(2, 1, 4, 1), new Link(3, 0, 5, 0), new Link(2, 1, 5, 1),
                new Link(4, 0, 6, 0), new Link(5, 0, 7, 0), new Link(3, 0, 8, 0), new Link(2, 1, 8, 1));
        WorkflowFiles.write(ROOT.resolve("example-workflows/MIT-BIH robustness study"), nodes, links, localPaths(work));
    }

    private void writeCpscExample() throws IOException {
        List<WorkflowNode> nodes = List.of(
                node(1, "EcgReaderNodeFactory", "CPSC2018 recordings", map("format", "cpsc2018", "folder",
                        DATA + "cpsc2018", "annotator", ""), 40, 120),
                node(2, "EcgPreprocessorNodeFactory", "8 leads, cropped and padded", map("mode", "records", "split",
                        "random", "test_fraction", 0.2, "balance", true), 200, 120),
                node(3, "CaslcnetLearnerNodeFactory", "CASLCNet + MART (width x0.25)", map("architecture", "caslcnet",
                        "loss", "mart", "width", 0.25, "epochs", 5, "robust_samples", 50), 360, 60),
                node(4, "AdversarialAttackerNodeFactory", "PGD-20, CPSC2018 grid", map("attack", "pgd", "eps",
                        "0.001,0.003,0.005,0.007,0.01,0.03,0.05,0.1", "steps", 20, "batch_size", 16), 540, 120),
                node(5, "RobustnessScorerNodeFactory", "Robustness", map(), 720, 120));
        List<Link> links = List.of(new Link(1, 0, 2, 0), new Link(2, 0, 3, 0), new Link(3, 0, 4, 0),
                new Link(2, 1, 4, 1), new Link(4, 0, 5, 0));
        WorkflowFiles.write(ROOT.resolve("example-workflows/CPSC2018 12-lead"), nodes, links, localPaths(work));
    }

    private void writeReaderTestflow() throws Exception {
        Map<String, Object> wfdb = map("format", "wfdb", "folder", DATA + "mitdb", "records", "100");
        Map<String, Object> cpsc = map("format", "cpsc2018", "folder", DATA + "cpsc2018/cinc2020", "reference",
                DATA + "cpsc2018/REFERENCE.csv", "annotator", "");
        Map<String, Object> kaggle = map("format", "kaggle-csv", "file", DATA
                + "kaggle-heartbeat/mitbih_test_first1000.csv", "annotator", "");
        int annotations = ((Table) run("EcgReaderNodeFactory", wfdb).get(1)).size();
        List<WorkflowNode> nodes = List.of(
                node(1, "EcgReaderNodeFactory", "record 100", wfdb, 40, 40),
                expect(2, "one record", 1, 1, 220, 0),
                expect(3, annotations + " annotations", annotations, annotations, 220, 100),
                expect(4, "360 Hz", 360, 360, 380, 0, "statistic", "value", "column", "sampling frequency"),
                node(5, "EcgReaderNodeFactory", "CPSC2018 sample recordings", cpsc, 40, 220),
                expect(6, "six recordings", 6, 6, 220, 220),
                node(7, "EcgReaderNodeFactory", "Kaggle CSV sample", kaggle, 40, 340),
                expect(8, "999 beats", 999, 999, 220, 340));
        List<Link> links = List.of(new Link(1, 0, 2, 0), new Link(1, 1, 3, 0), new Link(2, 0, 4, 0),
                new Link(5, 0, 6, 0), new Link(7, 0, 8, 0));
        WorkflowFiles.write(ROOT.resolve("test-workflows/RobustECG reader"), nodes, links, localPaths(work));
    }

    private void writePreprocessorTestflow() throws Exception {
        Map<String, Object> wfdb = map("format", "wfdb", "folder", DATA + "mitdb", "records", "100,105,119");
        Map<String, Object> beats = map("mode", "beats", "split", "none");
        Map<String, Object> cpsc = map("format", "cpsc2018", "folder", DATA + "cpsc2018/cinc2020", "annotator", "");
        Map<String, Object> records = map("mode", "records", "split", "none", "crop_length", 3000, "padded_length",
                4096);
        List<Object> read = run("EcgReaderNodeFactory", wfdb);
        int beatCount = ((Table) run("EcgPreprocessorNodeFactory", beats, read.get(0), read.get(1)).get(0)).size();
        int recordCount = ((Table) run("EcgPreprocessorNodeFactory", records,
                run("EcgReaderNodeFactory", cpsc).get(0), null).get(0)).size();
        List<WorkflowNode> nodes = List.of(
                node(1, "EcgReaderNodeFactory", "records 100, 105, 119", wfdb, 40, 40),
                node(2, "EcgPreprocessorNodeFactory", "every beat", beats, 200, 40),
                expect(3, beatCount + " beats", beatCount, beatCount, 380, 40),
                expect(4, "beats of 187 samples at 125 Hz", 125, 125, 380, 140, "statistic", "min", "column",
                        "sampling frequency"),
                node(5, "EcgReaderNodeFactory", "CPSC2018 sample recordings", cpsc, 40, 260),
                node(6, "EcgPreprocessorNodeFactory", "records, cropped 3000, padded 4096", records, 200, 260),
                expect(7, recordCount + " single-label records", recordCount, recordCount, 380, 260),
                expect(8, "valid length 3000", 3000, 3000, 380, 360, "statistic", "max", "column", "valid length"));
        List<Link> links = List.of(new Link(1, 0, 2, 0), new Link(1, 1, 2, 1), new Link(2, 0, 3, 0),
                new Link(3, 0, 4, 0), new Link(5, 0, 6, 0), new Link(6, 0, 7, 0), new Link(7, 0, 8, 0));
        WorkflowFiles.write(ROOT.resolve("test-workflows/RobustECG preprocessor"), nodes, links, localPaths(work));
    }

    private void writeModelTestflow() throws Exception {
        Map<String, Object> wfdb = map("format", "wfdb", "folder", DATA + "mitdb", "records", "100,105,119");
        Map<String, Object> items = map("mode", "beats", "split", "random", "train_per_class", 60, "test_per_class", 10,
                "balance", true);
        Map<String, Object> learner = map("architecture", "resnet18", "loss", "ce", "epochs", 2, "width", 0.125,
                "batch_size", 32, "robust_samples", 0);
        List<Object> read = run("EcgReaderNodeFactory", wfdb);
        List<Object> split = run("EcgPreprocessorNodeFactory", items, read.get(0), read.get(1));
        int test = ((Table) split.get(1)).size();
        String modelFile = "knime://knime.workflow/../robustecg-testflow-model.recg";
        List<WorkflowNode> nodes = List.of(
                node(1, "EcgReaderNodeFactory", "records 100, 105, 119", wfdb, 40, 120),
                node(2, "EcgPreprocessorNodeFactory", "60 / 10 beats per class", items, 180, 120),
                node(3, "CaslcnetLearnerNodeFactory", "ResNet18, 2 epochs", learner, 320, 40),
                expect(4, "two epochs", 2, 2, 480, 0),
                node(5, "EcgPredictorNodeFactory", "predict the test beats", map(), 480, 100),
                expect(6, test + " predictions", test, test, 640, 100),
                node(7, "AdversarialAttackerNodeFactory", "FGSM at 0.05 and 0.1", map("attack", "fgsm", "eps",
                        "0.05,0.1", "adversarial_output", true), 480, 200),
                expect(8, "clean row and two radii per beat", 3 * test, 3 * test, 640, 200),
                expect(9, "perturbations inside the ball", 0, 0.1 + 1e-6, 800, 200, "statistic", "max", "column",
                        "linf"),
                node(10, "RobustnessScorerNodeFactory", "score FGSM", map(), 640, 300),
                expect(11, "ACC_robust in [0, 1]", 0, 1, 800, 300, "statistic", "value", "column", "ACC_robust"),
                expect(12, "adversarial beats: two per test beat", 2 * test, 2 * test, 640, 400),
                node(13, "ModelWriterNodeFactory", "save the model", map("file", modelFile, "overwrite", true), 480,
                        480),
                node(14, "ModelReaderNodeFactory", "read it back", map("file", modelFile), 640, 480),
                node(15, "EcgPredictorNodeFactory", "predict with the read model", map(), 800, 480),
                expect(16, test + " predictions", test, test, 960, 480));
        List<Link> links = List.of(new Link(1, 0, 2, 0), new Link(1, 1, 2, 1), new Link(2, 0, 3, 0),
                new Link(3, 1, 4, 0), new Link(3, 0, 5, 0), new Link(2, 1, 5, 1), new Link(5, 0, 6, 0),
                new Link(3, 0, 7, 0), new Link(2, 1, 7, 1), new Link(7, 0, 8, 0), new Link(8, 0, 9, 0),
                new Link(7, 0, 10, 0), new Link(10, 0, 11, 0), new Link(7, 1, 12, 0), new Link(3, 0, 13, 0),
                new Link(13, -1, 14, -1), new Link(14, 0, 15, 0), new Link(2, 1, 15, 1), new Link(15, 0, 16, 0));
        WorkflowFiles.write(ROOT.resolve("test-workflows/RobustECG learner, attacker, scorer, model IO"), nodes,
                links, localPaths(work));
    }

    /**
     * Nodes with settings a user can get wrong, each labelled with the message it must fail with (listed in
     * expected-messages.txt): run-on-knime.sh runs test-workflows/failing apart and checks every message.
     */
    private void writeBadSettingsTestflow() throws IOException {
        Map<String, Object> kaggle = map("format", "kaggle-csv", "file", DATA
                + "kaggle-heartbeat/mitbih_test_first1000.csv", "annotator", "");
        List<WorkflowNode> nodes = List.of(
                node(1, "EcgReaderNodeFactory", "does not exist", map("format", "wfdb", "folder", DATA + "no-such-folder",
                        "records", "100"), 40, 40),
                node(2, "ModelReaderNodeFactory", "not a local file: https://example.org/model.recg",
                        map("file", "https://example.org/model.recg"), 40, 160),
                node(3, "EcgReaderNodeFactory", "Kaggle CSV sample", kaggle, 40, 280),
                expect(4, "the table has no numeric column 'no such column'", 0, 1, 220, 280, "statistic", "max",
                        "column", "no such column"),
                expect(5, "expectation failed: the row count is 999", 5, 5, 220, 380),
                node(6, "EcgPreprocessorNodeFactory", "an inter-patient split needs training and test record lists",
                        map("mode", "records", "split", "inter-patient", "train_records", ""), 220, 480));
        List<Link> links = List.of(new Link(3, 0, 4, 0), new Link(3, 0, 5, 0), new Link(3, 0, 6, 0));
        Path folder = ROOT.resolve("test-workflows/failing/RobustECG bad settings");
        WorkflowFiles.write(folder, nodes, links, localPaths(work));
        StringBuilder expected = new StringBuilder();
        nodes.stream().filter(n -> n.id() != 3).forEach(n -> expected.append(n.id()).append('\t').append(n.label())
                .append('\n'));
        Files.writeString(folder.resolve("expected-messages.txt"), expected);
    }
}
