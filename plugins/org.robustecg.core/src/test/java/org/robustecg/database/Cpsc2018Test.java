package org.robustecg.database;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.TestData;
import org.robustecg.data.Dataset;
import org.robustecg.data.Split;
import org.robustecg.data.Splits;
import org.robustecg.ecg.Record;
import org.robustecg.io.EcgFormatException;
import org.robustecg.progress.Progress;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Matrix;

class Cpsc2018Test {

    private static final Path CINC = TestData.file("cpsc2018/cinc2020");
    private static final Path REFERENCE = TestData.file("cpsc2018/REFERENCE.csv");

    @Test
    void referenceLabelsAndTheFiftyPerClassSplit() throws Exception {
        Map<String, List<Integer>> reference = Cpsc2018.reference(REFERENCE);
        assertEquals(6877, reference.size());
        long multi = reference.values().stream().filter(c -> c.size() > 1).count();
        assertEquals(477, multi);
        int[] perClass = new int[9];
        reference.values().stream().map(Cpsc2018::singleLabel).flatMap(java.util.Optional::stream)
                .forEach(c -> perClass[c]++);
        assertEquals(6400, java.util.Arrays.stream(perClass).sum());
        int[] training = new int[9];
        for (int c = 0; c < 9; c++) {
            training[c] = perClass[c] - 50;
        }
        assertArrayEquals(new int[] {868, 926, 636, 129, 1483, 482, 557, 734, 135}, training);
    }

    @Test
    void cinc2020RecordingsAgreeWithReferenceAndDx() throws Exception {
        Map<String, List<Integer>> reference = Cpsc2018.reference(REFERENCE);
        for (int k = 1; k <= 6; k++) {
            String name = String.format("A%04d", k);
            Record r = Cpsc2018.read(CINC, name);
            assertEquals(Cpsc2018.LEADS, r.leads().stream().map(l -> l.name()).toList());
            List<Integer> fromDx = Cpsc2018.classesOfDx(r.metadata().get("dx"));
            List<Integer> fromReference = reference.get(name).stream().map(c -> c - 1).toList();
            assertEquals(new java.util.HashSet<>(fromReference), new java.util.HashSet<>(fromDx), name);
        }
    }

    @Test
    void originalMatlabV5FormReadsBack(@TempDir Path dir) throws Exception {
        Record cinc = Cpsc2018.read(CINC, "A0002");
        int n = cinc.length();
        Matrix data = Mat5.newMatrix(12, n);
        for (int l = 0; l < 12; l++) {
            for (int t = 0; t < n; t++) {
                data.setDouble(l, t, cinc.leads().get(l).samples()[t]);
            }
        }
        var ecg = Mat5.newStruct().set("sex", Mat5.newString("Female")).set("age", Mat5.newScalar(49)).set("data", data);
        Mat5.writeToFile(Mat5.newMatFile().addArray("ECG", ecg), dir.resolve("A0002.mat").toFile());
        Record back = Cpsc2018.read(dir, "A0002");
        assertEquals("Female", back.metadata().get("sex"));
        assertEquals("49", back.metadata().get("age"));
        assertEquals(500.0, back.samplingFrequency());
        for (int l = 0; l < 12; l++) {
            assertArrayEquals(cinc.leads().get(l).samples(), back.leads().get(l).samples(), 0.0);
        }
        Files.writeString(dir.resolve("bad.mat"), "MATLAB 5.0 MAT-file, but not really");
        EcgFormatException e = assertThrows(EcgFormatException.class, () -> Cpsc2018.read(dir, "bad"));
        assertTrue(e.getMessage().contains("bad.mat"), e.getMessage());
    }

    @Test
    void preparationCropsScalesPadsAndMasks() throws Exception {
        Map<String, List<Integer>> reference = Cpsc2018.reference(REFERENCE);
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= 6; k++) {
            names.add(String.format("A%04d", k));
        }
        CpscSettings small = new CpscSettings(CpscSettings.DEFAULT.leads(), 4000, 5000, 500);
        Dataset d = Cpsc2018.prepare(CINC, reference, names, small, Progress.NONE);
        long single = names.stream().filter(n -> reference.get(n).size() == 1).count();
        assertEquals(single, d.size());
        assertEquals(8, d.leads());
        assertEquals(5000, d.length());
        for (int i = 0; i < d.size(); i++) {
            Record r = Cpsc2018.read(CINC, d.recordIds()[i]);
            int valid = Math.min(r.length(), 4000);
            float[] mask = d.itemMask(i);
            float[] item = d.item(i);
            for (int t = 0; t < 5000; t++) {
                assertEquals(t < valid ? 1f : 0f, mask[t]);
            }
            for (int l = 0; l < 8; l++) {
                double[] s = r.lead(small.leads().get(l)).samples();
                double max = 0;
                for (int t = 0; t < valid; t++) {
                    max = Math.max(max, Math.abs(s[t]));
                }
                float peak = 0;
                for (int t = 0; t < 5000; t++) {
                    float v = item[l * 5000 + t];
                    peak = Math.max(peak, Math.abs(v));
                    if (t >= valid) {
                        assertEquals(0f, v);
                    } else {
                        assertEquals(s[t] / max, v, 1e-6);
                    }
                }
                assertEquals(1f, peak, 1e-6);
            }
            assertEquals(reference.get(d.recordIds()[i]).get(0) - 1, d.labels()[i]);
        }
        // Normal and PVC have one recording each here: a hold-out of one per class would leave them no training item.
        var refused = assertThrows(org.robustecg.data.DatasetException.class, () -> Splits.perClass(d, 1, 5));
        assertTrue(refused.getMessage().contains("leaves none of it for training"), refused.getMessage());
        Split split = Splits.perClass(d.select(java.util.stream.IntStream.range(0, d.size())
                .filter(i -> d.classCounts()[d.labels()[i]] > 1).toArray()), 1, 5);
        for (int c : split.test().classCounts()) {
            assertTrue(c <= 1);
        }
        assertEquals(2, split.train().size());
        assertEquals(2, split.test().size());
        for (int c : Splits.sample(d, 1, 5).classCounts()) {
            assertTrue(c <= 1);
        }
    }
}
