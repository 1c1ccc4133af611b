package org.robustecg.study;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.robustecg.attack.AttackKind;
import org.robustecg.io.EcgFormatException;
import org.robustecg.model.Architecture;
import org.robustecg.objective.Objective;
import org.robustecg.settings.FileNames;
import org.robustecg.settings.Range;
import org.robustecg.settings.SettingRanges;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads study files, JSON or YAML (by extension), into a {@link StudySpec}. Layout (every key optional but
 * "models" and "attacks"):
 * <pre>
 * name: demo
 * seed: 1
 * data: {dataset: mitbih, folder: ../shared/data/mitdb, split: random, test_fraction: 0.2, train_per_class: 400,
 *        test_per_class: 20}
 * # or: data: {dataset: cpsc2018, folder: data/cpsc2018, split: per-class, test_per_class: 50}
 * models:
 *   - {name: resnet18-ce, architecture: resnet18, loss: ce, epochs: 20, batch: 128, lr: 0.001, width: 0.25}
 *   - {name: caslcnet-mart, architecture: caslcnet, loss: mart, alpha: 2, eps: 0.1, attack_steps: 10}
 * attacks:
 *   - {kind: ensemble, eps: [0.01, 0.03, 0.05, 0.1], steps: 20, queries: 1000}
 *   - {kind: pgd, eps: [0.01, 0.03, 0.05, 0.1], steps: 20}
 * eps_max: 0.1
 * channels: 0.1
 * </pre>
 * Unknown keys, architectures, losses and attacks are errors naming the file, and every number must lie in
 * the range the command line and the nodes allow ({@link SettingRanges}); model names become file names and
 * may hold letters, digits, '.', '_', '-' and '+' only.
 */
public final class StudyFiles {

    /** YAML's .nan and .inf reach the range checks, which refuse them by name. */
    private static final Gson YAML_TREE = new com.google.gson.GsonBuilder().serializeSpecialFloatingPointValues()
            .create();

    private static final Range SEED = Range.count("study.seed", Long.MIN_VALUE, Long.MAX_VALUE, "a seed");

    private StudyFiles() {
    }

    public static StudySpec read(Path file) throws EcgFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new EcgFormatException(file, null, "study file not found");
        } catch (IOException e) {
            throw EcgFormatException.unreadable(file, e);
        }
        return parse(file, text);
    }

    /** Parses study text; YAML unless the file name ends in .json. */
    public static StudySpec parse(Path file, String text) throws EcgFormatException {
        JsonObject root;
        try {
            JsonElement tree = file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JsonParser.parseString(text)
                    : YAML_TREE.toJsonTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
            if (tree == null || !tree.isJsonObject()) {
                throw new EcgFormatException(file, null, "a study file is a mapping of keys to values");
            }
            root = tree.getAsJsonObject();
        } catch (JsonParseException | YAMLException e) {
            throw new EcgFormatException(file, null, "not valid " + (file.toString().endsWith(".json") ? "JSON" : "YAML")
                    + ": " + EcgFormatException.reason(e), e);
        }
        Reader r = new Reader(file);
        r.allow(root, "study", "name", "seed", "data", "models", "attacks", "eps_max", "channels");
        JsonObject data = root.has("data") ? r.object(root, "data") : new JsonObject();
        r.allow(data, "data", "dataset", "folder", "mitdb", "reference", "split", "test_fraction", "train_per_class",
                "test_per_class", "crop_length", "padded_length");
        String dataset = r.text(data, "dataset", "mitbih");
        if (!dataset.equals("mitbih") && !dataset.equals("cpsc2018")) {
            throw r.error("data.dataset is mitbih or cpsc2018, not " + dataset);
        }
        String split = r.text(data, "split", "random");
        if (!List.of("random", "inter-patient", "per-class", "none").contains(split)) {
            throw r.error("data.split is random, inter-patient, per-class or none, not " + split);
        }
        if (split.equals("inter-patient") && dataset.equals("cpsc2018")) {
            throw r.error("the inter-patient split (DS1/DS2) is for MIT-BIH");
        }
        String folder = r.text(data, "folder", r.text(data, "mitdb", dataset.equals("mitbih") ? "../shared/data/mitdb"
                : "../shared/data/cpsc2018/cinc2020"));
        StudySpec.DataSpec dataSpec = new StudySpec.DataSpec(dataset, folder, r.text(data, "reference", ""), split,
                r.number(data, "data.test_fraction", 0.2, SettingRanges.TEST_FRACTION, false),
                (int) r.number(data, "data.train_per_class", 400, SettingRanges.PER_CLASS, true),
                (int) r.number(data, "data.test_per_class", 20, SettingRanges.PER_CLASS, true),
                (int) r.number(data, "data.crop_length", 30720, SettingRanges.CROP_LENGTH, false),
                (int) r.number(data, "data.padded_length", 33792, SettingRanges.PADDED_LENGTH, false));
        if (dataSpec.cropLength() > dataSpec.paddedLength()) {
            throw r.error("data.crop_length " + dataSpec.cropLength() + " is above data.padded_length "
                    + dataSpec.paddedLength() + ": a recording is cropped, then padded");
        }
        boolean cpsc = dataSpec.cpsc();
        List<StudySpec.ModelSpec> models = new ArrayList<>();
        JsonArray modelList = r.array(root, "models");
        for (int i = 0; i < modelList.size(); i++) {
            String at = "models[" + i + "].";
            JsonObject m = r.object(modelList.get(i), "models[" + i + "]");
            r.allow(m, "model", "name", "architecture", "loss", "alpha", "epochs", "batch", "lr", "width", "eps",
                    "attack_steps");
            String architecture = r.text(m, "architecture", "caslcnet");
            String loss = r.text(m, "loss", "mart");
            try {
                Architecture.ofCliName(architecture);
                Objective.ofCliName(loss);
            } catch (IllegalArgumentException ex) {
                throw r.error(ex.getMessage());
            }
            String name = r.text(m, "name", architecture + "-" + loss);
            try {
                FileNames.check(at + "name", name);
            } catch (IllegalArgumentException ex) {
                throw r.error(ex.getMessage());
            }
            if (models.stream().anyMatch(other -> other.name().equals(name))) {
                throw r.error(at + "name '" + name + "' is used twice: every model needs its own name (its file name)");
            }
            models.add(new StudySpec.ModelSpec(name, architecture, loss,
                    r.number(m, at + "alpha", 2, SettingRanges.ALPHA, false),
                    (int) r.number(m, at + "epochs", 20, SettingRanges.EPOCHS, false),
                    (int) r.number(m, at + "batch", cpsc ? 64 : 128, SettingRanges.BATCH, false),
                    r.number(m, at + "lr", cpsc ? 1e-4 : 1e-3, SettingRanges.LEARNING_RATE, false),
                    r.number(m, at + "width", 0.25, SettingRanges.WIDTH, false),
                    r.number(m, at + "eps", cpsc ? 0.01 : 0.1, SettingRanges.TRAINING_RADIUS, false),
                    (int) r.number(m, at + "attack_steps", 10, SettingRanges.TRAINING_STEPS, false)));
        }
        List<StudySpec.AttackSpec> attacks = new ArrayList<>();
        JsonArray attackList = r.array(root, "attacks");
        for (int i = 0; i < attackList.size(); i++) {
            String at = "attacks[" + i + "].";
            JsonObject a = r.object(attackList.get(i), "attacks[" + i + "]");
            r.allow(a, "attack", "kind", "eps", "steps", "queries");
            String kind = r.text(a, "kind", "pgd");
            double[] radii;
            try {
                JsonArray list = r.array(a, "eps");
                radii = new double[list.size()];
                for (int k = 0; k < radii.length; k++) {
                    radii[k] = r.number(list.get(k), at + "eps[" + k + "]");
                }
                radii = AttackKind.ofCliName(kind).radii(at + "eps", radii);
            } catch (IllegalArgumentException ex) {
                throw r.error(ex.getMessage());
            }
            attacks.add(new StudySpec.AttackSpec(kind, java.util.Arrays.stream(radii).boxed().toList(),
                    (int) r.number(a, at + "steps", 0, SettingRanges.ATTACK_STEPS, true),
                    (int) r.number(a, at + "queries", 0, SettingRanges.QUERIES, true)));
        }
        if (models.isEmpty() || attacks.isEmpty()) {
            throw r.error("a study needs at least one model and one attack");
        }
        return new StudySpec(r.text(root, "name", file.getFileName().toString()),
                (long) r.number(root, "seed", 1, SEED, false), dataSpec, models, attacks,
                r.number(root, "eps_max", 0.1, SettingRanges.EPS_MAX, false),
                r.number(root, "channels", 0, SettingRanges.RADIUS, true));
    }

    /** Typed access with errors naming the file and the key. */
    private record Reader(Path file) {

        void allow(JsonObject o, String what, String... keys) throws EcgFormatException {
            List<String> known = List.of(keys);
            for (String key : o.keySet()) {
                if (!known.contains(key)) {
                    throw error("unknown " + what + " key '" + key + "' (known: " + String.join(", ", known) + ")");
                }
            }
        }

        JsonObject object(JsonElement e, String key) throws EcgFormatException {
            if (!e.isJsonObject()) {
                throw error(key + " must be a mapping");
            }
            return e.getAsJsonObject();
        }

        JsonObject object(JsonObject o, String key) throws EcgFormatException {
            return object(o.get(key), key);
        }

        JsonArray array(JsonObject o, String key) throws EcgFormatException {
            if (!o.has(key) || !o.get(key).isJsonArray()) {
                throw error("'" + key + "' must be a list");
            }
            return o.getAsJsonArray(key);
        }

        String text(JsonObject o, String key, String fallback) throws EcgFormatException {
            if (!o.has(key) || o.get(key).isJsonNull()) {
                return fallback;
            }
            if (!o.get(key).isJsonPrimitive()) {
                throw error("'" + key + "' must be a single value, is " + o.get(key));
            }
            return o.get(key).getAsString();
        }

        /**
         * The number at {@code path} (its last part is the key in {@code o}), or the fallback when absent; it must
         * lie in the range, or be 0 when {@code zeroAllowed} (the study's "default" or "none" marker).
         */
        double number(JsonObject o, String path, double fallback, Range range, boolean zeroAllowed)
                throws EcgFormatException {
            String key = path.substring(path.lastIndexOf('.') + 1);
            if (!o.has(key)) {
                return fallback;
            }
            double v = number(o.get(key), path);
            try {
                return zeroAllowed ? range.checkOr(0, path, v) : range.check(path, v);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage() + (zeroAllowed ? ", or 0" : ""));
            }
        }

        double number(JsonElement e, String path) throws EcgFormatException {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                return e.getAsDouble();
            }
            // JSON has no NaN or infinity, but a lenient parse reads them as words: the range check refuses them.
            if (e.isJsonPrimitive() && e.getAsString().matches("NaN|[-+]?Infinity")) {
                return Double.parseDouble(e.getAsString());
            }
            throw error(path + " must be a number, is " + e);
        }

        EcgFormatException error(String problem) {
            return new EcgFormatException(file, null, problem);
        }
    }
}
