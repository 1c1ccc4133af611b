package org.robustecg.ops;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import org.robustecg.settings.SettingException;

/**
 * The values of an operation's parameters on one face, checked against its schema: every parameter with a
 * default has a value (the default unless given), an optional one is absent unless given, and every value fits
 * its parameter. Values arrive typed (a study file, a KNIME number field) or as text (a KNIME text field, a flow
 * variable); empty text, like null, means absent. An error names the setting as the face knows it (a flag, a
 * study-file key, a dialog label), the value and what is allowed. Immutable.
 */
public final class Values {

    private final Schema schema;
    private final Face face;
    private final Function<Parameter, String> where;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Values(Schema schema, Face face, Function<Parameter, String> where) {
        this.schema = schema;
        this.face = face;
        this.where = where;
    }

    /** Values given on a face, named as that face names its settings. */
    public static Values of(Schema schema, Face face, Map<String, ?> given) {
        return of(schema, face, given, p -> name(face, p));
    }

    /**
     * @param given values by key; keys not given take the default (or stay absent); keys the face does not offer
     *              are errors naming the key and the keys allowed
     * @param where how an error names a parameter (e.g. "attacks[0].steps")
     */
    public static Values of(Schema schema, Face face, Map<String, ?> given, Function<Parameter, String> where) {
        Values v = new Values(schema, face, where);
        List<String> known = schema.keys(face);
        for (String key : given.keySet()) {
            if (!known.contains(key)) {
                throw new SettingException("unknown " + schema.operation() + " setting '" + key + "' (allowed: "
                        + String.join(", ", known) + ")");
            }
        }
        for (Parameter p : schema.on(face)) {
            Object value = given.containsKey(p.key()) ? given.get(p.key()) : p.defaultValue();
            value = typed(p, value, where.apply(p));
            if (value != null) {
                check(p, value, where.apply(p), face == Face.CLI && p.several());
                v.values.put(p.key(), value);
            }
        }
        return v;
    }

    public static Values defaults(Schema schema, Face face) {
        return of(schema, face, Map.of());
    }

    /** How the face names a parameter in messages: the flag, the study-file key or the dialog label. */
    static String name(Face face, Parameter p) {
        return switch (face) {
            case CLI -> p.flag();
            case NODE -> "setting '" + p.label() + "' (" + p.key() + ")";
            case STUDY -> p.key();
        };
    }

    public Schema schema() {
        return schema;
    }

    /** How errors about this parameter name it. */
    public String where(String key) {
        return where.apply(schema.get(key));
    }

    /** The values set (defaults included, absent ones left out), by key in schema order. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String text(String key) {
        return (String) get(key);
    }

    public int integer(String key) {
        return (Integer) get(key);
    }

    public double number(String key) {
        return (Double) get(key);
    }

    /** The number, or empty when the setting is absent (unset). */
    public OptionalDouble optionalNumber(String key) {
        return has(key) ? OptionalDouble.of(number(key)) : OptionalDouble.empty();
    }

    /** The whole number, or empty when the setting is absent (unset). */
    public OptionalInt optionalInteger(String key) {
        return has(key) ? OptionalInt.of(integer(key)) : OptionalInt.empty();
    }

    public boolean bool(String key) {
        return (Boolean) get(key);
    }

    /** The numbers of a NUMBERS value. */
    public double[] numbers(String key) {
        return parseNumbers(text(key), where(key));
    }

    /** Comma-separated words of a TEXT or CHOICE value, trimmed, without empty ones. */
    public List<String> words(String key) {
        return split(text(key));
    }

    private Object get(String key) {
        schema.get(key);
        if (!values.containsKey(key)) {
            throw new IllegalStateException(schema.operation() + " setting " + key + " is not set on " + face);
        }
        return values.get(key);
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The value in its parameter's Java type, or null for absent; text is parsed. */
    private static Object typed(Parameter p, Object value, String where) {
        if (value == null || value instanceof String s && s.isBlank() && p.type() != Parameter.Type.TEXT
                && p.type() != Parameter.Type.FILE && p.type() != Parameter.Type.FOLDER
                && p.type() != Parameter.Type.NUMBERS) {
            if (!p.optional()) {
                throw new SettingException(where + " needs a value");
            }
            return null;
        }
        return switch (p.type()) {
            case INTEGER -> {
                if (value instanceof String s) {
                    try {
                        yield Integer.valueOf(s.strip());
                    } catch (NumberFormatException e) {
                        throw invalid(where, value, "a whole number");
                    }
                }
                if (value instanceof Long l && l == l.intValue()) {
                    yield l.intValue();
                }
                if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                    yield d.intValue();
                }
                if (value instanceof Double d && p.range() != null) {
                    // 1.5 or NaN for a count: the range names it.
                    p.range().check(where, d);
                }
                yield value;
            }
            case NUMBER -> {
                if (value instanceof String s) {
                    try {
                        yield Double.valueOf(s.strip());
                    } catch (NumberFormatException e) {
                        throw invalid(where, value, "a number");
                    }
                }
                yield value instanceof Number n && !(value instanceof Double) ? n.doubleValue() : value;
            }
            case BOOLEAN -> value instanceof String s && (s.strip().equalsIgnoreCase("true")
                    || s.strip().equalsIgnoreCase("false")) ? Boolean.valueOf(s.strip()) : value;
            case NUMBERS -> value instanceof List<?> list ? String.join(",", list.stream()
                    .map(n -> n instanceof Number ? Parameter.format(((Number) n).doubleValue()) : String.valueOf(n))
                    .toList()) : value;
            default -> value;
        };
    }

    /** Throws an error naming the setting when the value does not fit it. */
    static void check(Parameter p, Object value, String where, boolean several) {
        switch (p.type()) {
            case INTEGER -> {
                if (!(value instanceof Integer i)) {
                    throw invalid(where, value, "a whole number");
                }
                p.range().check(where, i);
            }
            case NUMBER -> {
                if (!(value instanceof Double d)) {
                    throw invalid(where, value, "a number");
                }
                p.range().check(where, d);
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    throw invalid(where, value, "true or false");
                }
            }
            case CHOICE -> {
                List<String> given = value instanceof String s ? several ? split(s) : List.of(s.strip()) : List.of();
                if (given.isEmpty() || !p.choices().containsAll(given)) {
                    throw invalid(where, value instanceof String ? "'" + value + "'" : value, "one of "
                            + String.join(", ", p.choices()));
                }
            }
            case NUMBERS -> {
                if (!(value instanceof String s)) {
                    throw invalid(where, value, "comma-separated numbers");
                }
                parseNumbers(s, where);
            }
            default -> {
                if (!(value instanceof String)) {
                    throw invalid(where, value, "text");
                }
            }
        }
    }

    /** The numbers of a NUMBERS text; empty text is an empty list. */
    static double[] parseNumbers(String text, String where) {
        if (text.isBlank()) {
            return new double[0];
        }
        String[] parts = text.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw invalid(where, text, "comma-separated numbers ('" + parts[i].strip() + "' is not a number)");
            }
        }
        return values;
    }

    private static SettingException invalid(String where, Object value, String expected) {
        return new SettingException(String.format(Locale.ROOT, "%s is %s: must be %s", where, value, expected));
    }
}
