package org.robustecg.io.edf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.robustecg.io.EcgFormatException;

/**
 * Reads EDF and EDF+ files: a 256-byte fixed header, 256 bytes per signal of signal header, then data
 * records holding, for each signal in turn, its samples of that record as 16-bit little-endian integers.
 */
public final class EdfReader {

    private static final String ANNOTATIONS = "EDF Annotations";

    private EdfReader() {
    }

    public static EdfFile read(Path file) throws EcgFormatException {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EcgFormatException(file, null, "EDF file not found");
        } catch (IOException e) {
            throw new EcgFormatException(file, null, "cannot read EDF file: " + EcgFormatException.reason(e), e);
        }
        Header h = new Header(file, b);
        if (b.length < 256) {
            throw new EcgFormatException(file, "byte " + b.length, "shorter than the 256-byte EDF header");
        }
        String version = h.text(0, 8);
        if (!version.equals("0")) {
            throw new EcgFormatException(file, "byte 0", "not an EDF file (version field '" + version + "')");
        }
        int headerBytes = h.integer(184, 8, "header size");
        boolean plus = h.text(192, 44).startsWith("EDF+");
        int records = h.integer(236, 8, "number of data records");
        double duration = h.decimal(244, 8, "data record duration");
        int ns = h.integer(252, 4, "number of signals");
        if (ns <= 0 || headerBytes != 256 * (ns + 1)) {
            throw new EcgFormatException(file, "byte 184", "header size " + headerBytes + " does not fit " + ns + " signals");
        }
        if (b.length < headerBytes) {
            throw new EcgFormatException(file, "byte " + b.length, "truncated signal headers");
        }
        String[] labels = new String[ns];
        String[] units = new String[ns];
        double[] pmin = new double[ns];
        double[] pmax = new double[ns];
        double[] dmin = new double[ns];
        double[] dmax = new double[ns];
        int[] perRecord = new int[ns];
        int base = 256;
        for (int i = 0; i < ns; i++) {
            labels[i] = h.text(base + 16 * i, 16);
            units[i] = h.text(base + ns * 96 + 8 * i, 8);
            pmin[i] = h.decimal(base + ns * 104 + 8 * i, 8, "physical minimum of signal " + i);
            pmax[i] = h.decimal(base + ns * 112 + 8 * i, 8, "physical maximum of signal " + i);
            dmin[i] = h.decimal(base + ns * 120 + 8 * i, 8, "digital minimum of signal " + i);
            dmax[i] = h.decimal(base + ns * 128 + 8 * i, 8, "digital maximum of signal " + i);
            perRecord[i] = h.integer(base + ns * 216 + 8 * i, 8, "samples per record of signal " + i);
            if (dmax[i] <= dmin[i] || perRecord[i] < 0) {
                throw new EcgFormatException(file, "signal " + i + " (" + labels[i] + ")", "bad digital range or sample count");
            }
        }
        long recordBytes = 0;
        for (int n : perRecord) {
            recordBytes += 2L * n;
        }
        long available = recordBytes == 0 ? 0 : (b.length - headerBytes) / recordBytes;
        if (records < 0) {
            records = (int) available;
        } else if (available < records) {
            throw new EcgFormatException(file, "byte " + b.length, "truncated: header says " + records
                    + " data records of " + recordBytes + " bytes, the file holds " + available);
        }
        List<EdfSignal> signals = new ArrayList<>();
        for (int i = 0; i < ns; i++) {
            if (plus && labels[i].equals(ANNOTATIONS)) {
                continue;
            }
            double scale = (pmax[i] - pmin[i]) / (dmax[i] - dmin[i]);
            double[] x = new double[Math.toIntExact((long) records * perRecord[i])];
            long before = 0;
            for (int j = 0; j < i; j++) {
                before += 2L * perRecord[j];
            }
            for (int r = 0; r < records; r++) {
                int p = Math.toIntExact(headerBytes + r * recordBytes + before);
                for (int k = 0; k < perRecord[i]; k++) {
                    int d = (short) ((b[p + 2 * k] & 0xFF) | (b[p + 2 * k + 1] << 8));
                    x[r * perRecord[i] + k] = pmin[i] + (d - dmin[i]) * scale;
                }
            }
            signals.add(new EdfSignal(labels[i], units[i], perRecord[i] / duration, x));
        }
        return new EdfFile(file, h.text(8, 80), h.text(88, 80), h.text(168, 8), h.text(176, 8), plus, signals);
    }

    /** ASCII header fields, with errors naming the byte offset. */
    private record Header(Path file, byte[] bytes) {

        String text(int offset, int length) throws EcgFormatException {
            if (offset + length > bytes.length) {
                throw new EcgFormatException(file, "byte " + offset, "header field past the end of the file");
            }
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1).strip();
        }

        int integer(int offset, int length, String what) throws EcgFormatException {
            String t = text(offset, length);
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new EcgFormatException(file, "byte " + offset, "bad " + what + " '" + t + "'");
            }
        }

        double decimal(int offset, int length, String what) throws EcgFormatException {
            String t = text(offset, length);
            try {
                double v = Double.parseDouble(t);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new EcgFormatException(file, "byte " + offset, "bad " + what + " '" + t + "'");
            }
        }
    }
}
