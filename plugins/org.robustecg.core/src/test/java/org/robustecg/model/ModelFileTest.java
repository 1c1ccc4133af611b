package org.robustecg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private static ModelInfo info() {
        return ModelInfo.untrained(ModelSettings.builder(Architecture.CASLCNET, 5, 1, 187).widthMultiplier(1.0 / 16)
                .build(), KaggleCsv.CLASSES, 125, 0, 1, "MIT-BIH beats").trained(
                TrainSettings.mitBih(LossSettings.of(Objective.MART)),
                List.of(new EpochRecord(1, 0.5, 0.8, Double.NaN, Double.NaN, Double.NaN, 1e-3,
                        Double.POSITIVE_INFINITY, List.of(0.0, 0.25), 1.5)), 1);
    }

    private static Dataset beats() throws Exception {
        return KaggleCsv.read(org.robustecg.TestData.file("kaggle-heartbeat/mitbih_test_first100.csv"),
                KaggleCsv.IndexColumn.AUTO).select(Batch.range(0, 10));
    }

    /** The main head's logits on the beats, row-major. */
    private static float[] logits(TrainedModel model, Dataset beats) {
        try (Classifier.Frozen frozen = model.classifier().frozen();
                NDManager scratch = model.manager().newSubManager()) {
            Batch b = Batch.of(beats, Batch.range(0, beats.size()), scratch);
            return model.classifier().forward(b.x(), b.mask()).get(0).toFloatArray();
        }
    }

    private static String modelJson(Path file) throws Exception {
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("model.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aVersionOneFileReadsToTheSameModel() throws Exception {
        float[] expected = parseFloats(Files.readString(V1_LOGITS));
        try (TrainedModel model = ModelFile.load(V1)) {
            ModelInfo info = model.info();
            assertEquals(ModelSettings.builder(Architecture.CASLCNET, 5, 1, 187).widthMultiplier(0.02).build(),
                    info.settings());
            assertEquals(KaggleCsv.CLASSES, info.classNames());
            TrainSettings training = info.training().orElseThrow();
            assertEquals(Objective.MART, training.loss().objective());
            assertEquals(2, training.attackSteps());
            assertEquals(7, training.seed());
            assertEquals(2, info.history().size());
            assertTrue(info.bestEpoch() == 1 || info.bestEpoch() == 2, "best epoch " + info.bestEpoch());
            // Written by the same engine on another machine the last bits of a float may differ.
            assertArrayEquals(expected, logits(model, beats()), 1e-5f);
        }
    }

    @Test
    void versionTwoRoundTripsAVersionOneModelExactly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("v2.recg");
        ModelInfo info;
        float[] logits;
        try (TrainedModel model = ModelFile.load(V1)) {
            info = model.info();
            logits = logits(model, beats());
            ModelFile.save(model, file, false);
        }
        JsonObject json = JsonParser.parseString(modelJson(file)).getAsJsonObject();
        assertEquals(2, json.get("format_version").getAsInt());
        assertEquals("caslcnet", json.getAsJsonObject("network").get("architecture").getAsString());
        assertEquals("mart", json.getAsJsonObject("training").getAsJsonObject("loss").get("objective").getAsString());
        try (TrainedModel loaded = ModelFile.load(file)) {
            assertEquals(info, loaded.info());
            assertArrayEquals(logits, logits(loaded, beats()));
        }
    }

    @Test
    void versionTwoKeysAreTheSchemas(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.recg");
        try (TrainedModel model = TrainedModel.create(info(), 7)) {
            ModelFile.save(model, file, false);
        }
        JsonObject json = JsonParser.parseString(modelJson(file)).getAsJsonObject();
        assertEquals(Set.of("format", "format_version", "network", "class_names", "sampling_frequency", "lower", "upper",
                "preprocessing", "training", "history", "best_epoch"), json.keySet());
        assertEquals(Set.of("architecture", "classes", "leads", "length", "width_multiplier", "cas_stride", "head_depth",
                "leaky_slope", "channels_per_group"), json.getAsJsonObject("network").keySet());
        JsonObject training = json.getAsJsonObject("training");
        assertEquals(Set.of("loss", "epochs", "batch_size", "learning_rate", "epsilon", "attack_steps", "step_size",
                "lower", "upper", "p_start", "p_end", "p_fraction", "plateau_patience", "early_stopping",
                "robust_samples", "seed"), training.keySet());
        assertEquals(Set.of("objective", "alpha", "beta", "lambda", "mse_weight", "regularisation", "probe_step"),
                training.getAsJsonObject("loss").keySet());
        JsonObject epoch = json.getAsJsonArray("history").get(0).getAsJsonObject();
        assertEquals(Set.of("epoch", "train_loss", "train_accuracy", "validation_loss", "validation_accuracy",
                "robust_accuracy", "learning_rate", "p", "head_changed", "seconds"), epoch.keySet());
        // Strict JSON: numbers that are not finite are strings.
        assertEquals("NaN", epoch.get("validation_loss").getAsString());
        assertEquals("Infinity", epoch.get("p").getAsString());
        assertEquals(0.01f, json.getAsJsonObject("network").get("leaky_slope").getAsFloat());
    }

    @Test
    void aPortDescriptionReadsInEitherVersion() throws Exception {
        ModelInfo info = info();
        assertEquals(info, ModelFile.fromJson(ModelFile.toJson(info)));
        // What a KNIME port spec of version 1 held: the model file's description without the format keys.
        JsonObject old = JsonParser.parseString(modelJson(V1)).getAsJsonObject();
        old.remove("format");
        old.remove("format_version");
        assertEquals(ModelFile.info(V1), ModelFile.fromJson(old.toString()));
        String message = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.fromJson("{\"format_version\": 2, \"network\": {}}")).getMessage();
        assertTrue(message.contains("no 'network.architecture'"), message);
    }

    private static float[] parseFloats(String csv) {
        String[] cells = csv.trim().split("[,\\s]+");
        float[] values = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = Float.parseFloat(cells[i]);
        }
        return values;
    }

    @Test
    void savedModelPredictsExactlyTheSame(@TempDir Path dir) throws Exception {
        Dataset beats = beats();
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
            assertEquals(info(), loaded.info());
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
