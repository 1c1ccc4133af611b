package org.robustecg.node;

import java.util.List;
import java.util.Locale;
import org.robustecg.settings.Range;

/**
 * One setting of a node: its key (what settings.xml and flow variables use), the label a dialog shows, its
 * kind, default, allowed values or range, and the sentence the node description gives it.
 *
 * @param key          settings key, stable across versions
 * @param label        dialog label
 * @param kind         value kind
 * @param defaultValue Integer, Double, Boolean or String by kind
 * @param choices      allowed values of a CHOICE
 * @param min          smallest INTEGER or NUMBER value (the dialog's bound)
 * @param max          largest INTEGER or NUMBER value
 * @param description  what it does
 * @param range        the INTEGER or NUMBER values allowed, shared with the command line and study files
 *                     ({@link org.robustecg.settings.SettingRanges}); null for other kinds
 * @param zeroDefault  0 is also allowed and means "the default" (a value outside the range)
 */
public record Option(String key, String label, Kind kind, Object defaultValue, List<String> choices, double min,
        double max, String description, Range range, boolean zeroDefault) {

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
        new Checker(key, label, kind, choices, range, zeroDefault).check(defaultValue);
    }

    public static Option text(String key, String label, String def, String description) {
        return plain(key, label, Kind.TEXT, def, List.of(), description);
    }

    public static Option choice(String key, String label, String def, List<String> choices, String description) {
        return plain(key, label, Kind.CHOICE, def, choices, description);
    }

    /** A whole number in the shared range. */
    public static Option integer(String key, String label, int def, Range range, String description) {
        return ranged(key, label, Kind.INTEGER, def, range, false, description);
    }

    /** A whole number in the shared range, or 0 for the default the description names. */
    public static Option integerOrDefault(String key, String label, Range range, String description) {
        return ranged(key, label, Kind.INTEGER, 0, range, true, description);
    }

    /** Any int (a seed). */
    public static Option anyInteger(String key, String label, int def, String description) {
        return integer(key, label, def, Range.count(key, Integer.MIN_VALUE, Integer.MAX_VALUE, label), description);
    }

    /** A number in the shared range. */
    public static Option number(String key, String label, double def, Range range, String description) {
        return ranged(key, label, Kind.NUMBER, def, range, false, description);
    }

    /** A number in the shared range, or 0 for the default the description names. */
    public static Option numberOrDefault(String key, String label, Range range, String description) {
        return ranged(key, label, Kind.NUMBER, 0.0, range, true, description);
    }

    public static Option bool(String key, String label, boolean def, String description) {
        return plain(key, label, Kind.BOOLEAN, def, List.of(), description);
    }

    public static Option numbers(String key, String label, String def, String description) {
        return plain(key, label, Kind.NUMBERS, def, List.of(), description);
    }

    public static Option file(String key, String label, String description) {
        return plain(key, label, Kind.FILE, "", List.of(), description);
    }

    public static Option folder(String key, String label, String description) {
        return plain(key, label, Kind.FOLDER, "", List.of(), description);
    }

    private static Option plain(String key, String label, Kind kind, Object def, List<String> choices,
            String description) {
        return new Option(key, label, kind, def, choices, 0, 0, description, null, false);
    }

    private static Option ranged(String key, String label, Kind kind, Object def, Range range, boolean zeroDefault,
            String description) {
        double min = zeroDefault ? Math.min(0, range.min()) : range.min();
        return new Option(key, label, kind, def, List.of(), min, range.max(), description, range, zeroDefault);
    }

    /** Throws an error naming this setting when the value does not fit it. */
    public void check(Object value) {
        new Checker(key, label, kind, choices, range, zeroDefault).check(value);
    }

    /** The numbers of a NUMBERS value; empty text is an empty list. */
    public double[] parseNumbers(String text) {
        return new Checker(key, label, kind, choices, range, zeroDefault).parseNumbers(text);
    }

    /** Validation by the fields' values (usable while the record is being constructed). */
    private record Checker(String key, String label, Kind kind, List<String> choices, Range range,
            boolean zeroDefault) {

        public void check(Object value) {
            switch (kind) {
                case INTEGER -> {
                    if (!(value instanceof Integer i)) {
                        throw invalid(value, "a whole number");
                    }
                    if (!(zeroDefault && i == 0)) {
                        range.check(where(), i);
                    }
                }
                case NUMBER -> {
                    if (!(value instanceof Double d)) {
                        throw invalid(value, "a number");
                    }
                    if (!(zeroDefault && d == 0)) {
                        range.check(where(), d);
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

        private String where() {
            return String.format(Locale.ROOT, "setting '%s' (%s)", label, key);
        }

        private IllegalArgumentException invalid(Object value, String expected) {
            return new org.robustecg.settings.SettingException(String.format(Locale.ROOT, "%s is %s: must be %s",
                    where(), value, expected));
        }
    }
}
