package org.robustecg.io.wfdb;

/** The standard WFDB annotation codes (0..49) and their mnemonics, as WFDB's ecgcodes list defines them. */
public final class AnnotationCode {

    /** The largest annotation code. */
    public static final int MAX = 49;

    private static final String[] MNEMONICS = new String[MAX + 1];

    static {
        String[] table = {
            " ", "N", "L", "R", "a", "V", "F", "J", "A", "S", "E", "j", "/", "Q", "~", null, "|", null, "s", "T",
            "*", "D", "\"", "=", "p", "B", "^", "t", "+", "u", "?", "!", "[", "]", "e", "n", "@", "x", "f", "(",
            ")", "r"};
        for (int code = 0; code <= MAX; code++) {
            String m = code < table.length ? table[code] : null;
            MNEMONICS[code] = m == null ? "[" + code + "]" : m;
        }
    }

    private AnnotationCode() {
    }

    /** The mnemonic of a code (e.g. 1 -> "N", 28 -> "+"); unassigned codes read "[code]". */
    public static String mnemonic(int code) {
        if (code < 0 || code > MAX) {
            throw new IllegalArgumentException("annotation code " + code + " outside 0.." + MAX);
        }
        return MNEMONICS[code];
    }
}
