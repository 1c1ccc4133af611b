package org.robustecg.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.robustecg.io.AtomicFiles;
import org.robustecg.io.EcgFormatException;

/**
 * The CSV layout of the Kaggle "ECG Heartbeat Categorization" set (Kachuee et al. 2018): one beat per row,
 * its samples (187 at 125 Hz, in [0,1], zero padded) and then its class label (0..4 = N, S, V, F, Q). Files
 * may carry a header row and a leading index column (as pandas exports them).
 */
public final class KaggleCsv {

    /** The AAMI classes of the Kaggle labels. */
    public static final List<String> CLASSES = List.of("N", "S", "V", "F", "Q");
    /** Sampling frequency of the Kaggle beats. */
    public static final double SAMPLING_FREQUENCY = 125;

    /** Whether the first column is a row index. */
    public enum IndexColumn {
        /** Detect: a header whose first cell is empty, or a first column counting 0, 1, 2, ... */
        AUTO, YES, NO
    }

    private KaggleCsv() {
    }

    public static Dataset read(Path file, IndexColumn index) throws EcgFormatException {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        boolean header = false;
        boolean headerIndex = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (rows.isEmpty() && !header && !allNumbers(cells)) {
                    header = true;
                    headerIndex = cells[0].isBlank();
                    continue;
                }
                rows.add(cells);
                lineNumbers.add(number);
            }
        } catch (NoSuchFileException e) {
            throw new EcgFormatException(file, null, "file not found");
        } catch (IOException e) {
            throw EcgFormatException.unreadable(file, e);
        }
        if (rows.isEmpty()) {
            throw new EcgFormatException(file, null, "no data rows");
        }
        boolean indexed = switch (index) {
            case YES -> true;
            case NO -> false;
            case AUTO -> headerIndex || (!header && countsRows(rows));
        };
        int skip = indexed ? 1 : 0;
        int length = rows.get(0).length - skip - 1;
        if (length < 1) {
            throw new EcgFormatException(file, "line " + lineNumbers.get(0), "a row needs samples and a label");
        }
        int n = rows.size();
        float[] x = new float[n * length];
        int[] y = new int[n];
        String[] ids = new String[n];
        int[] positions = new int[n];
        for (int r = 0; r < n; r++) {
            String[] cells = rows.get(r);
            String where = "line " + lineNumbers.get(r);
            if (cells.length != length + skip + 1) {
                throw new EcgFormatException(file, where, "has " + cells.length + " columns, the first row has "
                        + (length + skip + 1));
            }
            for (int k = 0; k < length; k++) {
                float v = parse(file, where, cells[skip + k], k + skip + 1);
                x[r * length + k] = v;
            }
            double label = parse(file, where, cells[cells.length - 1], cells.length);
            if (label != Math.rint(label) || label < 0 || label >= CLASSES.size()) {
                throw new EcgFormatException(file, where, "label " + cells[cells.length - 1].strip()
                        + " is not a class 0.." + (CLASSES.size() - 1));
            }
            y[r] = (int) label;
            ids[r] = indexed ? cells[0].strip() : Integer.toString(r);
            positions[r] = -1;
        }
        return new Dataset(x, n, 1, length, y, CLASSES, ids, positions, null, SAMPLING_FREQUENCY);
    }

    /** Writes one-lead data in the Kaggle layout (no header, no index), atomically. */
    public static void write(Dataset data, Path file, boolean overwrite) throws IOException {
        if (data.leads() != 1) {
            throw new IllegalArgumentException("the Kaggle CSV layout holds one lead, the dataset has " + data.leads());
        }
        AtomicFiles.write(file, overwrite, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < data.size(); i++) {
                row.setLength(0);
                for (int k = 0; k < data.length(); k++) {
                    row.append(data.signals()[i * data.length() + k]).append(',');
                }
                row.append(data.labels()[i]).append(".0\n");
                w.write(row.toString());
            }
            w.flush();
        });
    }

    private static boolean countsRows(List<String[]> rows) {
        if (rows.size() < 3) {
            return false;
        }
        for (int r = 0; r < 3; r++) {
            if (!rows.get(r)[0].strip().equals(Integer.toString(r))) {
                return false;
            }
        }
        return true;
    }

    /** A header row has a cell that is not a number (pandas writes an empty first cell over the index). */
    private static boolean allNumbers(String[] cells) {
        for (String cell : cells) {
            try {
                Double.parseDouble(cell.strip());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static float parse(Path file, String where, String cell, int column) throws EcgFormatException {
        try {
            float v = Float.parseFloat(cell.strip());
            if (!Float.isFinite(v)) {
                throw new EcgFormatException(file, where + ", column " + column, "value " + cell.strip() + " is not finite");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new EcgFormatException(file, where + ", column " + column, "'" + cell.strip() + "' is not a number");
        }
    }
}
