package org.robustecg.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.ops.Face;
import org.robustecg.ops.Parameter;
import org.robustecg.ops.Values;
import org.robustecg.TestData;
import org.robustecg.attack.AttackRecord;
import org.robustecg.data.Dataset;
import org.robustecg.database.MitBih;
import org.robustecg.io.wfdb.AnnotationReader;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.io.wfdb.WfdbRecordReader;
import org.robustecg.metrics.RobustnessScore;
import org.robustecg.model.ModelInfo;
import org.robustecg.node.attacker.AttackerStep;
import org.robustecg.node.learner.LearnerStep;
import org.robustecg.node.modelio.ModelReaderStep;
import org.robustecg.node.modelio.ModelWriterStep;
import org.robustecg.node.predictor.PredictorStep;
import org.robustecg.node.preprocessor.PreprocessorStep;
import org.robustecg.node.reader.EcgReaderStep;
import org.robustecg.node.scorer.ScorerStep;
import org.robustecg.node.tables.DatasetTables;
import org.robustecg.node.tables.PredictionTables;
import org.robustecg.node.tables.RecordTables;
import org.robustecg.preprocess.BeatSettings;
import org.robustecg.progress.Progress;
import org.robustecg.table.ColumnType;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;

/** Every node step on real data: settings in, tables in, tables out, as the KNIME nodes run them. */
class NodeStepsTest {

    @TempDir
    static Path work;

    static Table records;
    static Table annotations;
    static Table train;
    static Table test;
    static ModelPort model;
    static Table history;

    @BeforeAll
    static void pipeline() throws Exception {
        List<Object> read = run(new EcgReaderStep(), Map.of("format", "wfdb", "folder", TestData.mitdb().toString(),
                "records", "100, 105, 119"), List.of());
        records = (Table) read.get(0);
        annotations = (Table) read.get(1);
        List<Object> items = run(new PreprocessorStep(), Map.of("split", "random", "test_fraction", 0.2,
                "train_per_class", 60, "test_per_class", 10, "balance", true), List.of(records, annotations));
        train = (Table) items.get(0);
        test = (Table) items.get(1);
        List<Object> learned = run(new LearnerStep(), Map.of("architecture", "resnet18", "loss", "ce", "epochs", 2,
                "width", 0.125, "batch_size", 32, "robust_samples", 0), List.of(train));
        model = (ModelPort) learned.get(0);
        history = (Table) learned.get(1);
    }

    static List<Object> run(NodeStep step, Map<String, ?> settings, List<Object> inputs) throws Exception {
        Values values = Values.of(step.schema(), Face.NODE, settings);
        List<Object> specs = inputs.stream().map(NodeStepsTest::spec).toList();
        List<Object> outSpecs = step.configure(values, specs);
        List<Object> out = step.execute(values, inputs, StepContext.of(Progress.NONE, work));
        assertEquals(step.outputs().size(), out.size(), step.name() + " outputs");
        for (int i = 0; i < out.size(); i++) {
            if (outSpecs.get(i) instanceof TableSpec spec) {
                assertEquals(spec, ((Table) out.get(i)).spec(), step.name() + ": configure and execute agree on "
                        + "output " + i);
            }
        }
        return out;
    }

    /** The records table of the six CPSC2018 sample recordings (labels from their #Dx codes). */
    static Table cpscSamples() throws Exception {
        return (Table) run(new EcgReaderStep(), Map.of("format", "cpsc2018", "folder",
                TestData.dir().resolve("cpsc2018/cinc2020").toString()), List.of()).get(0);
    }

    static Object spec(Object data) {
        return data instanceof Table t ? t.spec() : data instanceof ModelPort m ? m.spec() : null;
    }

    @Test
    void readerGivesRecordsWithTheirHeaderFactsAndEveryAnnotation() throws Exception {
        assertEquals(3, records.size());
        int fs = records.spec().indexOf(RecordTables.SAMPLING_FREQUENCY);
        int length = records.spec().indexOf(RecordTables.LENGTH);
        int mlii = records.spec().require("MLII", ColumnType.DOUBLE_LIST, "records");
        assertEquals(360.0, records.number(0, fs));
        assertEquals(86400, records.integer(0, length), "the first 4 minutes");
        assertEquals(86400, records.doubles(0, mlii).length);
        // the first frame of 100.dat is (995, 1011): (995 - 1024) / 200 mV
        assertEquals((995 - 1024) / 200.0, records.doubles(0, mlii)[0], 1e-12);
        int record = annotations.spec().indexOf(RecordTables.RECORD);
        int aami = annotations.spec().indexOf(RecordTables.AAMI_CLASS);
        Map<String, Integer> counts = new HashMap<>();
        for (int r = 0; r < annotations.size(); r++) {
            if (annotations.string(r, record).equals("100") && annotations.rows().get(r).get(aami) != null) {
                counts.merge(annotations.string(r, aami), 1, Integer::sum);
            }
        }
        assertEquals(Map.of("N", 294, "S", 3), counts, "record 100, first 4 minutes: 294 N and 3 A beats");
    }

    /** WFDB records: the records table's spec is known from the headers, so that downstream nodes configure. */
    @Test
    void readerConfiguresTheWfdbRecordsTableItWillRead() {
        EcgReaderStep step = new EcgReaderStep();
        List<Object> specs = step.configure(Values.of(step.schema(), Face.NODE, Map.of("format", "wfdb", "folder",
                TestData.mitdb().toString(), "records", "100, 105, 119")), List.of());
        assertEquals(List.of(records.spec(), annotations.spec()), specs);
    }

    @Test
    void readerReadsCpscKaggleAndEdf() throws Exception {
        Path cpsc = TestData.dir().resolve("cpsc2018");
        Table cinc = (Table) run(new EcgReaderStep(), Map.of("format", "cpsc2018", "folder",
                cpsc.resolve("cinc2020").toString(), "reference", cpsc.resolve("REFERENCE.csv").toString()), List.of())
                .get(0);
        assertEquals(6, cinc.size());
        Table fromDx = cpscSamples();
        assertEquals(RecordTables.diagnoses(cinc), RecordTables.diagnoses(fromDx), "REFERENCE.csv and #Dx agree");
        assertEquals(12, RecordTables.records(cinc).get(0).leads().size());
        Table kaggle = (Table) run(new EcgReaderStep(), Map.of("format", "kaggle-csv", "file", TestData.dir()
                .resolve("kaggle-heartbeat/mitbih_test_first100.csv").toString()), List.of()).get(0);
        assertEquals(100, kaggle.size());
        assertEquals(List.of("N"), RecordTables.diagnoses(kaggle).get(0));
        Path edf = Files.list(TestData.dir().resolve("wfdb-formats")).filter(p -> p.toString().endsWith(".edf"))
                .findFirst().orElseThrow();
        Table edfTable = (Table) run(new EcgReaderStep(), Map.of("format", "edf", "file", edf.toString()), List.of())
                .get(0);
        assertEquals(1, edfTable.size());
    }

    @Test
    void readerErrorsNameWhatIsWrong() {
        EcgReaderStep step = new EcgReaderStep();
        var e = assertThrows(IllegalArgumentException.class, () -> step.configure(Values.of(step.schema(), Face.NODE,
                Map.of("folder", "/no/such/folder")), List.of()));
        assertTrue(e.getMessage().contains("/no/such/folder"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Values.of(step.schema(), Face.NODE, Map.of("formt", "x")));
        assertTrue(e.getMessage().contains("formt"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Values.of(step.schema(), Face.NODE, Map.of("format", "csv")));
        assertTrue(e.getMessage().contains("wfdb, kaggle-csv, cpsc2018, edf"), e.getMessage());
    }

    @Test
    void preprocessorCutsTheSameBeatsAsTheCoreAndSplitsThem() throws Exception {
        List<Object> all = run(new PreprocessorStep(), Map.of("split", "none"), List.of(records, annotations));
        Table every = (Table) all.get(0);
        int expected = 0;
        for (String r : List.of("100", "105", "119")) {
            var record = WfdbRecordReader.read(TestData.mitdb(), r, WfdbReadOptions.STRICT).record();
            Dataset beats = MitBih.beats(record, AnnotationReader.read(TestData.mitdb().resolve(r + ".atr")),
                    BeatSettings.KAGGLE);
            expected += beats.size();
            if (r.equals("100")) {
                Dataset fromTable = DatasetTables.toDataset(every, beats.classNames(), true, "beats");
                assertArrayEquals(beats.item(5), fromTable.item(5), "beat 5 of record 100");
            }
        }
        assertEquals(expected, every.size());
        assertEquals(0, ((Table) all.get(1)).size());
        // subset and balance: 60 per class (fewer where a class is rarer), then up-sampled to the largest
        Dataset d = DatasetTables.toDataset(train, DatasetTables.classNames(train), true, "train");
        int[] counts = d.classCounts();
        int max = Arrays.stream(counts).max().orElseThrow();
        assertEquals(60, max);
        for (int c : counts) {
            assertTrue(c == 0 || c == max, Arrays.toString(counts));
        }
        Dataset t = DatasetTables.toDataset(test, DatasetTables.classNames(train), true, "test");
        assertTrue(Arrays.stream(t.classCounts()).allMatch(c -> c <= 10));
    }

    @Test
    void preprocessorBandPassFiltersFirst() throws Exception {
        Table plain = (Table) run(new PreprocessorStep(), Map.of("split", "none"), List.of(records, annotations)).get(0);
        Table filtered = (Table) run(new PreprocessorStep(), Map.of("split", "none", "band_pass", "0.5, 40"),
                List.of(records, annotations)).get(0);
        assertEquals(plain.size(), filtered.size(), "the same beats");
        int lead = plain.spec().indexOf("MLII");
        assertTrue(!Arrays.equals(plain.doubles(3, lead), filtered.doubles(3, lead)), "filtered samples differ");
        Values reversed = Values.of(new PreprocessorStep().schema(), Face.NODE, Map.of("band_pass", "40, 0.5"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> org.robustecg.ops.DatasetOperation.check(reversed));
        assertTrue(e.getMessage().contains("low < high"), e.getMessage());
    }

    @Test
    void preprocessorRecordsModeCropsPadsAndMasks() throws Exception {
        Table cinc = cpscSamples();
        Table items = (Table) run(new PreprocessorStep(), Map.of("mode", "records", "split", "none", "crop_length",
                3000, "padded_length", 4096), List.of(cinc)).get(0);
        assertTrue(items.size() >= 4, "single-label recordings kept: " + items.size());
        assertEquals(8, DatasetTables.leadColumns(items.spec(), "items").size());
        int valid = items.spec().indexOf(DatasetTables.VALID_LENGTH);
        assertEquals(3000, items.integer(0, valid));
        double[] lead = items.doubles(0, items.spec().indexOf("V1"));
        assertEquals(4096, lead.length);
        assertEquals(0.0, lead[3500]);
        assertEquals(1.0, Arrays.stream(lead).map(Math::abs).max().orElseThrow(), 1e-6, "scaled to [-1, 1]");
        assertThrows(IllegalArgumentException.class, () -> new PreprocessorStep().configure(Values.of(new PreprocessorStep().schema(), Face.NODE, Map.of("mode", "beats")), Arrays.asList(cinc.spec(), null)),
                "beats mode without annotations");
    }

    @Test
    void learnerGivesADescribedModelAndItsHistory() {
        assertEquals(2, history.size());
        ModelInfo info = model.info();
        assertEquals(List.of("N", "S", "V", "F", "Q"), info.classNames());
        assertEquals(187, info.settings().length());
        assertTrue(Files.isRegularFile(model.file()));
        assertTrue(model.summary().contains("resnet18"), model.summary());
    }

    /**
     * The learner gives its model's spec at configure when the items declare their classes (beats: the AAMI classes;
     * records of a CPSC2018 folder: its nine), so that the nodes after it configure before anything runs; it is what
     * training then gives. Records without classes in their format leave it unknown.
     */
    @Test
    void learnerKnowsItsModelSpecAtConfigureWhenTheItemsDeclareTheirClasses() {
        LearnerStep learner = new LearnerStep();
        PreprocessorStep preprocessor = new PreprocessorStep();
        List<Object> beats = preprocessor.configure(Values.defaults(preprocessor.schema(), Face.NODE),
                List.of(records.spec(), annotations.spec()));
        ModelPortSpec planned = (ModelPortSpec) learner.configure(Values.of(learner.schema(), Face.NODE, Map.of("architecture", "resnet18")), List.of(beats.get(0))).get(0);
        assertEquals(new ModelPortSpec(model.spec().architecture(), model.spec().classNames(), model.spec().leads(),
                null), planned, "configured as trained");
        assertEquals(List.of("N", "S", "V", "F", "Q"), planned.classNames());
        assertTrue(planned.describe().startsWith("Before training: resnet18, 5 classes"), planned.describe());

        EcgReaderStep reader = new EcgReaderStep();
        Object cpsc = reader.configure(Values.of(reader.schema(), Face.NODE, Map.of("format", "cpsc2018", "folder",
                TestData.dir().resolve("cpsc2018/cinc2020").toString())), List.of()).get(0);
        Object items = preprocessor.configure(Values.of(preprocessor.schema(), Face.NODE, Map.of("mode", "records")),
                Arrays.asList(cpsc, null)).get(0);
        ModelPortSpec records12 = (ModelPortSpec) learner.configure(Values.defaults(learner.schema(), Face.NODE),
                List.of(items)).get(0);
        assertEquals(new ModelPortSpec(org.robustecg.model.Architecture.CASLCNET, org.robustecg.database.Cpsc2018
                .CLASSES, 8, null), records12);

        Object wfdbItems = preprocessor.configure(Values.of(preprocessor.schema(), Face.NODE, Map.of("mode", "records",
                "leads", "MLII")), Arrays.asList(records.spec(), null)).get(0);
        assertEquals(null, learner.configure(Values.defaults(learner.schema(), Face.NODE), List.of(wfdbItems)).get(0),
                "WFDB records have no classes before they are read");
    }

    @Test
    void predictorAppendsPredictionAndProbabilities() throws Exception {
        Table out = (Table) run(new PredictorStep(), Map.of(), List.of(model, test)).get(0);
        assertEquals(test.size(), out.size());
        assertEquals(test.spec().columns().size() + 1 + 5, out.spec().columns().size());
        int prediction = out.spec().indexOf(PredictorStep.PREDICTION);
        int first = out.spec().indexOf("P (N)");
        for (int r = 0; r < out.size(); r++) {
            double sum = 0;
            int best = 0;
            for (int k = 0; k < 5; k++) {
                sum += out.number(r, first + k);
                best = out.number(r, first + k) > out.number(r, first + best) ? k : best;
            }
            assertEquals(1.0, sum, 1e-5);
            assertEquals(List.of("N", "S", "V", "F", "Q").get(best), out.string(r, prediction));
        }
    }

    @Test
    void attackerStaysInTheBallAndScorerMatchesTheCoreScore() throws Exception {
        List<Object> out = run(new AttackerStep(), Map.of("attack", "pgd", "steps", 3, "eps", "0.1, 0.05",
                "adversarial_output", true), List.of(model, test));
        Table predictions = (Table) out.get(0);
        Table adversarial = (Table) out.get(1);
        assertEquals(3 * test.size(), predictions.size(), "clean row and one per radius");
        assertEquals(2 * test.size(), adversarial.size());
        int lead = adversarial.spec().indexOf("MLII");
        int eps = adversarial.spec().indexOf("epsilon");
        int id = adversarial.spec().indexOf("sample id");
        int cleanLead = test.spec().indexOf("MLII");
        for (int r = 0; r < adversarial.size(); r++) {
            double[] x = test.doubles(adversarial.integer(r, id), cleanLead);
            double[] a = adversarial.doubles(r, lead);
            for (int t = 0; t < x.length; t++) {
                assertTrue(Math.abs(a[t] - x[t]) <= adversarial.number(r, eps) + 1e-6, "row " + r + " sample " + t);
                assertTrue(a[t] >= -1e-7 && a[t] <= 1 + 1e-7, "clamped to [0, 1]");
            }
        }
        // The adversarial items are the ones the predictions were made on: predicting them gives those predictions.
        Table again = (Table) run(new PredictorStep(), Map.of("probabilities", false), List.of(model, adversarial))
                .get(0);
        Map<String, String> recorded = new HashMap<>();
        for (AttackRecord r : PredictionTables.records(predictions)) {
            recorded.put(r.epsilon() + "/" + r.sampleId(), r.prediction());
        }
        int predicted = again.spec().indexOf(PredictorStep.PREDICTION);
        for (int r = 0; r < again.size(); r++) {
            assertEquals(recorded.get(adversarial.number(r, eps) + "/" + adversarial.integer(r, id)),
                    again.string(r, predicted), "adversarial row " + r);
        }
        List<Object> scored = run(new ScorerStep(), Map.of("eps_max", 0.1), List.of(predictions));
        Table metrics = (Table) scored.get(0);
        List<AttackRecord> rows = PredictionTables.records(predictions);
        RobustnessScore expected = RobustnessScore.score(rows, 0.1, true).get(0);
        assertEquals(1, metrics.size());
        assertEquals(expected.accRobust(), metrics.number(0, metrics.spec().indexOf("ACC_robust")), 1e-12);
        assertEquals(expected.f1Robust(), metrics.number(0, metrics.spec().indexOf("F1_robust")), 1e-12);
        Table confusions = (Table) scored.get(1);
        int count = confusions.spec().indexOf("count");
        int sum = 0;
        for (int r = 0; r < confusions.size(); r++) {
            sum += confusions.integer(r, count);
        }
        assertEquals(3 * test.size(), sum, "every sample once per radius");
        byte[] png = ((PngImage) scored.get(2)).bytes();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }

    @Test
    void modelWriterNeverReplacesSilentlyAndReaderReadsItBack() throws Exception {
        Path file = work.resolve("saved/model.recg");
        run(new ModelWriterStep(), Map.of("file", file.toString()), List.of(model));
        byte[] saved = Files.readAllBytes(file);
        var e = assertThrows(IllegalArgumentException.class, () -> run(new ModelWriterStep(),
                Map.of("file", file.toString()), List.of(model)));
        assertTrue(e.getMessage().contains("Overwrite"), e.getMessage());
        assertArrayEquals(saved, Files.readAllBytes(file), "the existing file is untouched");
        ModelPort read = (ModelPort) run(new ModelReaderStep(), Map.of("file", file.toString()), List.of()).get(0);
        assertEquals(model.info(), read.info());
        Table a = (Table) run(new PredictorStep(), Map.of(), List.of(model, test)).get(0);
        Table b = (Table) run(new PredictorStep(), Map.of(), List.of(read, test)).get(0);
        assertEquals(a.rows().size(), b.rows().size());
        for (int r = 0; r < a.size(); r++) {
            assertEquals(a.rows().get(r).cells().subList(test.spec().columns().size(), a.spec().columns().size()),
                    b.rows().get(r).cells().subList(test.spec().columns().size(), b.spec().columns().size()));
        }
        Files.writeString(work.resolve("broken.recg"), "not a model");
        e = assertThrows(IllegalArgumentException.class, () -> new ModelReaderStep().configure(Values.of(new ModelReaderStep().schema(), Face.NODE, Map.of("file", work.resolve("broken.recg").toString())), List.of()));
        assertTrue(e.getMessage().contains("broken.recg"), e.getMessage());
    }

    @Test
    void aModelThatDoesNotFitTheDataIsAClearError() throws Exception {
        Table cinc = cpscSamples();
        Table items = (Table) run(new PreprocessorStep(), Map.of("mode", "records", "split", "none", "crop_length",
                300, "padded_length", 300), List.of(cinc)).get(0);
        var e = assertThrows(IllegalArgumentException.class, () -> new AttackerStep().configure(Values.defaults(
                new AttackerStep().schema(), Face.NODE), List.of(model.spec(), items.spec())));
        assertTrue(e.getMessage().contains("expects 1 lead"), e.getMessage());
        Map<String, Object> bad = new HashMap<>(Map.of("eps", "0.1, x"));
        e = assertThrows(IllegalArgumentException.class, () -> Values.of(new AttackerStep().schema(), Face.NODE, bad));
        assertTrue(e.getMessage().contains("'x' is not a number"), e.getMessage());
    }

    @Test
    void everyOptionIsDescribedAndEveryStepListed() {
        assertEquals(9, NodeCatalog.entries().stream().map(NodeCatalog.Entry::step).toList().size());
        for (NodeStep step : NodeCatalog.entries().stream().map(NodeCatalog.Entry::step).toList()) {
            for (Parameter o : step.schema().on(Face.NODE)) {
                assertTrue(o.description().length() > 10, step.name() + ": " + o.key());
                assertTrue(o.key().matches("[a-z_]+"), "settings key " + o.key());
            }
            Values.defaults(step.schema(), Face.NODE);
        }
    }

    @Test
    void expectationCheckPassesOrSaysWhatItFound() throws Exception {
        var step = new org.robustecg.node.check.ExpectationStep();
        assertEquals(List.of(history), run(step, Map.of("statistic", "rows", "lower", 2.0, "upper", 2.0),
                List.of(history)));
        var e = assertThrows(IllegalArgumentException.class, () -> run(step, Map.of("statistic", "min", "column",
                "training loss", "lower", 1000.0), List.of(history)));
        assertTrue(e.getMessage().startsWith("expectation failed: the min of 'training loss' is "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> step.configure(Values.of(step.schema(), Face.NODE,
                Map.of("statistic", "mean", "column", "no such")), List.of(history.spec())));
        assertTrue(e.getMessage().contains("no numeric column 'no such'"), e.getMessage());
    }

    /**
     * The KNIME node keeps a pass-through input as it is and appends only the columns after it, so the step's
     * output must start with that input's columns and rows, in order, and its spec from configure must agree.
     */
    @Test
    void passThroughOutputsStartWithTheirInputAsItIs() throws Exception {
        var check = new org.robustecg.node.check.ExpectationStep();
        var predictor = new PredictorStep();
        assertEquals(List.of(0, -1), List.of(check.passThroughInput(0), new LearnerStep().passThroughInput(0)));
        Map<NodeStep, List<Object>> cases = Map.of(check, List.of(test), predictor, List.of(model, test));
        for (Map.Entry<NodeStep, List<Object>> c : cases.entrySet()) {
            NodeStep step = c.getKey();
            Table in = (Table) c.getValue().get(step.passThroughInput(0));
            Table out = (Table) run(step, Map.of(), c.getValue()).get(0);
            List<Object> specs = c.getValue().stream().map(o -> o instanceof Table t ? (Object) t.spec()
                    : ((ModelPort) o).spec()).toList();
            assertEquals(out.spec(), step.configure(Values.defaults(step.schema(), Face.NODE), specs).get(0), step.name());
            assertEquals(in.spec().columns(), out.spec().columns().subList(0, in.spec().columns().size()), step.name());
            assertEquals(in.size(), out.size(), step.name());
            for (int r = 0; r < in.size(); r++) {
                assertEquals(in.rows().get(r).key(), out.rows().get(r).key());
                for (int k = 0; k < in.spec().columns().size(); k++) {
                    Object a = in.rows().get(r).get(k);
                    Object b = out.rows().get(r).get(k);
                    assertTrue(a instanceof double[] x ? java.util.Arrays.equals(x, (double[]) b)
                            : java.util.Objects.equals(a, b), step.name() + " row " + r + " column " + k);
                }
            }
        }
    }
}
