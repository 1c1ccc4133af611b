package org.robustecg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.data.Batch;
import org.robustecg.data.Dataset;
import org.robustecg.data.KaggleCsv;
import org.robustecg.io.EcgFormatException;
import org.robustecg.io.npz.NpyArray;
import org.robustecg.io.npz.Npz;
import org.robustecg.objective.LossSettings;
import org.robustecg.objective.Objective;
import org.robustecg.progress.Progress;

class ModelFileTest {

    /** A CASLCNet (width 0.02, MART, 2 epochs) that the project wrote in format version 1, and its logits. */
    private static final Path V1 = org.robustecg.TestData.file("models/caslcnet-v1.recg");
    private static final Path V1_LOGITS = org.robustecg.TestData.file("models/caslcnet-v1.logits.csv");

    /** The main head's logits on the first 10 beats of the Kaggle excerpt, row-major. */
    private static float[] logits(TrainedModel model) throws Exception {
        Dataset beats = KaggleCsv.read(org.robustecg.TestData.file("kaggle-heartbeat/mitbih_test_first100.csv"),
                KaggleCsv.IndexColumn.AUTO);
        model.classifier().freeze(true);
        try (NDManager scratch = model.manager().newSubManager()) {
            Batch b = Batch.of(beats, Batch.range(0, 10), scratch);
            return model.classifier().forward(b.x(), b.mask()).get(0).toFloatArray();
        } finally {
            model.classifier().freeze(false);
        }
    }

    @Test
    void aVersionOneFileReadsToTheSameModel() throws Exception {
        String[] cells = Files.readString(V1_LOGITS).trim().split("[,\\s]+");
        float[] expected = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            expected[i] = Float.parseFloat(cells[i]);
        }
        try (TrainedModel model = ModelFile.load(V1)) {
            assertEquals(Objective.MART, model.info().training().loss().objective());
            assertEquals(0.02, model.info().settings().widthMultiplier());
            // Written by the same engine on another machine the last bits of a float may differ.
            assertArrayEquals(expected, logits(model), 1e-5f);
        }
    }

    private static ModelInfo info() {
        return new ModelInfo(ModelSettings.mitBih(Architecture.CASLCNET).withWidth(1.0 / 16), KaggleCsv.CLASSES, 125, 0,
                1, "MIT-BIH beats", TrainSettings.mitBih(LossSettings.of(Objective.MART)),
                List.of(new EpochRecord(1, 0.5, 0.8, Double.NaN, Double.NaN, Double.NaN, 1e-3,
                        Double.POSITIVE_INFINITY, List.of(0.0, 0.25), 1.5)), 1);
    }

    @Test
    void savedModelPredictsExactlyTheSame(@TempDir Path dir) throws Exception {
        Dataset beats = KaggleCsv.read(org.robustecg.TestData.file("kaggle-heartbeat/mitbih_test_first100.csv"),
                KaggleCsv.IndexColumn.AUTO).select(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        Path file = dir.resolve("m.recg");
        float[] before;
        try (TrainedModel model = TrainedModel.create(info(), 7)) {
            before = Inference.predict(model, beats, 4, Progress.NONE).probabilities();
            ModelFile.save(model, file, false);
            assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> ModelFile.save(model, file, false));
            ModelFile.exportNpz(model, dir.resolve("weights.npz"), false);
        }
        try (TrainedModel loaded = ModelFile.load(file)) {
            assertArrayEquals(before, Inference.predict(loaded, beats, 4, Progress.NONE).probabilities());
            assertEquals(info().settings(), loaded.info().settings());
            assertEquals(Double.POSITIVE_INFINITY, loaded.info().history().get(0).p());
            assertEquals(Objective.MART, loaded.info().training().loss().objective());
        }
        Map<String, NpyArray> weights = Npz.read(dir.resolve("weights.npz"));
        assertEquals(List.of(4, 1, 11), java.util.Arrays.stream(weights.get("stem_weight").shape()).boxed().toList());
        assertTrue(weights.keySet().containsAll(List.of("block0_conv1_weight", "block7_skip_norm_beta", "cas1_weight",
                "head_layer0_running_mean", "head_layer4_bias")), weights.keySet().toString());
    }

    @Test
    void corruptAndForeignFilesAreRefusedClearly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.recg");
        try (TrainedModel model = TrainedModel.create(info(), 7)) {
            ModelFile.save(model, file, false);
        }
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.recg");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        EcgFormatException e = assertThrows(EcgFormatException.class, () -> ModelFile.load(truncated));
        assertTrue(e.getMessage().contains("truncated.recg"), e.getMessage());
        Path text = dir.resolve("text.recg");
        Files.writeString(text, "hello");
        assertThrows(EcgFormatException.class, () -> ModelFile.load(text));
        // A file of a future format version.
        Path future = dir.resolve("future.recg");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(future))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("model.json"));
            zip.write("{\"format\": \"robustecg-model\", \"format_version\": 99}".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("parameters.bin"));
            zip.closeEntry();
        }
        EcgFormatException v = assertThrows(EcgFormatException.class, () -> ModelFile.load(future));
        assertTrue(v.getMessage().contains("version 99"), v.getMessage());
    }
}
