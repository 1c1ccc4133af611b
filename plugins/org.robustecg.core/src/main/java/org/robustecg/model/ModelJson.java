package org.robustecg.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.robustecg.objective.LossSettings;
import org.robustecg.objective.Objective;

/**
 * The {@code model.json} of a model file: a model's description under key names of its own, so that renaming a Java
 * field cannot change the file format. Version 2 (written) spells keys in snake case and names architectures and
 * losses as the command line does; version 1 (read only) was Gson's reflection over the records of the time: the
 * same fields, keys in camel case, the network under {@code settings}, enum constants ({@code CASLCNET}, {@code
 * PGD_AT}) and bare NaN / Infinity. Version 2 writes a number that is not finite as the string {@code "NaN"},
 * {@code "Infinity"} or {@code "-Infinity"}, which strict JSON parsers accept and Python's {@code float()} reads.
 *
 * <pre>
 * format, format_version                      "robustecg-model", 2
 * network       architecture, classes, leads, length, width_multiplier, cas_stride, head_depth, leaky_slope,
 *               channels_per_group
 * class_names, sampling_frequency, lower, upper, preprocessing
 * training      (absent if not trained here) loss {objective, alpha, beta, lambda, mse_weight, regularisation,
 *               probe_step}, epochs, batch_size, learning_rate, epsilon, attack_steps, step_size, lower, upper,
 *               p_start, p_end, p_fraction, plateau_patience, early_stopping, robust_samples, seed
 * history       [{epoch, train_loss, train_accuracy, validation_loss, validation_accuracy, robust_accuracy,
 *               learning_rate, p, head_changed (absent if not recorded), seconds}]
 * best_epoch
 * </pre>
 */
final class ModelJson {

    static final String FORMAT = "robustecg-model";
    static final int VERSION = 2;
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private ModelJson() {
    }

    /** The description in the current version, with the format name and version. */
    static JsonObject write(ModelInfo info) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("format_version", VERSION);
        ModelSettings s = info.settings();
        JsonObject network = new JsonObject();
        network.addProperty("architecture", s.architecture().cliName());
        network.addProperty("classes", s.classes());
        network.addProperty("leads", s.leads());
        network.addProperty("length", s.length());
        network.add("width_multiplier", number(s.widthMultiplier()));
        network.addProperty("cas_stride", s.casStride());
        network.addProperty("head_depth", s.headDepth());
        network.add("leaky_slope", number(s.leakySlope()));
        network.addProperty("channels_per_group", s.channelsPerGroup());
        o.add("network", network);
        JsonArray classes = new JsonArray();
        info.classNames().forEach(classes::add);
        o.add("class_names", classes);
        o.add("sampling_frequency", number(info.samplingFrequency()));
        o.add("lower", number(info.lower()));
        o.add("upper", number(info.upper()));
        o.addProperty("preprocessing", info.preprocessing());
        info.training().ifPresent(t -> o.add("training", training(t)));
        JsonArray history = new JsonArray();
        for (EpochRecord r : info.history()) {
            JsonObject e = new JsonObject();
            e.addProperty("epoch", r.epoch());
            e.add("train_loss", number(r.trainLoss()));
            e.add("train_accuracy", number(r.trainAccuracy()));
            e.add("validation_loss", number(r.validationLoss()));
            e.add("validation_accuracy", number(r.validationAccuracy()));
            e.add("robust_accuracy", number(r.robustAccuracy()));
            e.add("learning_rate", number(r.learningRate()));
            e.add("p", number(r.p()));
            if (r.headChanged() != null) {
                JsonArray shares = new JsonArray();
                r.headChanged().forEach(v -> shares.add(number(v)));
                e.add("head_changed", shares);
            }
            e.add("seconds", number(r.seconds()));
            history.add(e);
        }
        o.add("history", history);
        o.addProperty("best_epoch", info.bestEpoch());
        return o;
    }

    private static JsonObject training(TrainSettings t) {
        LossSettings l = t.loss();
        JsonObject loss = new JsonObject();
        loss.addProperty("objective", l.objective().cliName());
        loss.add("alpha", number(l.alpha()));
        loss.add("beta", number(l.beta()));
        loss.add("lambda", number(l.lambda()));
        loss.add("mse_weight", number(l.mseWeight()));
        loss.add("regularisation", number(l.regularisation()));
        loss.add("probe_step", number(l.probeStep()));
        JsonObject o = new JsonObject();
        o.add("loss", loss);
        o.addProperty("epochs", t.epochs());
        o.addProperty("batch_size", t.batchSize());
        o.add("learning_rate", number(t.learningRate()));
        o.add("epsilon", number(t.epsilon()));
        o.addProperty("attack_steps", t.attackSteps());
        o.add("step_size", number(t.stepSize()));
        o.add("lower", number(t.lower()));
        o.add("upper", number(t.upper()));
        o.add("p_start", number(t.pStart()));
        o.add("p_end", number(t.pEnd()));
        o.add("p_fraction", number(t.pFraction()));
        o.addProperty("plateau_patience", t.plateauPatience());
        o.addProperty("early_stopping", t.earlyStopping());
        o.addProperty("robust_samples", t.robustSamples());
        o.addProperty("seed", t.seed());
        return o;
    }

    /** A finite number as a JSON number, any other as a string that {@link Double#parseDouble} reads. */
    private static JsonPrimitive number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : new JsonPrimitive(Double.toString(v));
    }

    /** A float as written by its own shortest decimal (0.01f as 0.01, not 0.009999999776482582). */
    private static JsonPrimitive number(float v) {
        return Float.isFinite(v) ? new JsonPrimitive(v) : new JsonPrimitive(Float.toString(v));
    }

    /**
     * The description in a {@code model.json} of the given version (1 or 2).
     *
     * @throws IllegalArgumentException naming the missing or wrong key
     */
    static ModelInfo read(JsonObject o, int version) {
        Reader r = new Reader(version);
        JsonObject n = r.object(o, "network", "");
        ModelSettings settings = new ModelSettings(r.architecture(n, "network."), r.integer(n, "classes", "network."),
                r.integer(n, "leads", "network."), r.integer(n, "length", "network."),
                r.number(n, "width_multiplier", "network."), r.integer(n, "cas_stride", "network."),
                r.integer(n, "head_depth", "network."), (float) r.number(n, "leaky_slope", "network."),
                r.integer(n, "channels_per_group", "network."));
        List<String> classNames = new ArrayList<>();
        for (JsonElement e : r.array(o, "class_names", "")) {
            classNames.add(e.getAsString());
        }
        Optional<TrainSettings> training = r.has(o, "training")
                ? Optional.of(r.training(r.object(o, "training", ""))) : Optional.empty();
        List<EpochRecord> history = new ArrayList<>();
        if (r.has(o, "history")) {
            JsonArray epochs = r.array(o, "history", "");
            for (int i = 0; i < epochs.size(); i++) {
                history.add(r.epoch(epochs.get(i).getAsJsonObject(), "history[" + i + "]."));
            }
        }
        return new ModelInfo(settings, classNames, r.number(o, "sampling_frequency", ""),
                (float) r.number(o, "lower", ""), (float) r.number(o, "upper", ""), r.text(o, "preprocessing", ""),
                training, history, r.integer(o, "best_epoch", ""));
    }

    /** Reads values by their version-2 keys from a description of either version. */
    private record Reader(int version) {

        /** The key in this version: version 1 named the network "settings" and spelled keys in camel case. */
        String key(String name) {
            if (version >= 2) {
                return name;
            }
            if (name.equals("network")) {
                return "settings";
            }
            StringBuilder camel = new StringBuilder();
            for (String part : name.split("_")) {
                camel.append(camel.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
            }
            return camel.toString();
        }

        boolean has(JsonObject o, String name) {
            return o.has(key(name)) && !o.get(key(name)).isJsonNull();
        }

        JsonElement get(JsonObject o, String name, String at) {
            if (!has(o, name)) {
                throw new IllegalArgumentException("no '" + at + key(name) + "'");
            }
            return o.get(key(name));
        }

        JsonObject object(JsonObject o, String name, String at) {
            JsonElement e = get(o, name, at);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("'" + at + key(name) + "' is not an object");
            }
            return e.getAsJsonObject();
        }

        JsonArray array(JsonObject o, String name, String at) {
            JsonElement e = get(o, name, at);
            if (!e.isJsonArray()) {
                throw new IllegalArgumentException("'" + at + key(name) + "' is not a list");
            }
            return e.getAsJsonArray();
        }

        String text(JsonObject o, String name, String at) {
            return get(o, name, at).getAsString();
        }

        double number(JsonObject o, String name, String at) {
            return value(get(o, name, at), at + key(name));
        }

        int integer(JsonObject o, String name, String at) {
            double v = number(o, name, at);
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("'" + at + key(name) + "' is " + v + ", not a whole number");
            }
            return (int) v;
        }

        long whole(JsonObject o, String name, String at) {
            try {
                return Long.parseLong(get(o, name, at).getAsString());
            } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException ex) {
                throw new IllegalArgumentException("'" + at + key(name) + "' is not a whole number");
            }
        }

        static double value(JsonElement e, String where) {
            try {
                return Double.parseDouble(e.getAsString());
            } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException ex) {
                throw new IllegalArgumentException("'" + where + "' is not a number");
            }
        }

        Architecture architecture(JsonObject o, String at) {
            String name = text(o, "architecture", at);
            return version >= 2 ? Architecture.ofCliName(name) : Architecture.valueOf(name);
        }

        TrainSettings training(JsonObject t) {
            String at = "training.";
            JsonObject l = object(t, "loss", at);
            String loss = at + key("loss") + ".";
            String objective = text(l, "objective", loss);
            LossSettings lossSettings = new LossSettings(version >= 2 ? Objective.ofCliName(objective)
                    : Objective.valueOf(objective), number(l, "alpha", loss), number(l, "beta", loss),
                    number(l, "lambda", loss), number(l, "mse_weight", loss), number(l, "regularisation", loss),
                    number(l, "probe_step", loss));
            return new TrainSettings(lossSettings, integer(t, "epochs", at), integer(t, "batch_size", at),
                    number(t, "learning_rate", at), number(t, "epsilon", at), integer(t, "attack_steps", at),
                    number(t, "step_size", at), (float) number(t, "lower", at), (float) number(t, "upper", at),
                    number(t, "p_start", at), number(t, "p_end", at), number(t, "p_fraction", at),
                    integer(t, "plateau_patience", at), integer(t, "early_stopping", at),
                    integer(t, "robust_samples", at), whole(t, "seed", at));
        }

        EpochRecord epoch(JsonObject e, String at) {
            List<Double> headChanged = null;
            if (has(e, "head_changed")) {
                headChanged = new ArrayList<>();
                JsonArray shares = array(e, "head_changed", at);
                for (int i = 0; i < shares.size(); i++) {
                    headChanged.add(value(shares.get(i), at + key("head_changed") + "[" + i + "]"));
                }
            }
            return new EpochRecord(integer(e, "epoch", at), number(e, "train_loss", at), number(e, "train_accuracy", at),
                    number(e, "validation_loss", at), number(e, "validation_accuracy", at),
                    number(e, "robust_accuracy", at), number(e, "learning_rate", at), number(e, "p", at), headChanged,
                    number(e, "seconds", at));
        }
    }
}
