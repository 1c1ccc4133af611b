package org.robustecg.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.robustecg.data.Dataset;
import org.robustecg.ecg.AamiClass;
import org.robustecg.ecg.Annotation;
import org.robustecg.io.EcgFormatException;
import org.robustecg.io.wfdb.AnnotationReader;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.io.wfdb.WfdbRecordReader;
import org.robustecg.preprocess.BeatExtractor;
import org.robustecg.preprocess.BeatExtractor.LabelledPeak;
import org.robustecg.preprocess.BeatSettings;
import org.robustecg.preprocess.RPeakDetector;
import org.robustecg.progress.Progress;

/** The MIT-BIH Arrhythmia Database: its records, the de Chazal inter-patient split, and its heartbeat dataset. */
public final class MitBih {

    /** De Chazal et al. (2004) training records. */
    public static final List<String> DS1 = List.of("101", "106", "108", "109", "112", "114", "115", "116", "118", "119",
            "122", "124", "201", "203", "205", "207", "208", "209", "215", "220", "223", "230");
    /** De Chazal et al. (2004) test records. */
    public static final List<String> DS2 = List.of("100", "103", "105", "111", "113", "117", "121", "123", "200", "202",
            "210", "212", "213", "214", "219", "221", "222", "228", "231", "232", "233", "234");
    /** Records with paced beats, left out of both DS1 and DS2. */
    public static final Set<String> PACED = Set.of("102", "104", "107", "217");

    /** Annotated beats within this distance of a detected peak give it their label (the EC57 match window). */
    private static final double MATCH_SECONDS = 0.15;

    private MitBih() {
    }

    /** Record names of a database folder: its RECORDS file, or else every {@code .hea} file, sorted. */
    public static List<String> records(Path folder) throws EcgFormatException {
        Path list = folder.resolve("RECORDS");
        try {
            if (Files.isRegularFile(list)) {
                return Files.readAllLines(list).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            }
            if (!Files.isDirectory(folder)) {
                throw new EcgFormatException(folder, null, "not a folder of WFDB records");
            }
            try (Stream<Path> files = Files.list(folder)) {
                List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".hea"))
                        .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
                if (names.isEmpty()) {
                    throw new EcgFormatException(folder, null, "holds no WFDB records (.hea files)");
                }
                return names;
            }
        } catch (IOException e) {
            if (e instanceof EcgFormatException f) {
                throw f;
            }
            throw new EcgFormatException(folder, null, "cannot list records: " + e.getMessage(), e);
        }
    }

    /**
     * The heartbeat dataset of the given records (METHOD 2.3): AAMI-labelled beats of lead MLII at 125 Hz,
     * 187 samples each. Reports progress per record and stops when cancelled.
     */
    public static Dataset beats(Path folder, List<String> records, BeatSettings settings, WfdbReadOptions options,
            Progress progress) throws EcgFormatException {
        List<Dataset> parts = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            progress.checkCancelled();
            String name = records.get(i);
            progress.update((double) i / records.size(), "record " + name);
            var record = WfdbRecordReader.read(folder, name, options).record();
            parts.add(beats(record, AnnotationReader.read(folder.resolve(name + ".atr")), settings));
        }
        progress.update(1, "done");
        return Dataset.concat(parts);
    }

    /**
     * The AAMI-labelled beats of one record: R peaks from its beat annotations or from the detector (then
     * labelled by the nearest annotated beat within 150 ms), as the settings say.
     */
    public static Dataset beats(org.robustecg.ecg.Record record, List<Annotation> annotations, BeatSettings settings) {
        List<LabelledPeak> peaks = settings.peaks() == BeatSettings.PeakSource.ANNOTATIONS ? annotatedPeaks(annotations)
                : detectedPeaks(record, annotations, settings.lead());
        return BeatExtractor.extract(record, peaks, settings);
    }

    /** The annotated beats of AAMI classes, in time order. */
    public static List<LabelledPeak> annotatedPeaks(List<Annotation> annotations) {
        List<LabelledPeak> peaks = new ArrayList<>();
        for (Annotation a : annotations) {
            AamiClass.ofSymbol(a.symbol()).ifPresent(c -> peaks.add(new LabelledPeak(a.sample(), c)));
        }
        return peaks;
    }

    /** Detected R peaks, each labelled by the nearest annotated beat within 150 ms; unmatched ones are left out. */
    private static List<LabelledPeak> detectedPeaks(org.robustecg.ecg.Record record, List<Annotation> annotations,
            String leadName) {
        var lead = record.lead(leadName) == null ? record.leads().get(0) : record.lead(leadName);
        int[] detected = RPeakDetector.detect(lead.samples(), record.samplingFrequency());
        List<LabelledPeak> reference = annotatedPeaks(annotations);
        long tolerance = Math.round(MATCH_SECONDS * record.samplingFrequency());
        List<LabelledPeak> peaks = new ArrayList<>();
        int j = 0;
        for (int r : detected) {
            while (j + 1 < reference.size() && reference.get(j + 1).sample() <= r) {
                j++;
            }
            LabelledPeak best = null;
            for (int k = Math.max(0, j - 1); k <= Math.min(reference.size() - 1, j + 1); k++) {
                LabelledPeak ref = reference.get(k);
                if (Math.abs(ref.sample() - r) <= tolerance
                        && (best == null || Math.abs(ref.sample() - r) < Math.abs(best.sample() - r))) {
                    best = ref;
                }
            }
            if (best != null) {
                peaks.add(new LabelledPeak(r, best.label()));
            }
        }
        return peaks;
    }
}
