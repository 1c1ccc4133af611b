package org.robustecg.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.robustecg.io.AtomicFiles;
import org.robustecg.io.EcgFormatException;
import org.robustecg.io.npz.NpyArray;
import org.robustecg.io.npz.Npz;

/**
 * The RobustECG model file ({@code .recg}): a zip holding {@code model.json} (format name and version, the
 * network settings, class names, expected input and preprocessing, training settings and history; see
 * {@link ModelJson}) and {@code parameters.bin} (DJL's parameter encoding). Written atomically in the current
 * format version; files of earlier versions are read, a file of a later version or a damaged file is refused with a
 * message naming it.
 */
public final class ModelFile {

    /** Written into every file; files of this version and the earlier ones are read. */
    public static final int FORMAT_VERSION = ModelJson.VERSION;
    private static final String METADATA = "model.json";
    private static final String PARAMETERS = "parameters.bin";

    private ModelFile() {
    }

    public static void save(TrainedModel model, Path file, boolean overwrite) throws IOException {
        JsonObject json = ModelJson.write(model.info());
        ByteArrayOutputStream parameters = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(parameters)) {
            model.network().saveParameters(out);
        }
        AtomicFiles.write(file, overwrite, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(METADATA));
            zip.write(ModelJson.GSON.toJson(json).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(PARAMETERS));
            parameters.writeTo(zip);
            zip.closeEntry();
            zip.finish();
        });
    }

    public static TrainedModel load(Path file) throws EcgFormatException {
        Map<String, byte[]> entries = entries(file);
        ModelInfo info = info(file, entries);
        TrainedModel model = TrainedModel.create(info, 0);
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(entries.get(PARAMETERS)))) {
            model.network().loadParameters(model.manager(), in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new EcgFormatException(file, PARAMETERS, "damaged or mismatched parameters: " + e.getMessage(), e);
        }
        return model;
    }

    /** A model description as JSON, as a model file holds it (what a KNIME model port spec stores). */
    public static String toJson(ModelInfo info) {
        return ModelJson.GSON.toJson(ModelJson.write(info));
    }

    /** A model description from {@link #toJson(ModelInfo)}, or as earlier versions wrote it (without a version). */
    public static ModelInfo fromJson(String json) {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            return ModelJson.read(o, o.has("format_version") ? o.get("format_version").getAsInt() : 1);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("damaged model description: " + EcgFormatException.reason(e), e);
        }
    }

    /** What the model file says about its model, without loading the weights (cheap: no engine needed). */
    public static ModelInfo info(Path file) throws EcgFormatException {
        return info(file, entries(file));
    }

    private static Map<String, byte[]> entries(Path file) throws EcgFormatException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (NoSuchFileException e) {
            throw new EcgFormatException(file, null, "model file not found");
        } catch (ZipException e) {
            throw new EcgFormatException(file, null, "not a RobustECG model file (not a zip archive)", e);
        } catch (IOException e) {
            throw new EcgFormatException(file, null, "cannot read model file: " + EcgFormatException.reason(e), e);
        }
        if (!entries.containsKey(METADATA) || !entries.containsKey(PARAMETERS)) {
            throw new EcgFormatException(file, null, "not a RobustECG model file (needs " + METADATA + " and "
                    + PARAMETERS + ")");
        }
        return entries;
    }

    private static ModelInfo info(Path file, Map<String, byte[]> entries) throws EcgFormatException {
        ModelInfo info;
        try {
            JsonObject json = JsonParser.parseString(new String(entries.get(METADATA), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            if (!json.has("format") || !ModelJson.FORMAT.equals(json.get("format").getAsString())) {
                throw new EcgFormatException(file, METADATA, "not a RobustECG model file");
            }
            int version = json.get("format_version").getAsInt();
            if (version < 1 || version > FORMAT_VERSION) {
                throw new EcgFormatException(file, METADATA, "model file format version " + version
                        + "; this RobustECG reads versions 1 to " + FORMAT_VERSION);
            }
            info = ModelJson.read(json, version);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
                | UnsupportedOperationException e) {
            throw new EcgFormatException(file, METADATA, "damaged model description: " + EcgFormatException.reason(e), e);
        }
        return info;
    }

    /**
     * The weights as a numpy {@code .npz}: one float32 array per parameter, named by its path in the network,
     * e.g. {@code stem_weight} [64, 1, 11], {@code block0_conv1_weight}, {@code block0_norm1_gamma},
     * {@code cas0_weight} [classes, 512], {@code head_layer0_weight} [512, 512], {@code head_layer0_running_mean}.
     */
    public static void exportNpz(TrainedModel model, Path file, boolean overwrite) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (var pair : model.network().getParameters()) {
            Parameter p = pair.getValue();
            int[] shape = java.util.Arrays.stream(p.getArray().getShape().getShape()).mapToInt(d -> (int) d).toArray();
            // DJL numbers child blocks ("03block0_01conv1_weight"); the export drops those numbers.
            String name = pair.getKey().replaceAll("(?<=^|_)\\d{2}(?=[a-z])", "");
            arrays.put(name, NpyArray.of(p.getArray().toType(DataType.FLOAT32, false).toFloatArray(), shape));
        }
        Npz.write(file, arrays, overwrite);
    }
}
