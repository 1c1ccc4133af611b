package org.robustecg.node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a node's settings, checked against its options: every option has a value (its default
 * unless set), and every value fits its option. Immutable.
 */
public final class OptionValues {

    private final Map<String, Option> options = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** @param given values by key; keys not given take the option's default; unknown keys are errors */
    public OptionValues(List<Option> options, Map<String, ?> given) {
        for (Option o : options) {
            this.options.put(o.key(), o);
        }
        for (String key : given.keySet()) {
            if (!this.options.containsKey(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "' (known: " + this.options.keySet() + ")");
            }
        }
        for (Option o : options) {
            Object v = given.containsKey(o.key()) ? given.get(o.key()) : o.defaultValue();
            if (o.kind() == Option.Kind.NUMBER && v instanceof Integer i) {
                v = i.doubleValue();
            }
            o.check(v);
            values.put(o.key(), v);
        }
    }

    public static OptionValues defaults(List<Option> options) {
        return new OptionValues(options, Map.of());
    }

    /** A copy with some values changed. */
    public OptionValues with(Map<String, ?> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(changes);
        return new OptionValues(List.copyOf(options.values()), merged);
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
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

    public boolean bool(String key) {
        return (Boolean) get(key);
    }

    public double[] numbers(String key) {
        return options.get(key).parseNumbers(text(key));
    }

    /** Comma-separated words of a TEXT value, trimmed, without empty ones. */
    public List<String> words(String key) {
        return java.util.Arrays.stream(text(key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private Object get(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("no setting '" + key + "'");
        }
        return values.get(key);
    }
}
