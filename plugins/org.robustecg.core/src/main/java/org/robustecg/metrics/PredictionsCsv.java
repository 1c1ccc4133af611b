package org.robustecg.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.robustecg.attack.AttackRecord;
import org.robustecg.io.AtomicFiles;
import org.robustecg.io.EcgFormatException;

/**
 * The predictions table of attack evaluations, one row per (attack, epsilon, sample):
 * {@code attack,epsilon,sample_id,label,prediction,clean_prediction,linf,l2,snr_db}. Clean rows have
 * epsilon 0. Reading takes the columns by header name in any order and ignores extra columns, so files
 * written by other tools in this schema are read too; the norms are optional there.
 */
public final class PredictionsCsv {

    public static final String HEADER = "attack,epsilon,sample_id,label,prediction,clean_prediction,linf,l2,snr_db";
    private static final String[] REQUIRED = {"attack", "epsilon", "sample_id", "label", "prediction"};

    private PredictionsCsv() {
    }

    public static void write(List<AttackRecord> rows, Path file, boolean overwrite) throws IOException {
        AtomicFiles.write(file, overwrite, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(HEADER + "\n");
            for (AttackRecord r : rows) {
                w.write(line(r) + "\n");
            }
            w.flush();
        });
    }

    /** One row as written in the table. */
    public static String line(AttackRecord r) {
        return String.join(",", r.attack(), Double.toString(r.epsilon()), Integer.toString(r.sampleId()), r.label(),
                r.prediction(), r.cleanPrediction(), Double.toString(r.linf()), Double.toString(r.l2()),
                Double.toString(r.snrDb()));
    }

    public static List<AttackRecord> read(Path file) throws EcgFormatException {
        List<AttackRecord> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new EcgFormatException(file, "line 1", "empty file");
            }
            Map<String, Integer> column = new HashMap<>();
            String[] names = header.split(",", -1);
            for (int i = 0; i < names.length; i++) {
                column.put(names[i].strip().toLowerCase(Locale.ROOT), i);
            }
            for (String required : REQUIRED) {
                if (!column.containsKey(required)) {
                    throw new EcgFormatException(file, "line 1", "no column '" + required + "' (the schema is " + HEADER + ")");
                }
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != names.length) {
                    throw new EcgFormatException(file, "line " + number, "has " + cells.length + " cells, the header "
                            + names.length);
                }
                String where = "line " + number;
                String prediction = cell(cells, column, "prediction");
                rows.add(new AttackRecord(cell(cells, column, "attack"), number(file, where, cells, column, "epsilon", 0),
                        (int) number(file, where, cells, column, "sample_id", 0), cell(cells, column, "label"), prediction,
                        column.containsKey("clean_prediction") ? cell(cells, column, "clean_prediction") : null,
                        number(file, where, cells, column, "linf", Double.NaN),
                        number(file, where, cells, column, "l2", Double.NaN),
                        number(file, where, cells, column, "snr_db", Double.NaN)));
            }
        } catch (NoSuchFileException e) {
            throw new EcgFormatException(file, null, "file not found");
        } catch (IOException e) {
            if (e instanceof EcgFormatException f) {
                throw f;
            }
            throw EcgFormatException.unreadable(file, e);
        }
        if (rows.isEmpty()) {
            throw new EcgFormatException(file, null, "no prediction rows");
        }
        return rows;
    }

    private static String cell(String[] cells, Map<String, Integer> column, String name) {
        return cells[column.get(name)].strip();
    }

    private static double number(Path file, String where, String[] cells, Map<String, Integer> column, String name,
            double missing) throws EcgFormatException {
        if (!column.containsKey(name)) {
            return missing;
        }
        String text = cell(cells, column, name);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new EcgFormatException(file, where, "column " + name + ": '" + text + "' is not a number");
        }
        if (Double.isNaN(v) && !Double.isNaN(missing)) {
            throw new EcgFormatException(file, where, "column " + name + ": '" + text + "' is not a number");
        }
        if ((name.equals("epsilon") || name.equals("sample_id")) && !(v >= 0 && Double.isFinite(v))) {
            throw new EcgFormatException(file, where, "column " + name + " is " + text + ": must be 0 or a positive "
                    + "number" + (name.equals("epsilon") ? " (a radius; 0 marks the clean rows)" : ""));
        }
        return v;
    }
}
