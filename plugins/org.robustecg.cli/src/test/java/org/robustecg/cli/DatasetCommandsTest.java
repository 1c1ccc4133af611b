package org.robustecg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;

class DatasetCommandsTest {

    private static Path data(String relative) {
        return TestFixtures.file(relative);
    }

    @Test
    void beatsWithAnInterPatientSplit(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("beats.npz");
        Run run = Run.of("beats", "--mitdb", data("mitdb").toString(), "--records", "100,103,119,124",
                "--split", "inter-patient", "--balance", "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonObject summary = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(4, summary.get("records").getAsInt());
        Dataset train = DatasetFiles.load(dir.resolve("beats-train.npz"));
        Dataset test = DatasetFiles.load(dir.resolve("beats-test.npz"));
        assertTrue(java.util.Arrays.stream(train.recordIds()).allMatch(r -> r.equals("119") || r.equals("124")));
        assertTrue(java.util.Arrays.stream(test.recordIds()).allMatch(r -> r.equals("100") || r.equals("103")));
        int[] counts = train.classCounts();
        assertEquals(counts[0], counts[2], "balanced training part");
        assertEquals(train.size(), summary.getAsJsonArray("outputs").get(0).getAsJsonObject().get("items").getAsInt());

        Run again = Run.of("beats", "--mitdb", data("mitdb").toString(), "--records", "100", "--split", "inter-patient",
                "--out", out.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("already exists"), again.err());
    }

    @Test
    void recordsBuildsTheCpscDataset(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cpsc.npz");
        Run run = Run.of("records", "--cpsc", data("cpsc2018/cinc2020").toString(), "--reference",
                data("cpsc2018/REFERENCE.csv").toString(), "--crop-length", "2000", "--padded-length", "3000", "--split",
                "none", "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        Dataset d = DatasetFiles.load(out);
        assertEquals(8, d.leads());
        assertEquals(3000, d.length());
        assertEquals(6, JsonParser.parseString(run.out()).getAsJsonObject().get("found").getAsInt());
        assertEquals(2, Run.of("records", "--cpsc", "x", "--reference", "y", "--crop-length", "5", "--padded-length",
                "4", "--out", out.toString()).exitCode());
    }

    @Test
    void inspectReportsHeaderChecksumsAndAnnotations() {
        Run run = Run.of("inspect", data("mitdb/100.hea").toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonObject r = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(86400, r.get("samples").getAsInt(), "the 4-minute excerpt of record 100");
        JsonObject first = r.getAsJsonArray("signals").get(0).getAsJsonObject();
        assertEquals(995, first.get("first_value").getAsInt());
        assertTrue(first.get("checksum_ok").getAsBoolean());
        JsonObject classes = r.getAsJsonObject("annotations").getAsJsonObject("by_aami_class");
        assertEquals(294, classes.get("N").getAsInt(), "N beats in the excerpt");
        assertEquals(3, classes.get("S").getAsInt());
        assertEquals(0, classes.has("V") ? classes.get("V").getAsInt() : 0);

        Run edf = Run.of("inspect", data("wfdb-formats/test_generator_2.edf").toString(), "--json");
        assertEquals(0, edf.exitCode(), edf.err());
        Run missing = Run.of("inspect", "/nonexistent/record");
        assertEquals(1, missing.exitCode());
        assertFalse(missing.err().isBlank());
    }
}
