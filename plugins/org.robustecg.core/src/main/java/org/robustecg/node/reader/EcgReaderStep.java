package org.robustecg.node.reader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.robustecg.data.Dataset;
import org.robustecg.data.KaggleCsv;
import org.robustecg.database.Cpsc2018;
import org.robustecg.database.MitBih;
import org.robustecg.ecg.Annotation;
import org.robustecg.ecg.Lead;
import org.robustecg.ecg.Record;
import org.robustecg.io.EcgFormatException;
import org.robustecg.io.edf.EdfReader;
import org.robustecg.io.wfdb.AnnotationReader;
import org.robustecg.io.wfdb.WfdbHeader;
import org.robustecg.io.wfdb.WfdbHeaderParser;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.io.wfdb.WfdbRecordReader;
import org.robustecg.node.AbstractNodeStep;
import org.robustecg.ops.Values;
import org.robustecg.node.Port;
import org.robustecg.node.StepContext;
import org.robustecg.node.tables.RecordTables;
import org.robustecg.progress.Progress;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;

/** ECG Reader: records and their annotations from WFDB, Kaggle CSV, CPSC2018 or EDF into two tables. */
public final class EcgReaderStep extends AbstractNodeStep {

    public EcgReaderStep() {
        super("ECG Reader",
                "Reads ECG records and their annotations: a folder of WFDB records (MIT-BIH and any PhysioNet "
                    + "database; formats 8 to 311, multi-segment records, checksums verified), a Kaggle heartbeat CSV, "
                    + "a CPSC2018 folder (original MATLAB files or the CinC 2020 form, labels from REFERENCE.csv or "
                    + "the #Dx codes) or an EDF/EDF+ file. Signals are in physical units (mV). Reports progress per "
                    + "record and can be cancelled.",
                EcgReaderSettings.SCHEMA,
                List.of(),
                List.of(Port.table("Records", "One row per record: id, sampling frequency, length, lead names and "
                    + "units, diagnosis, metadata, and one list-of-numbers column per lead (physical units)."),
                Port.table("Annotations", "One row per annotation: record, sample, symbol, AAMI class (beats only), "
                    + "aux text.")));
    }

    @Override
    public List<Object> configure(Values values, List<Object> inputSpecs) {
        EcgReaderSettings s = EcgReaderSettings.of(values);
        switch (s.format()) {
            case "wfdb", "cpsc2018" -> requireFolder(s.folder());
            default -> requireFile(s.file());
        }
        if (s.reference() != null) {
            requireFile(s.reference());
        }
        Object records = switch (s.format()) {
            case "kaggle-csv" -> RecordTables.recordsSpec(List.of("signal"), diagnosisClasses(s.format()));
            case "cpsc2018" -> RecordTables.recordsSpec(Cpsc2018.LEADS, diagnosisClasses(s.format()));
            case "wfdb" -> wfdbRecordsSpec(s);
            default -> null; // EDF: lead names are only known after reading
        };
        return Arrays.asList(records, RecordTables.ANNOTATIONS);
    }

    @Override
    public List<Object> execute(Values values, List<Object> inputs, StepContext context) throws IOException {
        configure(values, inputs);
        EcgReaderSettings s = EcgReaderSettings.of(values);
        Progress progress = context.progress();
        List<Record> records = new ArrayList<>();
        List<List<String>> diagnoses = new ArrayList<>();
        Map<String, List<Annotation>> annotations = new LinkedHashMap<>();
        switch (s.format()) {
            case "wfdb" -> {
                List<String> names = s.records().isEmpty() ? MitBih.records(s.folder()) : s.records();
                WfdbReadOptions options = s.strict() ? WfdbReadOptions.STRICT : WfdbReadOptions.LENIENT;
                for (int i = 0; i < names.size(); i++) {
                    progress.checkCancelled();
                    progress.update(i / (double) names.size(), "record " + names.get(i));
                    records.add(WfdbRecordReader.read(s.folder(), names.get(i), options).record());
                    diagnoses.add(List.of());
                    if (!s.annotator().isEmpty()) {
                        Path atr = s.folder().resolve(names.get(i) + "." + s.annotator());
                        if (Files.isRegularFile(atr)) {
                            annotations.put(names.get(i), AnnotationReader.read(atr));
                        }
                    }
                }
            }
            case "cpsc2018" -> {
                List<String> names = s.records().isEmpty() ? Cpsc2018.recordings(s.folder()) : s.records();
                Path reference = s.reference() != null ? s.reference()
                        : Files.isRegularFile(s.folder().resolve("REFERENCE.csv")) ? s.folder().resolve("REFERENCE.csv")
                        : null;
                Map<String, List<Integer>> labels = reference == null ? null : Cpsc2018.reference(reference);
                for (int i = 0; i < names.size(); i++) {
                    progress.checkCancelled();
                    progress.update(i / (double) names.size(), "recording " + names.get(i));
                    Record r = Cpsc2018.read(s.folder(), names.get(i));
                    records.add(r);
                    List<Integer> classes = labels != null ? labels.getOrDefault(r.id(), List.of())
                            .stream().map(c -> c - 1).toList()
                            : Cpsc2018.classesOfDx(r.metadata().getOrDefault("dx", ""));
                    diagnoses.add(classes.stream().map(Cpsc2018.CLASSES::get).toList());
                }
            }
            case "kaggle-csv" -> {
                Dataset beats = KaggleCsv.read(s.file(), KaggleCsv.IndexColumn.AUTO);
                for (int i = 0; i < beats.size(); i++) {
                    progress.checkCancelled();
                    float[] item = beats.item(i);
                    double[] samples = new double[item.length];
                    for (int t = 0; t < item.length; t++) {
                        samples[t] = item[t];
                    }
                    records.add(new Record(beats.recordIds()[i], beats.samplingFrequency(),
                            List.of(new Lead("signal", "", samples)), Map.of()));
                    diagnoses.add(List.of(beats.classNames().get(beats.labels()[i])));
                }
            }
            default -> {
                records.add(EdfReader.read(s.file()).toRecord());
                diagnoses.add(List.of());
            }
        }
        progress.update(1, "done");
        List<String> leads = s.format().equals("cpsc2018") ? Cpsc2018.LEADS
                : s.format().equals("kaggle-csv") ? List.of("signal") : RecordTables.leadNames(records);
        return List.of(RecordTables.records(records, diagnoses, leads, diagnosisClasses(s.format())),
                RecordTables.annotations(annotations));
    }

    /**
     * The records table of single-segment WFDB records, from their headers (lead names as the reader gives them:
     * the signal description, else "signal i"); null when a header is missing, unreadable or multi-segment (then
     * only known, or reported, when the node runs).
     */
    private static TableSpec wfdbRecordsSpec(EcgReaderSettings s) {
        try {
            List<String> leads = new ArrayList<>();
            for (String name : s.records().isEmpty() ? MitBih.records(s.folder()) : s.records()) {
                WfdbHeader header = WfdbHeaderParser.parse(s.folder().resolve(name + ".hea"));
                if (header.isMultiSegment()) {
                    return null;
                }
                for (int i = 0; i < header.signals().size(); i++) {
                    String description = header.signals().get(i).description();
                    String lead = description.isEmpty() ? "signal " + i : description;
                    if (!leads.contains(lead)) {
                        leads.add(lead);
                    }
                }
            }
            return RecordTables.recordsSpec(leads, List.of());
        } catch (EcgFormatException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The classes a format's diagnoses are drawn from (CPSC2018's nine, the Kaggle set's AAMI five); else none. */
    private static List<String> diagnosisClasses(String format) {
        return switch (format) {
            case "cpsc2018" -> Cpsc2018.CLASSES;
            case "kaggle-csv" -> KaggleCsv.CLASSES;
            default -> List.of();
        };
    }

    private static void requireFolder(Path folder) {
        if (folder == null) {
            throw new IllegalArgumentException("choose the folder to read");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("folder " + folder + " does not exist");
        }
    }

    private static void requireFile(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("choose the file to read");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file " + file + " does not exist");
        }
    }
}
