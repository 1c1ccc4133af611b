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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.robustecg.io.EcgFormatException;
import org.robustecg.ops.AttackOperation;
import org.robustecg.ops.ChannelsOperation;
import org.robustecg.ops.DatasetOperation;
import org.robustecg.ops.Face;
import org.robustecg.ops.Parameter;
import org.robustecg.ops.Schema;
import org.robustecg.ops.ScoreOperation;
import org.robustecg.ops.TrainOperation;
import org.robustecg.ops.Values;
import org.robustecg.settings.FileNames;
import org.robustecg.settings.SettingRanges;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads study files, JSON or YAML (by extension), into a {@link StudySpec}. Each section holds one operation's
 * settings by the keys of its schema, the same keys the command line (in kebab case) and the KNIME nodes use,
 * with the same defaults and ranges; every key is optional but "models" and "attacks":
 * <pre>
 * name: demo
 * seed: 1                  # the seed of every section that does not set its own
 * data: {dataset: mitbih, split: random, test_fraction: 0.2, train_per_class: 400, test_per_class: 20}
 * # or: data: {dataset: cpsc2018, folder: data/cpsc2018, split: per-class, test_per_class: 50}
 * train: {epochs: 20, batch_size: 128, width: 0.25, balance: true, robust_samples: 0}   # every model's
 * models:
 *   - {name: resnet18-ce, architecture: resnet18, loss: ce}
 *   - {name: caslcnet-mart, architecture: caslcnet, loss: mart, alpha: 2, eps: 0.1, attack_steps: 10}
 * attacks:
 *   - {attack: ensemble, eps: [0.01, 0.03, 0.05, 0.1], steps: 20, queries: 1000}
 *   - {attack: pgd, eps: [0.01, 0.03, 0.05, 0.1], steps: 20}
 * score: {eps_max: 0.1}
 * channels: {eps: 0.1, steps: 20}   # leave out for no channel analysis
 * </pre>
 * With split "none" the study attacks its training items (a smoke test of the pipeline). An unknown key, value,
 * architecture, loss or attack is an error naming the file, the key and what is allowed; model names become file
 * names and may hold letters, digits, '.', '_', '-' and '+' only.
 */
public final class StudyFiles {

    /** YAML's .nan and .inf reach the range checks, which refuse them by name. */
    private static final Gson YAML_TREE = new com.google.gson.GsonBuilder().serializeSpecialFloatingPointValues()
            .create();

    /** Keys of earlier versions, with what replaced them. */
    private static final Map<String, String> RENAMED = Map.of(
            "eps_max", "score: {eps_max: ...}",
            "mitdb", "data.folder",
            "batch", "batch_size",
            "lr", "learning_rate",
            "kind", "attack");

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
        try {
            return parse(r, root, file);
        } catch (IllegalArgumentException e) {
            throw r.error(e.getMessage());
        }
    }

    private static StudySpec parse(Reader r, JsonObject root, Path file) throws EcgFormatException {
        r.allow(root, "study", List.of("name", "seed", "data", "train", "models", "attacks", "score", "channels"));
        if (root.has("channels") && !root.get("channels").isJsonObject()) {
            String radius = root.get("channels").toString();
            throw r.error("'channels: " + radius + "' is now channels: {eps: " + radius + "}");
        }
        int seed = root.has("seed") ? (int) SettingRanges.SEED.check("seed", r.number(root.get("seed"), "seed")) : 1;
        Values data = r.section(root, "data", DatasetOperation.SCHEMA, seed, Map.of());
        DatasetOperation.check(data);
        if (data.text("split").equals("inter-patient") && data.text("dataset").equals("cpsc2018")) {
            throw r.error("the inter-patient split (DS1/DS2) is for MIT-BIH");
        }
        Map<String, Object> common = r.given(root, "train", TrainOperation.SCHEMA);
        r.section(root, "train", TrainOperation.SCHEMA, seed, Map.of());
        List<StudySpec.ModelSpec> models = new ArrayList<>();
        JsonArray modelList = r.array(root, "models");
        for (int i = 0; i < modelList.size(); i++) {
            String at = "models[" + i + "]";
            JsonObject m = r.object(modelList.get(i), at);
            String name = m.has("name") ? r.text(m.remove("name"), at + ".name") : null;
            Values train = r.section(m, at, TrainOperation.SCHEMA, seed, common);
            name = FileNames.check(at + ".name", name != null ? name
                    : train.text("architecture") + "-" + train.text("loss"));
            for (StudySpec.ModelSpec other : models) {
                if (other.name().equals(name)) {
                    throw r.error(at + ".name '" + name + "' is used twice: every model needs its own name (its file "
                            + "name)");
                }
            }
            models.add(new StudySpec.ModelSpec(name, train.asMap()));
        }
        List<Map<String, Object>> attacks = new ArrayList<>();
        JsonArray attackList = r.array(root, "attacks");
        for (int i = 0; i < attackList.size(); i++) {
            String at = "attacks[" + i + "]";
            Values a = r.section(r.object(attackList.get(i), at), at, AttackOperation.SCHEMA, seed, Map.of());
            AttackOperation.check(a);
            attacks.add(a.asMap());
        }
        if (models.isEmpty() || attacks.isEmpty()) {
            throw r.error("a study needs at least one model and one attack");
        }
        Values score = r.section(root, "score", ScoreOperation.SCHEMA, seed, Map.of());
        Values channels = root.has("channels") ? r.section(root, "channels", ChannelsOperation.SCHEMA, seed, Map.of())
                : null;
        if (channels != null) {
            ChannelsOperation.check(channels);
        }
        String name = root.has("name") ? r.text(root.get("name"), "name") : file.getFileName().toString();
        return new StudySpec(name, seed, data.asMap(), models, attacks, score.asMap(),
                channels == null ? null : channels.asMap());
    }

    /** Typed access with errors naming the file and the key. */
    private record Reader(Path file) {

        void allow(JsonObject o, String what, List<String> known) throws EcgFormatException {
            for (String key : o.keySet()) {
                if (RENAMED.containsKey(key) && !known.contains(key)) {
                    throw error(what + " key '" + key + "' is now " + RENAMED.get(key));
                }
                if (!known.contains(key)) {
                    throw error("unknown " + what + " key '" + key + "' (allowed: " + String.join(", ", known) + ")");
                }
            }
        }

        /**
         * The operation's settings of a section (a key of {@code parent}, or {@code parent} itself for a list entry
         * named {@code at}): the section's values over {@code common}, the study's seed where the operation has one
         * and the section sets none, every other setting its default.
         */
        Values section(JsonObject parent, String at, Schema schema, int seed, Map<String, Object> common)
                throws EcgFormatException {
            boolean entry = at.endsWith("]");
            Map<String, Object> given = new LinkedHashMap<>();
            if (schema.keys(Face.STUDY).contains("seed")) {
                given.put("seed", seed);
            }
            given.putAll(common);
            given.putAll(entry ? values(parent, at, schema) : given(parent, at, schema));
            return Values.of(schema, Face.STUDY, given, p -> at + "." + p.key());
        }

        /** The values a section of {@code parent} gives ({} when absent). */
        Map<String, Object> given(JsonObject parent, String key, Schema schema) throws EcgFormatException {
            if (!parent.has(key)) {
                return Map.of();
            }
            return values(object(parent.get(key), key), key, schema);
        }

        private Map<String, Object> values(JsonObject o, String at, Schema schema) throws EcgFormatException {
            allow(o, at, schema.keys(Face.STUDY));
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : o.entrySet()) {
                Parameter p = schema.get(e.getKey());
                String where = at + "." + e.getKey();
                JsonElement v = e.getValue();
                if (v.isJsonNull()) {
                    continue;
                }
                if (p.type() == Parameter.Type.NUMBERS) {
                    if (!v.isJsonArray()) {
                        throw error("'" + where + "' must be a list of numbers");
                    }
                    List<Double> list = new ArrayList<>();
                    for (int k = 0; k < v.getAsJsonArray().size(); k++) {
                        list.add(number(v.getAsJsonArray().get(k), where + "[" + k + "]"));
                    }
                    values.put(e.getKey(), list);
                } else if (p.type() == Parameter.Type.INTEGER || p.type() == Parameter.Type.NUMBER) {
                    values.put(e.getKey(), number(v, where));
                } else if (p.type() == Parameter.Type.BOOLEAN) {
                    if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isBoolean()) {
                        throw error(where + " must be true or false, is " + v);
                    }
                    values.put(e.getKey(), v.getAsBoolean());
                } else {
                    values.put(e.getKey(), text(v, where));
                }
            }
            return values;
        }

        JsonObject object(JsonElement e, String key) throws EcgFormatException {
            if (!e.isJsonObject()) {
                throw error(key + " must be a mapping");
            }
            return e.getAsJsonObject();
        }

        JsonArray array(JsonObject o, String key) throws EcgFormatException {
            if (!o.has(key) || !o.get(key).isJsonArray()) {
                throw error("'" + key + "' must be a list");
            }
            return o.getAsJsonArray(key);
        }

        String text(JsonElement e, String where) throws EcgFormatException {
            if (!e.isJsonPrimitive()) {
                throw error("'" + where + "' must be a single value, is " + e);
            }
            return e.getAsString();
        }

        double number(JsonElement e, String where) throws EcgFormatException {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                return e.getAsDouble();
            }
            // JSON has no NaN or infinity, but a lenient parse reads them as words: the range check refuses them.
            if (e.isJsonPrimitive() && e.getAsString().matches("NaN|[-+]?Infinity")) {
                return Double.parseDouble(e.getAsString());
            }
            throw error(where + " must be a number, is " + e);
        }

        StudySettingsException error(String problem) {
            return new StudySettingsException(file, problem);
        }
    }
}
