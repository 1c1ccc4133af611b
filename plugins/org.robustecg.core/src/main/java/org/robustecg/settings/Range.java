package org.robustecg.settings;

import java.util.Locale;

/**
 * The values one numeric setting allows. Each setting is declared once (see {@link SettingRanges}) and the
 * command line, study files and KNIME nodes check their values against that declaration, so that every face
 * accepts the same values and refuses the rest with the same explanation.
 *
 * @param key     the setting's name, e.g. {@code attack.eps}
 * @param whole   only whole numbers
 * @param min     smallest value
 * @param minOpen {@code min} itself is not allowed
 * @param max     largest value (allowed)
 * @param meaning what the value is, for messages
 */
public record Range(String key, boolean whole, double min, boolean minOpen, double max, String meaning) {

    public Range {
        if (!(min <= max)) {
            throw new IllegalArgumentException("range " + key + ": min " + min + " > max " + max);
        }
    }

    /** Whole numbers from min to max. */
    public static Range count(String key, long min, long max, String meaning) {
        return new Range(key, true, min, false, max, meaning);
    }

    /** Finite numbers from min to max. */
    public static Range number(String key, double min, double max, String meaning) {
        return new Range(key, false, min, false, max, meaning);
    }

    /** Finite numbers above 0, up to max. */
    public static Range positive(String key, double max, String meaning) {
        return new Range(key, false, 0, true, max, meaning);
    }

    public boolean allows(double value) {
        return Double.isFinite(value) && (minOpen ? value > min : value >= min) && value <= max
                && (!whole || value == Math.rint(value));
    }

    /** What is allowed, e.g. "a whole number from 1 to 1000" or "a number > 0 and <= 2". */
    public String allowed() {
        if (whole) {
            return "a whole number from " + format(min) + " to " + format(max);
        }
        return "a number " + (minOpen ? "> " : ">= ") + format(min) + " and <= " + format(max);
    }

    /**
     * The value if allowed, else an error naming where it came from (an option, a study-file key, a node
     * setting), the value and what is allowed.
     */
    public double check(String where, double value) {
        if (!allows(value)) {
            throw new SettingException(where + " is " + format(value) + ": must be " + allowed() + " (" + meaning + ")");
        }
        return value;
    }

    public int check(String where, int value) {
        check(where, (double) value);
        return value;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
