package org.robustecg.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.robustecg.data.Dataset;
import org.robustecg.ecg.Lead;
import org.robustecg.ecg.Record;
import org.robustecg.io.EcgFormatException;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.io.wfdb.WfdbRecordReader;
import org.robustecg.preprocess.Resampler;
import org.robustecg.progress.Progress;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * The CPSC2018 12-lead database (China Physiological Signal Challenge 2018): its labels (REFERENCE.csv),
 * its recordings in the original MATLAB v5 form or the PhysioNet/CinC 2020 form, and the preparation of
 * single-label recordings as model input (METHOD 2.7).
 */
public final class Cpsc2018 {

    /** Class names of label codes 1..9 (index = code - 1). */
    public static final List<String> CLASSES = List.of("Normal", "AF", "I-AVB", "LBBB", "RBBB", "PAC", "PVC", "STD", "STE");
    /** The 12 standard leads in CPSC's order. */
    public static final List<String> LEADS = List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5",
            "V6");
    /** SNOMED-CT codes of the CinC 2020 headers ("#Dx:") for the nine classes, by class index. */
    public static final List<String> SNOMED = List.of("426783006", "164889003", "270492004", "164909002", "59118001",
            "284470004", "164884008", "429622005", "164931005");

    private Cpsc2018() {
    }

    /** Labels of REFERENCE.csv: recording name -> its label codes (1..9), first label first. */
    public static Map<String, List<Integer>> reference(Path csv) throws EcgFormatException {
        Map<String, List<Integer>> labels = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null || !line.startsWith("Recording")) {
                throw new EcgFormatException(csv, "line 1", "expected the header Recording,First_label,...");
            }
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                List<Integer> codes = new ArrayList<>();
                for (int k = 1; k < cells.length; k++) {
                    if (cells[k].isBlank()) {
                        continue;
                    }
                    try {
                        int code = Integer.parseInt(cells[k].strip());
                        if (code < 1 || code > CLASSES.size()) {
                            throw new NumberFormatException();
                        }
                        codes.add(code);
                    } catch (NumberFormatException e) {
                        throw new EcgFormatException(csv, "line " + number, "unknown label '" + cells[k].strip() + "'");
                    }
                }
                if (codes.isEmpty()) {
                    throw new EcgFormatException(csv, "line " + number, "recording " + cells[0] + " has no label");
                }
                if (labels.put(cells[0].strip(), List.copyOf(codes)) != null) {
                    throw new EcgFormatException(csv, "line " + number, "recording " + cells[0] + " is listed twice");
                }
            }
        } catch (NoSuchFileException e) {
            throw new EcgFormatException(csv, null, "file not found");
        } catch (IOException e) {
            if (e instanceof EcgFormatException f) {
                throw f;
            }
            throw EcgFormatException.unreadable(csv, e);
        }
        return labels;
    }

    /** The class index (0..8) of a recording with exactly one label, or empty for multi-label recordings. */
    public static Optional<Integer> singleLabel(List<Integer> codes) {
        return codes.size() == 1 ? Optional.of(codes.get(0) - 1) : Optional.empty();
    }

    /** Class indices (0..8) of the SNOMED codes in a CinC 2020 "#Dx:" value such as "59118001,164884008". */
    public static List<Integer> classesOfDx(String dx) {
        List<Integer> classes = new ArrayList<>();
        for (String code : dx.split(",")) {
            int c = SNOMED.indexOf(code.strip());
            if (c >= 0 && !classes.contains(c)) {
                classes.add(c);
            }
        }
        return classes;
    }

    /** Recording names of a CPSC2018 folder: every .hea, else every .mat, sorted. */
    public static List<String> recordings(Path folder) throws EcgFormatException {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> all = files.map(p -> p.getFileName().toString()).sorted().toList();
            String ext = all.stream().anyMatch(n -> n.endsWith(".hea")) ? ".hea" : ".mat";
            List<String> names = all.stream().filter(n -> n.endsWith(ext))
                    .map(n -> n.substring(0, n.length() - ext.length())).toList();
            if (names.isEmpty()) {
                throw new EcgFormatException(folder, null, "holds no CPSC2018 recordings (.hea or .mat files)");
            }
            return names;
        } catch (IOException e) {
            if (e instanceof EcgFormatException f) {
                throw f;
            }
            throw new EcgFormatException(folder, null, "cannot list recordings: " + e.getMessage(), e);
        }
    }

    /** True if the folder holds the recording in either form. */
    public static boolean exists(Path folder, String name) {
        return Files.isRegularFile(folder.resolve(name + ".hea")) || Files.isRegularFile(folder.resolve(name + ".mat"));
    }

    /**
     * Reads a recording: the CinC 2020 form ({@code name.hea} over a MATLAB v4 {@code name.mat}) when a header
     * exists, else the original CPSC MATLAB v5 file (struct {@code ECG} with {@code sex}, {@code age} and
     * {@code data}, 12 x N in mV at 500 Hz).
     */
    public static Record read(Path folder, String name) throws EcgFormatException {
        if (Files.isRegularFile(folder.resolve(name + ".hea"))) {
            return WfdbRecordReader.read(folder, name, WfdbReadOptions.STRICT).record();
        }
        Path mat = folder.resolve(name + ".mat");
        if (!Files.isRegularFile(mat)) {
            throw new EcgFormatException(mat, null, "recording " + name + " not found (no " + name + ".hea or .mat)");
        }
        try (Mat5File file = Mat5.readFromFile(mat.toFile())) {
            Struct ecg = file.getStruct("ECG");
            Matrix data = ecg.getMatrix("data");
            if (data.getNumRows() != LEADS.size()) {
                throw new EcgFormatException(mat, "ECG.data", "expected 12 leads (rows), found " + data.getNumRows());
            }
            List<Lead> leads = new ArrayList<>();
            for (int l = 0; l < LEADS.size(); l++) {
                double[] x = new double[data.getNumCols()];
                for (int t = 0; t < x.length; t++) {
                    x[t] = data.getDouble(l, t);
                }
                leads.add(new Lead(LEADS.get(l), "mV", x));
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            if (ecg.getFieldNames().contains("sex")) {
                metadata.put("sex", ecg.getChar("sex").getString().strip());
            }
            if (ecg.getFieldNames().contains("age")) {
                double age = ecg.getMatrix("age").getDouble(0);
                metadata.put("age", age == Math.rint(age) ? Long.toString((long) age) : Double.toString(age));
            }
            return new Record(name, 500, leads, metadata);
        } catch (EcgFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new EcgFormatException(mat, null, "not a CPSC2018 MATLAB file (struct ECG with data 12 x N): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Model input of single-label recordings (METHOD 2.7): the kept leads, resampled if needed, cropped, each
     * lead scaled by its largest absolute value to [-1, 1], zero padded, with a 0/1 mask of real samples.
     * Labels are class indices 0..8. Multi-label and unlabelled names are skipped.
     */
    public static Dataset prepare(Path folder, Map<String, List<Integer>> reference, List<String> names,
            CpscSettings settings, Progress progress) throws EcgFormatException {
        int leads = settings.leads().size();
        int length = settings.paddedLength();
        List<String> kept = new ArrayList<>();
        for (String name : names) {
            List<Integer> codes = reference.get(name);
            if (codes != null && singleLabel(codes).isPresent()) {
                kept.add(name);
            }
        }
        float[] x = new float[Math.multiplyExact(Math.multiplyExact(kept.size(), leads), length)];
        float[] mask = new float[kept.size() * length];
        int[] labels = new int[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            progress.checkCancelled();
            progress.update((double) i / kept.size(), "recording " + kept.get(i));
            labels[i] = singleLabel(reference.get(kept.get(i))).orElseThrow();
            fill(read(folder, kept.get(i)), folder.resolve(kept.get(i)), settings, x, mask, i);
        }
        progress.update(1, "done");
        return new Dataset(x, kept.size(), leads, length, labels, CLASSES, kept.toArray(String[]::new),
                new int[kept.size()], mask, settings.samplingFrequency());
    }

    /**
     * Model input of recordings already in memory (the KNIME preprocessor's records mode), prepared as
     * {@link #prepare(Path, Map, List, CpscSettings, Progress)} does.
     *
     * @param labels     class index of each recording
     * @param classNames the class names
     */
    public static Dataset prepare(List<Record> records, int[] labels, List<String> classNames, CpscSettings settings,
            Progress progress) throws EcgFormatException {
        int leads = settings.leads().size();
        int length = settings.paddedLength();
        float[] x = new float[Math.multiplyExact(Math.multiplyExact(records.size(), leads), length)];
        float[] mask = new float[records.size() * length];
        for (int i = 0; i < records.size(); i++) {
            progress.checkCancelled();
            progress.update((double) i / records.size(), "recording " + records.get(i).id());
            fill(records.get(i), Path.of(records.get(i).id()), settings, x, mask, i);
        }
        progress.update(1, "done");
        return new Dataset(x, records.size(), leads, length, labels.clone(), classNames,
                records.stream().map(Record::id).toArray(String[]::new), new int[records.size()], mask,
                settings.samplingFrequency());
    }

    /** Writes item i: kept leads, resampled, cropped, scaled to [-1, 1] by each lead's largest |value|, masked. */
    private static void fill(Record record, Path source, CpscSettings settings, float[] x, float[] mask, int i)
            throws EcgFormatException {
        int leads = settings.leads().size();
        int length = settings.paddedLength();
        int valid = 0;
        for (int l = 0; l < leads; l++) {
            String leadName = settings.leads().get(l);
            Lead lead = record.lead(leadName);
            if (lead == null) {
                throw new EcgFormatException(source, null, "recording " + record.id() + " has no lead " + leadName
                        + " (it has " + record.leads().stream().map(Lead::name).toList() + ")");
            }
            double[] s = record.samplingFrequency() == settings.samplingFrequency() ? lead.samples()
                    : Resampler.between(record.samplingFrequency(), settings.samplingFrequency()).apply(lead.samples());
            valid = Math.min(s.length, settings.cropLength());
            double max = 0;
            for (int t = 0; t < valid; t++) {
                if (!Double.isFinite(s[t])) {
                    throw new EcgFormatException(source, "lead " + leadName + ", sample " + t, "recording "
                            + record.id() + " has a missing (NaN) sample");
                }
                max = Math.max(max, Math.abs(s[t]));
            }
            int base = (i * leads + l) * length;
            for (int t = 0; t < valid; t++) {
                x[base + t] = max > 0 ? (float) (s[t] / max) : 0f;
            }
        }
        Arrays.fill(mask, i * length, i * length + valid, 1f);
    }
}
