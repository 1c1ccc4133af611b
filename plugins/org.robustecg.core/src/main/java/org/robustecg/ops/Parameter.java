package org.robustecg.ops;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.robustecg.settings.Range;

/**
 * One setting of an operation, declared once: its key (the study-file key, the KNIME settings and flow-variable
 * key, the JSON key; the command line's flag is the key in kebab case), the label a dialog shows, its type, its
 * default, the values it allows, its unit and the sentence that explains it.
 *
 * <p>A setting without a default is optional: absent means "not set", and the description says what the
 * operation then does (e.g. the paper's batch size for the data's kind). Absent is the only way to say "unset":
 * a study file leaves the key out, the command line leaves the option out, a KNIME node leaves the field empty.
 *
 * @param key          snake_case name, stable across versions
 * @param label        dialog label
 * @param type         value type
 * @param defaultValue Integer, Double, Boolean or String by type; null for an optional setting
 * @param choices      allowed values of a CHOICE
 * @param range        the INTEGER or NUMBER values allowed ({@link org.robustecg.settings.SettingRanges}); null for
 *                     other types
 * @param unit         unit of a number ("" for none), e.g. "input units", "Hz", "items"
 * @param description  what it does
 * @param faces        where it is offered
 * @param several      a CHOICE that the command line accepts as a comma-separated list (one run per value)
 */
public record Parameter(String key, String label, Type type, Object defaultValue, List<String> choices, Range range,
        String unit, String description, Set<Face> faces, boolean several) {

    /** What a setting holds. */
    public enum Type {
        TEXT, CHOICE, INTEGER, NUMBER, BOOLEAN,
        /** Comma-separated numbers (a list in a study file), e.g. a radius grid. */
        NUMBERS,
        /** A file to read or write. */
        FILE,
        /** A folder to read. */
        FOLDER
    }

    public Parameter {
        if (!key.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a parameter key is snake_case: " + key);
        }
        choices = List.copyOf(choices);
        faces = Set.copyOf(faces);
        if ((type == Type.INTEGER || type == Type.NUMBER) != (range != null)) {
            throw new IllegalArgumentException(key + ": numbers, and only numbers, have a range");
        }
    }

    public static Parameter text(String key, String label, String def, String description) {
        return of(key, label, Type.TEXT, def, List.of(), null, "", description);
    }

    public static Parameter choice(String key, String label, String def, List<String> choices, String description) {
        return of(key, label, Type.CHOICE, def, choices, null, "", description);
    }

    public static Parameter integer(String key, String label, int def, Range range, String unit, String description) {
        return of(key, label, Type.INTEGER, def, List.of(), range, unit, description);
    }

    /** A whole number without a default: absent unless given. */
    public static Parameter optionalInteger(String key, String label, Range range, String unit, String description) {
        return of(key, label, Type.INTEGER, null, List.of(), range, unit, description);
    }

    public static Parameter number(String key, String label, double def, Range range, String unit,
            String description) {
        return of(key, label, Type.NUMBER, def, List.of(), range, unit, description);
    }

    /** A number without a default: absent unless given. */
    public static Parameter optionalNumber(String key, String label, Range range, String unit, String description) {
        return of(key, label, Type.NUMBER, null, List.of(), range, unit, description);
    }

    public static Parameter bool(String key, String label, boolean def, String description) {
        return of(key, label, Type.BOOLEAN, def, List.of(), null, "", description);
    }

    public static Parameter numbers(String key, String label, String def, String unit, String description) {
        return of(key, label, Type.NUMBERS, def, List.of(), null, unit, description);
    }

    public static Parameter file(String key, String label, String description) {
        return of(key, label, Type.FILE, "", List.of(), null, "", description);
    }

    public static Parameter folder(String key, String label, String description) {
        return of(key, label, Type.FOLDER, "", List.of(), null, "", description);
    }

    private static Parameter of(String key, String label, Type type, Object def, List<String> choices, Range range,
            String unit, String description) {
        return new Parameter(key, label, type, def, choices, range, unit, description, EnumSet.allOf(Face.class),
                false);
    }

    /** This parameter, offered only where given. */
    public Parameter only(Face first, Face... more) {
        return new Parameter(key, label, type, defaultValue, choices, range, unit, description, EnumSet.of(first, more),
                several);
    }

    /** This CHOICE, accepted by the command line as a comma-separated list of choices. */
    public Parameter listOnCommandLine() {
        return new Parameter(key, label, type, defaultValue, choices, range, unit, description, faces, true);
    }

    public boolean optional() {
        return defaultValue == null;
    }

    public boolean on(Face face) {
        return faces.contains(face);
    }

    /** The command-line flag: {@code --batch-size} for {@code batch_size}. */
    public String flag() {
        return "--" + key.replace('_', '-');
    }

    /** The default as text ("" when optional), as a dialog, the help and the node description show it. */
    public String defaultText() {
        return defaultValue == null ? "" : format(defaultValue);
    }

    /** A value as the study file, the help and the description write it: whole numbers without ".0". */
    static String format(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
