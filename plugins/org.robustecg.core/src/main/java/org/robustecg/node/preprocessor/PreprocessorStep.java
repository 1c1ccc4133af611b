package org.robustecg.node.preprocessor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.robustecg.data.Dataset;
import org.robustecg.data.Split;
import org.robustecg.database.Cpsc2018;
import org.robustecg.database.MitBih;
import org.robustecg.ecg.AamiClass;
import org.robustecg.ecg.Annotation;
import org.robustecg.ecg.Lead;
import org.robustecg.ecg.Record;
import org.robustecg.node.AbstractNodeStep;
import org.robustecg.node.Port;
import org.robustecg.node.StepContext;
import org.robustecg.node.tables.DatasetTables;
import org.robustecg.node.tables.RecordTables;
import org.robustecg.ops.DatasetOperation;
import org.robustecg.ops.Values;
import org.robustecg.preprocess.BeatSettings;
import org.robustecg.preprocess.Filters;
import org.robustecg.preprocess.Resampler;
import org.robustecg.progress.Progress;
import org.robustecg.table.ColumnType;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;

/** ECG Preprocessor: records (and annotations) into model-ready training and test items. */
public final class PreprocessorStep extends AbstractNodeStep {

    /** The classes of beats mode (the AAMI heartbeat classes, whichever occur). */
    private static final List<String> AAMI = Arrays.stream(AamiClass.values()).map(Enum::name).toList();

    public PreprocessorStep() {
        super("ECG Preprocessor",
                "Turns records into model-ready items. Beats mode regenerates the Kaggle heartbeat form of MIT-BIH "
                    + "(Kachuee et al. 2018): lead MLII resampled to 125 Hz with an anti-aliased polyphase filter, "
                    + "scaled to [0, 1], one beat of 1.2 median R-R intervals from each R peak, zero padded to 187 "
                    + "samples, labelled with the five AAMI classes. Records mode prepares CPSC2018 records: the kept "
                    + "leads, cropped, scaled by each lead's largest absolute value to [-1, 1], zero padded with a "
                    + "mask of valid samples; multi-label records are dropped. Then a seeded stratified or "
                    + "inter-patient (de Chazal DS1/DS2) split, optional per-class subsets and up-sampling.",
                DatasetOperation.SCHEMA,
                List.of(Port.table("Records", "The records table of the ECG Reader."),
                Port.optionalTable("Annotations", "The annotations table of the ECG Reader (beats mode).")),
                List.of(Port.table("Training items", "One row per item: record, position, label, valid length, "
                    + "sampling frequency and one list column per lead."),
                Port.table("Test items", "The held-out items, same columns.")));
    }

    @Override
    public List<Object> configure(Values s, List<Object> inputSpecs) {
        DatasetOperation.check(s);
        if (inputSpecs.get(0) instanceof TableSpec records) {
            records.require(RecordTables.RECORD, ColumnType.STRING, "the records table");
            records.require(RecordTables.LEADS, ColumnType.STRING_LIST, "the records table");
            if (!s.text("mode").equals("beats")) {
                records.require(RecordTables.DIAGNOSIS, ColumnType.STRING_LIST, "the records table");
            }
        }
        if (s.text("mode").equals("beats")) {
            if (inputSpecs.size() < 2 || inputSpecs.get(1) == null) {
                throw new IllegalArgumentException("beats mode needs the annotations table of the ECG Reader at the "
                        + "second input (beat positions and labels)");
            }
            if (inputSpecs.get(1) instanceof TableSpec annotations) {
                annotations.require(RecordTables.SAMPLE, ColumnType.INTEGER, "the annotations table");
                annotations.require(RecordTables.SYMBOL, ColumnType.STRING, "the annotations table");
            }
        }
        TableSpec out = DatasetTables.spec(leadNames(s), s.text("mode").equals("beats") ? AAMI
                : inputSpecs.get(0) instanceof TableSpec records ? declaredClasses(records) : List.of());
        return List.of(out, out);
    }

    @Override
    public List<Object> execute(Values s, List<Object> inputs, StepContext context) throws IOException {
        DatasetOperation.check(s);
        Progress progress = context.progress();
        Table table = (Table) inputs.get(0);
        List<Record> records = filtered(RecordTables.records(table), s.numbers("band_pass"));
        Dataset items = switch (s.text("mode")) {
            case "beats" -> beats(records, inputs.size() > 1 ? (Table) inputs.get(1) : null, s, progress);
            case "cut-beats" -> cutBeats(records, RecordTables.diagnoses(table), table.spec(), s);
            default -> records(records, RecordTables.diagnoses(table), table.spec(), s, progress.range(0, 0.9));
        };
        if (items.size() == 0) {
            throw new IllegalArgumentException("no labelled items came out of the " + records.size() + " records");
        }
        Split split = DatasetOperation.split(s, items);
        progress.update(1, "done");
        List<String> leads = leadNames(s);
        return List.of(DatasetTables.toTable(split.train(), leads, "train"),
                DatasetTables.toTable(split.test(), leads, "test"));
    }

    /** Every lead band-pass filtered (zero phase), or the records as they are when no band is set. */
    private static List<Record> filtered(List<Record> records, double[] band) {
        if (band.length == 0) {
            return records;
        }
        List<Record> out = new ArrayList<>();
        for (Record r : records) {
            if (band[1] >= r.samplingFrequency() / 2) {
                throw new IllegalArgumentException("record " + r.id() + ": the band-pass corner " + band[1]
                        + " Hz is not below the Nyquist frequency " + r.samplingFrequency() / 2 + " Hz");
            }
            out.add(new Record(r.id(), r.samplingFrequency(), r.leads().stream().map(l -> new Lead(l.name(), l.units(),
                    Filters.bandPass(l.samples(), r.samplingFrequency(), band[0], band[1]))).toList(), r.metadata()));
        }
        return out;
    }

    private static List<String> leadNames(Values s) {
        return s.text("mode").equals("records") ? s.words("leads") : List.of(s.text("lead").strip());
    }

    private static Dataset beats(List<Record> records, Table annotationTable, Values s,
            Progress progress) {
        if (annotationTable == null) {
            throw new IllegalArgumentException("beats mode needs the annotations table of the ECG Reader at the second "
                    + "input");
        }
        Map<String, List<Annotation>> annotations = RecordTables.annotations(annotationTable);
        List<Dataset> parts = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            progress.checkCancelled();
            Record r = records.get(i);
            progress.update(0.9 * i / records.size(), "record " + r.id());
            List<Annotation> a = annotations.get(r.id());
            if (a == null) {
                throw new IllegalArgumentException("record " + r.id() + " has no annotations in the annotations table");
            }
            parts.add(MitBih.beats(r, a, DatasetOperation.beats(s)));
        }
        return Dataset.concat(parts);
    }

    /** Rows that already are beats: the beat lead (or the first), resampled, cut or zero padded to the length. */
    private static Dataset cutBeats(List<Record> records, List<List<String>> diagnoses, TableSpec spec,
            Values v) {
        BeatSettings s = DatasetOperation.beats(v);
        List<String> classes = classNames(diagnoses, spec);
        int length = s.beatLength();
        List<Integer> kept = singleLabelled(diagnoses);
        float[] x = new float[kept.size() * length];
        int[] labels = new int[kept.size()];
        String[] ids = new String[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            Record r = records.get(kept.get(k));
            Lead lead = r.lead(s.lead()) != null ? r.lead(s.lead()) : r.leads().get(0);
            double[] samples = r.samplingFrequency() == s.samplingFrequency() ? lead.samples()
                    : Resampler.between(r.samplingFrequency(), s.samplingFrequency()).apply(lead.samples());
            for (int t = 0; t < Math.min(length, samples.length); t++) {
                if (!Double.isFinite(samples[t])) {
                    throw new IllegalArgumentException("record " + r.id() + " has a missing (NaN) sample at " + t);
                }
                x[k * length + t] = (float) samples[t];
            }
            labels[k] = classes.indexOf(diagnoses.get(kept.get(k)).get(0));
            ids[k] = r.id();
        }
        int[] positions = new int[kept.size()];
        java.util.Arrays.fill(positions, -1);
        return new Dataset(x, kept.size(), 1, length, labels, classes, ids, positions, null,
                s.samplingFrequency());
    }

    private static Dataset records(List<Record> records, List<List<String>> diagnoses, TableSpec spec, Values s,
            Progress progress) throws IOException {
        List<String> classes = classNames(diagnoses, spec);
        List<Integer> kept = singleLabelled(diagnoses);
        List<Record> chosen = kept.stream().map(records::get).toList();
        int[] labels = kept.stream().mapToInt(i -> classes.indexOf(diagnoses.get(i).get(0))).toArray();
        return Cpsc2018.prepare(chosen, labels, classes, DatasetOperation.records(s), progress);
    }

    /** Rows with exactly one diagnosis (METHOD 2.6 drops multi-label records). */
    private static List<Integer> singleLabelled(List<List<String>> diagnoses) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < diagnoses.size(); i++) {
            if (diagnoses.get(i).size() == 1) {
                kept.add(i);
            }
        }
        return kept;
    }

    /** The item classes: those the records table says its diagnoses are drawn from, else the single diagnoses. */
    private static List<String> classNames(List<List<String>> diagnoses, TableSpec records) {
        TreeSet<String> classes = new TreeSet<>(RecordTables.diagnosisClasses(records));
        if (classes.isEmpty()) {
            diagnoses.stream().filter(d -> d.size() == 1).forEach(d -> classes.add(d.get(0)));
        }
        return DatasetTables.classNames(classes);
    }

    /** The item classes as known at configure: from the classes the records table declares; else empty. */
    private static List<String> declaredClasses(TableSpec records) {
        List<String> declared = RecordTables.diagnosisClasses(records);
        return declared.isEmpty() ? List.of() : DatasetTables.classNames(new TreeSet<>(declared));
    }
}
