package org.robustecg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.data.DatasetFiles;
import org.robustecg.io.npz.NpyArray;
import org.robustecg.io.npz.Npz;

/** Bad data reaches the user as exit code 1 and one line that names the file and what is wrong. */
class BadDataCommandsTest {

    private static Path data(String relative) {
        return TestFixtures.file(relative);
    }

    private static void assertDataError(Run run, String... fragments) {
        assertEquals(1, run.exitCode(), run.err());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        for (String fragment : fragments) {
            assertTrue(err.contains(fragment), "'" + fragment + "' not in: " + err);
        }
        assertFalse(err.contains("Exception"), err);
    }

    /** Record 100 of MIT-BIH in {@code dir} with its header's line {@code line} replaced. */
    private static Path record100(Path dir, int line, String replacement) throws Exception {
        for (String extension : new String[] {".dat", ".atr"}) {
            Files.copy(data("mitdb/100" + extension), dir.resolve("100" + extension));
        }
        String[] lines = Files.readString(data("mitdb/100.hea"), StandardCharsets.ISO_8859_1).split("\r?\n");
        lines[line - 1] = replacement;
        Path header = dir.resolve("100.hea");
        Files.writeString(header, String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
        return header;
    }

    @Test
    void headerWithANegativeGainGivesNoBeats(@TempDir Path dir) throws Exception {
        Path header = record100(dir, 2, "100.dat 212 -200 11 1024 995 -22131 0 MLII");
        assertDataError(Run.of("inspect", header.toString(), "--json"), "100.hea (line 2)", "ADC gain -200 is negative");
        Path out = dir.resolve("beats.npz");
        assertDataError(Run.of("beats", "--mitdb", dir.toString(), "--records", "100", "--out", out.toString(), "--json"),
                "100.hea (line 2)", "ADC gain -200");
        assertFalse(Files.exists(out));
    }

    @Test
    void headerWithANegativeSampleCountOrBinaryJunkIsRefused(@TempDir Path dir) throws Exception {
        Path header = record100(dir, 1, "100 2 360 -650000");
        assertDataError(Run.of("inspect", header.toString(), "--json"), "100.hea (line 1)", "number of samples -650000");
        Files.copy(data("cpsc2018/cinc2020/A0001.mat"), header, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertDataError(Run.of("inspect", header.toString(), "--json"), "100.hea (line 1)", "control character",
                "a WFDB header is a text file");
    }

    @Test
    void skewedRecordsReportIntactChecksums() {
        for (String name : new String[] {"test01_00s_skew", "test01_00s_skewframe"}) {
            Run run = Run.of("inspect", data("wfdb-formats/" + name + ".hea").toString(), "--json");
            assertEquals(0, run.exitCode(), run.err());
            int signals = 0;
            for (JsonElement signal : JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("signals")) {
                assertTrue(signal.getAsJsonObject().get("checksum_ok").getAsBoolean(), name + ": " + signal);
                signals++;
            }
            assertEquals(name.endsWith("frame") ? 3 : 4, signals);
        }
    }

    @Test
    void datasetsWithNanOrForeignLabelsAreNotTrainedOn(@TempDir Path dir) throws Exception {
        Path kaggle = dir.resolve("kaggle.npz");
        DatasetFiles.save(DatasetFiles.load(data("kaggle-heartbeat/mitbih_test_first100.csv")), kaggle, false);
        Map<String, NpyArray> arrays = new LinkedHashMap<>(Npz.read(kaggle));
        float[] x = ((float[]) arrays.get("x").data()).clone();
        x[10 * 187 + 5] = Float.NaN;
        Path nan = dir.resolve("nan.npz");
        Map<String, NpyArray> withNan = new LinkedHashMap<>(arrays);
        withNan.put("x", NpyArray.of(x, arrays.get("x").shape()));
        Npz.write(nan, withNan, false);
        Path model = dir.resolve("model.recg");
        assertDataError(Run.of("train", "--data", nan.toString(), "--epochs", "1", "--out", model.toString(), "--json"),
                "nan.npz", "the signals (x) hold NaN at index [10, 0, 5]");
        int[] y = ((int[]) arrays.get("y").data()).clone();
        y[3] = 7;
        Path label = dir.resolve("label.npz");
        Map<String, NpyArray> withLabel = new LinkedHashMap<>(arrays);
        withLabel.put("y", NpyArray.of(y, y.length));
        Npz.write(label, withLabel, false);
        assertDataError(Run.of("train", "--data", label.toString(), "--epochs", "1", "--out", model.toString(), "--json"),
                "label.npz", "item 3", "has label 7, allowed are the class indices 0..4");
        assertFalse(Files.exists(model));
    }

    @Test
    void splitsThatLeaveAPartEmptyWriteNothing(@TempDir Path dir) throws Exception {
        Path beats = dir.resolve("beats.npz");
        assertDataError(Run.of("beats", "--mitdb", data("mitdb").toString(), "--records", "100", "--split",
                "inter-patient", "--out", beats.toString(), "--json"), "inter-patient split leaves the training part empty");
        Path cpsc = dir.resolve("cpsc.npz");
        assertDataError(Run.of("records", "--cpsc", data("cpsc2018/cinc2020").toString(), "--reference",
                data("cpsc2018/REFERENCE.csv").toString(), "--crop-length", "2000", "--padded-length", "3000", "--split",
                "per-class", "--test-per-class", "50", "--out", cpsc.toString(), "--json"), "holding out 50 per class for testing leaves none of it for training");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }
}
