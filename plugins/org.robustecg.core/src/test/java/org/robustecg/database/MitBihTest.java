package org.robustecg.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.robustecg.TestData;
import org.robustecg.data.Dataset;
import org.robustecg.ecg.AamiClass;
import org.robustecg.ecg.Annotation;
import org.robustecg.ecg.Record;
import org.robustecg.io.wfdb.AnnotationReader;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.io.wfdb.WfdbRecordReader;
import org.robustecg.preprocess.BeatMatching;
import org.robustecg.preprocess.BeatSettings;
import org.robustecg.preprocess.RPeakDetector;
import org.robustecg.progress.Progress;

class MitBihTest {

    /** Kaggle heartbeat totals (train + test) per class N, S, V, F, Q. */
    private static final int[] KAGGLE = {90589, 2779, 7236, 803, 8039};

    @Test
    void beatDatasetMatchesTheKaggleClassCounts() throws Exception {
        Path mitdb = TestData.completeMitdb();
        List<String> records = MitBih.records(mitdb);
        assertEquals(48, records.size());
        long start = System.nanoTime();
        Dataset beats = MitBih.beats(mitdb, records, BeatSettings.KAGGLE, WfdbReadOptions.STRICT, Progress.NONE);
        int[] counts = beats.classCounts();
        System.out.printf("MIT-BIH beats in %.1f s: N %d, S %d, V %d, F %d, Q %d, total %d (Kaggle: 109,446)%n",
                (System.nanoTime() - start) / 1e9, counts[0], counts[1], counts[2], counts[3], counts[4], beats.size());
        for (int c = 0; c < KAGGLE.length; c++) {
            assertEquals(KAGGLE[c], counts[c], 0.01 * KAGGLE[c], "class " + beats.classNames().get(c));
        }
        assertEquals(109446, beats.size(), 0.01 * 109446);
        assertEquals(187, beats.length());
        assertEquals(125.0, beats.samplingFrequency());
        for (int i = 0; i < beats.size(); i += 997) {
            float max = 0;
            float min = 1;
            for (float v : beats.item(i)) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            assertEquals(1f, max, "beat " + i + " is scaled to [0,1]");
            assertEquals(0f, min);
        }
    }

    @Test
    void detectorFindsTheAnnotatedBeatsOfAll48Records() throws Exception {
        BeatMatching total = new BeatMatching(0, 0, 0);
        StringBuilder table = new StringBuilder("record   Se      +P\n");
        Path mitdb = TestData.completeMitdb();
        for (String name : MitBih.records(mitdb)) {
            Record record = WfdbRecordReader.read(mitdb, name, WfdbReadOptions.STRICT).record();
            List<Annotation> annotations = AnnotationReader.read(mitdb.resolve(name + ".atr"));
            double fs = record.samplingFrequency();
            var lead = record.lead("MLII") != null ? record.lead("MLII") : record.leads().get(0);
            int[] detected = RPeakDetector.detect(lead.samples(), fs);
            BeatMatching m = BeatMatching.compare(referenceBeats(annotations),
                    outsideFlutter(detected, annotations), Math.round(0.15 * fs));
            table.append(String.format("%s   %.4f  %.4f%n", name, m.sensitivity(), m.positivePredictivity()));
            total = total.plus(m);
        }
        System.out.print(table);
        System.out.printf("R-peak detector on all 48 MIT-BIH records: Se %.4f, +P %.4f (TP %d, FN %d, FP %d)%n",
                total.sensitivity(), total.positivePredictivity(), total.truePositives(), total.falseNegatives(),
                total.falsePositives());
        assertTrue(total.sensitivity() >= 0.995, "sensitivity " + total.sensitivity());
        assertTrue(total.positivePredictivity() >= 0.995, "positive predictivity " + total.positivePredictivity());
    }

    @Test
    void detectorWorksOnInvertedLeadsAndOtherRates() throws Exception {
        Record record = WfdbRecordReader.read(TestData.mitdb(), "100", WfdbReadOptions.STRICT).record();
        double[] lead = record.leads().get(0).samples();
        double[] inverted = new double[lead.length];
        for (int i = 0; i < lead.length; i++) {
            inverted[i] = -lead[i];
        }
        long[] reference = referenceBeats(AnnotationReader.read(TestData.mitdb().resolve("100.atr")));
        BeatMatching upright = BeatMatching.compare(reference, RPeakDetector.detect(lead, 360), 54);
        BeatMatching flipped = BeatMatching.compare(reference, RPeakDetector.detect(inverted, 360), 54);
        assertTrue(flipped.sensitivity() > 0.995 && flipped.positivePredictivity() > 0.995, flipped.toString());
        assertEquals(upright.truePositives(), flipped.truePositives(), 3);
        // The same lead at 125 Hz.
        double[] slow = org.robustecg.preprocess.Resampler.between(360, 125).apply(lead);
        long[] slowReference = new long[reference.length];
        for (int i = 0; i < reference.length; i++) {
            slowReference[i] = Math.round(reference[i] * 125 / 360.0);
        }
        BeatMatching at125 = BeatMatching.compare(slowReference, RPeakDetector.detect(slow, 125), 19);
        assertTrue(at125.sensitivity() > 0.995 && at125.positivePredictivity() > 0.995, at125.toString());
    }

    static long[] referenceBeats(List<Annotation> annotations) {
        return annotations.stream().filter(a -> AamiClass.ofSymbol(a.symbol()).isPresent())
                .mapToLong(Annotation::sample).toArray();
    }

    /** Detections outside ventricular flutter episodes ('[' to ']'), which EC57 leaves out of QRS detection. */
    static int[] outsideFlutter(int[] detected, List<Annotation> annotations) {
        List<long[]> episodes = new ArrayList<>();
        long open = -1;
        for (Annotation a : annotations) {
            if (a.symbol().equals("[")) {
                open = a.sample();
            } else if (a.symbol().equals("]") && open >= 0) {
                episodes.add(new long[] {open, a.sample()});
                open = -1;
            }
        }
        return java.util.Arrays.stream(detected)
                .filter(d -> episodes.stream().noneMatch(e -> d >= e[0] && d <= e[1])).toArray();
    }
}
