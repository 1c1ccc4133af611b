package org.robustecg.io.wfdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.robustecg.ecg.Annotation;
import org.robustecg.io.EcgFormatException;

/**
 * Reads WFDB annotation files in MIT format (e.g. {@code 100.atr}): a stream of 16-bit little-endian words,
 * each a 6-bit code and a 10-bit argument. Codes 1..49 start an annotation (argument = time since the
 * previous one); the pseudo-codes SKIP (long time step), NUM, SUB, CHN and AUX (text) modify it; code 0 with
 * argument 0 ends the file.
 */
public final class AnnotationReader {

    private static final int SKIP = 59;
    private static final int NUM = 60;
    private static final int SUB = 61;
    private static final int CHN = 62;
    private static final int AUX = 63;

    private AnnotationReader() {
    }

    public static List<Annotation> read(Path file) throws EcgFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EcgFormatException(file, null, "annotation file not found");
        } catch (IOException e) {
            throw new EcgFormatException(file, null, "cannot read annotation file: " + EcgFormatException.reason(e), e);
        }
        return decode(file, bytes);
    }

    /** Decodes the bytes of an MIT-format annotation file; {@code file} names it in errors. */
    public static List<Annotation> decode(Path file, byte[] bytes) throws EcgFormatException {
        List<Annotation> out = new ArrayList<>();
        long time = 0;
        int num = 0;
        int chan = 0;
        // Fields of the annotation being assembled; its modifiers follow it.
        Pending pending = null;
        int p = 0;
        while (true) {
            if (p + 2 > bytes.length) {
                throw new EcgFormatException(file, "byte " + p,
                        p == bytes.length ? "no end-of-file marker" : "odd number of bytes");
            }
            int word = (bytes[p] & 0xFF) | ((bytes[p + 1] & 0xFF) << 8);
            int code = word >>> 10;
            int argument = word & 0x3FF;
            int at = p;
            p += 2;
            if (code == 0 && argument == 0) {
                break;
            }
            switch (code) {
                case SKIP -> {
                    if (p + 4 > bytes.length) {
                        throw new EcgFormatException(file, "byte " + at, "SKIP without its 32-bit interval");
                    }
                    // PDP-11 order: high 16-bit word first, each word little-endian.
                    int high = (bytes[p] & 0xFF) | ((bytes[p + 1] & 0xFF) << 8);
                    int low = (bytes[p + 2] & 0xFF) | ((bytes[p + 3] & 0xFF) << 8);
                    time += (high << 16) | low;
                    p += 4;
                }
                case NUM -> {
                    num = signed10(argument);
                    requirePending(file, pending, at, "NUM").num = num;
                }
                case SUB -> requirePending(file, pending, at, "SUB").subtype = signed10(argument);
                case CHN -> {
                    chan = argument;
                    requirePending(file, pending, at, "CHN").chan = chan;
                }
                case AUX -> {
                    int padded = argument + (argument & 1);
                    if (p + padded > bytes.length) {
                        throw new EcgFormatException(file, "byte " + at, "AUX of " + argument + " bytes runs past the end");
                    }
                    String text = new String(bytes, p, argument, StandardCharsets.ISO_8859_1);
                    int nul = text.indexOf('\0');
                    requirePending(file, pending, at, "AUX").aux = nul >= 0 ? text.substring(0, nul) : text;
                    p += padded;
                }
                default -> {
                    if (code > AnnotationCode.MAX) {
                        throw new EcgFormatException(file, "byte " + at, "unknown annotation code " + code);
                    }
                    if (pending != null) {
                        out.add(pending.toAnnotation());
                    }
                    time += argument;
                    if (time < 0) {
                        throw new EcgFormatException(file, "byte " + at, "negative annotation time " + time);
                    }
                    pending = new Pending(time, code, num, chan);
                }
            }
        }
        if (pending != null) {
            out.add(pending.toAnnotation());
        }
        return out;
    }

    private static int signed10(int argument) {
        return argument > 511 ? argument - 1024 : argument;
    }

    private static Pending requirePending(Path file, Pending pending, int at, String what) throws EcgFormatException {
        if (pending == null) {
            throw new EcgFormatException(file, "byte " + at, what + " before any annotation");
        }
        return pending;
    }

    /** An annotation whose modifier words may still follow. */
    private static final class Pending {
        final long time;
        final int code;
        int num;
        int chan;
        int subtype;
        String aux = "";

        Pending(long time, int code, int num, int chan) {
            this.time = time;
            this.code = code;
            this.num = num;
            this.chan = chan;
        }

        Annotation toAnnotation() {
            return new Annotation(time, code, AnnotationCode.mnemonic(code), subtype, chan, num, aux);
        }
    }
}
