package org.robustecg.settings;

import java.util.regex.Pattern;

/**
 * Names that become file names (a study's model names, record names, annotator extensions): checked so that
 * they stay inside the folder they are meant for. Allowed: letters, digits, '.', '_', '-' and '+', at most 100
 * characters, no "..".
 */
public final class FileNames {

    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}._+-]{1,100}");

    private FileNames() {
    }

    /** The name, if it is a plain file name; else an error naming where it came from and why it is refused. */
    public static String check(String where, String name) {
        String problem = name == null || name.isEmpty() ? "is empty"
                : name.contains("..") ? "contains '..'"
                : name.contains("/") || name.contains("\\") ? "contains a path separator"
                : name.codePoints().anyMatch(Character::isISOControl) ? "contains a control character"
                : name.length() > 100 ? "is longer than 100 characters"
                : !SAFE.matcher(name).matches() ? "contains a character other than letters, digits, '.', '_', '-', '+'"
                : null;
        if (problem != null) {
            throw new SettingException(where + " '" + printable(name) + "' " + problem
                    + ": a name that becomes a file name may hold letters, digits, '.', '_', '-' and '+' only");
        }
        return name;
    }

    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        name.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c)) {
                s.append(String.format("\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }
}
