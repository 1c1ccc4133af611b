package org.robustecg.node;

import java.util.List;
import java.util.Locale;

/**
 * One setting of a node: its key (what settings.xml and flow variables use), the label a dialog shows, its
 * kind, default, allowed values or range, and the sentence the node description gives it.
 *
 * @param key          settings key, stable across versions
 * @param label        dialog label
 * @param kind         value kind
 * @param defaultValue Integer, Double, Boolean or String by kind
 * @param choices      allowed values of a CHOICE
 * @param min          smallest INTEGER or NUMBER value
 * @param max          largest INTEGER or NUMBER value
 * @param description  what it does
 */
public record Option(String key, String label, Kind kind, Object defaultValue, List<String> choices, double min,
        double max, String description) {

    /** What kind of value a setting holds. */
    public enum Kind {
        TEXT, CHOICE, INTEGER, NUMBER, BOOLEAN,
        /** Comma-separated numbers, e.g. an eps grid. */
        NUMBERS,
        /** A file to read or write. */
        FILE,
        /** A folder to read. */
        FOLDER
    }

    public Option {
        choices = List.copyOf(choices);
        new Checker(key, label, kind, choices, min, max).check(defaultValue);
    }

    public static Option text(String key, String label, String def, String description) {
        return new Option(key, label, Kind.TEXT, def, List.of(), 0, 0, description);
    }

    public static Option choice(String key, String label, String def, List<String> choices, String description) {
        return new Option(key, label, Kind.CHOICE, def, choices, 0, 0, description);
    }

    public static Option integer(String key, String label, int def, int min, int max, String description) {
        return new Option(key, label, Kind.INTEGER, def, List.of(), min, max, description);
    }

    public static Option number(String key, String label, double def, double min, double max, String description) {
        return new Option(key, label, Kind.NUMBER, def, List.of(), min, max, description);
    }

    public static Option bool(String key, String label, boolean def, String description) {
        return new Option(key, label, Kind.BOOLEAN, def, List.of(), 0, 0, description);
    }

    public static Option numbers(String key, String label, String def, String description) {
        return new Option(key, label, Kind.NUMBERS, def, List.of(), 0, 0, description);
    }

    public static Option file(String key, String label, String description) {
        return new Option(key, label, Kind.FILE, "", List.of(), 0, 0, description);
    }

    public static Option folder(String key, String label, String description) {
        return new Option(key, label, Kind.FOLDER, "", List.of(), 0, 0, description);
    }

    /** Throws an error naming this setting when the value does not fit it. */
    public void check(Object value) {
        new Checker(key, label, kind, choices, min, max).check(value);
    }

    /** The numbers of a NUMBERS value; empty text is an empty list. */
    public double[] parseNumbers(String text) {
        return new Checker(key, label, kind, choices, min, max).parseNumbers(text);
    }

    /** Validation by the fields' values (usable while the record is being constructed). */
    private record Checker(String key, String label, Kind kind, List<String> choices, double min, double max) {

        public void check(Object value) {
            switch (kind) {
                case INTEGER -> {
                    if (!(value instanceof Integer i) || i < min || i > max) {
                        throw invalid(value, "a whole number in [" + (long) min + ", " + (long) max + "]");
                    }
                }
                case NUMBER -> {
                    if (!(value instanceof Double d) || !(d >= min && d <= max)) {
                        throw invalid(value, "a number in [" + min + ", " + max + "]");
                    }
                }
                case BOOLEAN -> {
                    if (!(value instanceof Boolean)) {
                        throw invalid(value, "true or false");
                    }
                }
                case CHOICE -> {
                    if (!(value instanceof String s) || !choices.contains(s)) {
                        throw invalid(value, "one of " + String.join(", ", choices));
                    }
                }
                case NUMBERS -> {
                    if (!(value instanceof String s)) {
                        throw invalid(value, "comma-separated numbers");
                    }
                    parseNumbers(s);
                }
                default -> {
                    if (!(value instanceof String)) {
                        throw invalid(value, "text");
                    }
                }
            }
        }

        /** The numbers of a NUMBERS value; empty text is an empty list. */
        public double[] parseNumbers(String text) {
            if (text.isBlank()) {
                return new double[0];
            }
            String[] parts = text.split(",");
            double[] values = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    values[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw invalid(text, "comma-separated numbers ('" + parts[i].strip() + "' is not a number)");
                }
                if (!Double.isFinite(values[i])) {
                    throw invalid(text, "finite numbers");
                }
            }
            return values;
        }

        private IllegalArgumentException invalid(Object value, String expected) {
            return new IllegalArgumentException(String.format(Locale.ROOT, "setting '%s' (%s) must be %s, is %s", label, key,
                    expected, value));
        }
    }
}
