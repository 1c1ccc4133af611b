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
import org.robustecg.train.Objective;
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
 * Unknown keys, architectures, losses and attacks are errors naming the file.
 */
public final class StudyFiles {

    private StudyFiles() {
    }

    public static StudySpec read(Path file) throws EcgFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new EcgFormatException(file, null, "study file not found");
        } catch (IOException e) {
            throw new EcgFormatException(file, null, "cannot read: " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** Parses study text; YAML unless the file name ends in .json. */
    public static StudySpec parse(Path file, String text) throws EcgFormatException {
        JsonObject root;
        try {
            JsonElement tree = file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JsonParser.parseString(text)
                    : new Gson().toJsonTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
            if (tree == null || !tree.isJsonObject()) {
                throw new EcgFormatException(file, null, "a study file is a mapping of keys to values");
            }
            root = tree.getAsJsonObject();
        } catch (JsonParseException | YAMLException e) {
            throw new EcgFormatException(file, null, "not valid " + (file.toString().endsWith(".json") ? "JSON" : "YAML")
                    + ": " + e.getMessage(), e);
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
                r.number(data, "test_fraction", 0.2), (int) r.number(data, "train_per_class", 400),
                (int) r.number(data, "test_per_class", 20), (int) r.number(data, "crop_length", 30720),
                (int) r.number(data, "padded_length", 33792));
        boolean cpsc = dataSpec.cpsc();
        List<StudySpec.ModelSpec> models = new ArrayList<>();
        for (JsonElement e : r.array(root, "models")) {
            JsonObject m = r.object(e, "models[]");
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
            models.add(new StudySpec.ModelSpec(r.text(m, "name", architecture + "-" + loss), architecture, loss,
                    r.number(m, "alpha", 2), (int) r.number(m, "epochs", 20), (int) r.number(m, "batch", cpsc ? 64 : 128),
                    r.number(m, "lr", cpsc ? 1e-4 : 1e-3), r.number(m, "width", 0.25), r.number(m, "eps", cpsc ? 0.01 : 0.1),
                    (int) r.number(m, "attack_steps", 10)));
        }
        List<StudySpec.AttackSpec> attacks = new ArrayList<>();
        for (JsonElement e : r.array(root, "attacks")) {
            JsonObject a = r.object(e, "attacks[]");
            r.allow(a, "attack", "kind", "eps", "steps", "queries");
            String kind = r.text(a, "kind", "pgd");
            try {
                AttackKind.ofCliName(kind);
            } catch (IllegalArgumentException ex) {
                throw r.error(ex.getMessage());
            }
            List<Double> eps = new ArrayList<>();
            for (JsonElement v : r.array(a, "eps")) {
                eps.add(v.getAsDouble());
            }
            int queries = (int) r.number(a, "queries", 0);
            if (queries < 0) {
                throw r.error("attack " + kind + ": queries is " + queries + "; allowed: 0 (the default, 5000) or more");
            }
            attacks.add(new StudySpec.AttackSpec(kind, eps, (int) r.number(a, "steps", 0), queries));
        }
        if (models.isEmpty() || attacks.isEmpty()) {
            throw r.error("a study needs at least one model and one attack");
        }
        return new StudySpec(r.text(root, "name", file.getFileName().toString()), (long) r.number(root, "seed", 1),
                dataSpec, models, attacks, r.number(root, "eps_max", 0.1), r.number(root, "channels", 0));
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

        String text(JsonObject o, String key, String fallback) {
            return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : fallback;
        }

        double number(JsonObject o, String key, double fallback) throws EcgFormatException {
            if (!o.has(key)) {
                return fallback;
            }
            try {
                return o.get(key).getAsDouble();
            } catch (NumberFormatException | IllegalStateException | UnsupportedOperationException e) {
                throw error("'" + key + "' must be a number, is " + o.get(key));
            }
        }

        EcgFormatException error(String problem) {
            return new EcgFormatException(file, null, problem);
        }
    }
}
