package org.robustecg.node.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetException;
import org.robustecg.data.KaggleCsv;
import org.robustecg.database.Cpsc2018;
import org.robustecg.table.Column;
import org.robustecg.table.ColumnType;
import org.robustecg.table.Row;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;

/**
 * Model-ready items as a table (the preprocessor's outputs, the learner's, predictor's and attacker's inputs):
 * one row per item with its source record, position, label, number of valid samples, sampling frequency and one
 * list-of-doubles column per lead (every list column of the table is a lead, in column order). Padding after
 * the valid samples is zero; the mask is rebuilt from the valid length.
 */
public final class DatasetTables {

    public static final String RECORD = "record";
    public static final String POSITION = "position";
    public static final String LABEL = "label";
    public static final String VALID_LENGTH = "valid length";
    public static final String SAMPLING_FREQUENCY = "sampling frequency";

    private DatasetTables() {
    }

    /**
     * @param classNames the classes of the label column, as a learner will take them ({@link #classNames(TableSpec)}),
     *                   or empty when they are known only from the items
     */
    public static TableSpec spec(List<String> leadNames, List<String> classNames) {
        List<Column> columns = new ArrayList<>(List.of(new Column(RECORD, ColumnType.STRING),
                new Column(POSITION, ColumnType.INTEGER), new Column(LABEL, ColumnType.STRING, classNames),
                new Column(VALID_LENGTH, ColumnType.INTEGER), new Column(SAMPLING_FREQUENCY, ColumnType.DOUBLE)));
        leadNames.forEach(l -> columns.add(new Column(l, ColumnType.DOUBLE_LIST)));
        return new TableSpec(columns);
    }

    /** @param keyPrefix row keys are keyPrefix + item index */
    public static Table toTable(Dataset d, List<String> leadNames, String keyPrefix) {
        if (leadNames.size() != d.leads()) {
            throw new IllegalArgumentException(leadNames.size() + " lead names for " + d.leads() + " leads");
        }
        List<Row> rows = new ArrayList<>(d.size());
        for (int i = 0; i < d.size(); i++) {
            List<Object> cells = new ArrayList<>();
            cells.add(d.recordIds()[i]);
            cells.add(d.positions()[i]);
            cells.add(d.classNames().get(d.labels()[i]));
            cells.add(validLength(d, i));
            cells.add(d.samplingFrequency());
            float[] item = d.item(i);
            for (int l = 0; l < d.leads(); l++) {
                double[] lead = new double[d.length()];
                for (int t = 0; t < lead.length; t++) {
                    lead[t] = item[l * d.length() + t];
                }
                cells.add(lead);
            }
            rows.add(new Row(keyPrefix + i, cells));
        }
        return new Table(spec(leadNames, d.classNames()), rows);
    }

    /** The lead columns (every list-of-doubles column) of an item table; an error if there is none. */
    public static List<Integer> leadColumns(TableSpec spec, String table) {
        List<Integer> leads = new ArrayList<>();
        for (int i = 0; i < spec.columns().size(); i++) {
            if (spec.columns().get(i).type() == ColumnType.DOUBLE_LIST) {
                leads.add(i);
            }
        }
        if (leads.isEmpty()) {
            throw new IllegalArgumentException(table + " has no signal (list of numbers) column; connect the output of "
                    + "the ECG Preprocessor");
        }
        return leads;
    }

    /**
     * The class names a learner takes from a table: from the classes its label column declares (the preprocessor's),
     * else from its labels; in the AAMI order N, S, V, F, Q or the CPSC2018 order when they belong to them, else
     * sorted.
     */
    public static List<String> classNames(Table table) {
        int label = table.spec().require(LABEL, ColumnType.STRING, "the training table");
        TreeSet<String> seen = new TreeSet<>(table.spec().columns().get(label).values());
        if (seen.isEmpty()) {
            for (int r = 0; r < table.size(); r++) {
                seen.add(table.string(r, label));
            }
        }
        if (seen.size() < 2) {
            throw new IllegalArgumentException("the training table needs at least two classes, has " + seen);
        }
        return classNames(seen);
    }

    /**
     * The class names a learner will take from a table of this spec, when its label column declares at least two
     * classes (as {@link #classNames(Table)}); else empty: known only from the items.
     */
    public static List<String> classNames(TableSpec spec) {
        int label = spec.indexOf(LABEL);
        TreeSet<String> declared = label < 0 ? new TreeSet<>() : new TreeSet<>(spec.columns().get(label).values());
        return declared.size() < 2 ? List.of() : classNames(declared);
    }

    /** The known class order (AAMI, then CPSC2018) that holds every label, else the labels sorted. */
    public static List<String> classNames(java.util.SortedSet<String> labels) {
        if (KaggleCsv.CLASSES.containsAll(labels)) {
            return KaggleCsv.CLASSES;
        }
        if (Cpsc2018.CLASSES.containsAll(labels)) {
            return Cpsc2018.CLASSES;
        }
        return List.copyOf(labels);
    }

    /**
     * The items of a table as a dataset with these class names.
     *
     * @param labelsRequired false lets rows without a label through as class 0 (prediction of unlabelled items)
     */
    public static Dataset toDataset(Table table, List<String> classNames, boolean labelsRequired, String what) {
        TableSpec spec = table.spec();
        List<Integer> leads = leadColumns(spec, what);
        int label = labelsRequired ? spec.require(LABEL, ColumnType.STRING, what) : spec.indexOf(LABEL);
        int record = spec.indexOf(RECORD);
        int position = spec.indexOf(POSITION);
        int valid = spec.indexOf(VALID_LENGTH);
        int fs = spec.indexOf(SAMPLING_FREQUENCY);
        int n = table.size();
        if (n == 0) {
            throw new IllegalArgumentException(what + " is empty");
        }
        int length = table.doubles(0, leads.get(0)).length;
        float[] x = new float[Math.multiplyExact(Math.multiplyExact(n, leads.size()), length)];
        float[] mask = valid >= 0 ? new float[n * length] : null;
        int[] labels = new int[n];
        String[] records = new String[n];
        int[] positions = new int[n];
        double frequency = fs >= 0 && n > 0 && table.rows().get(0).get(fs) != null ? table.number(0, fs) : 0;
        boolean padded = false;
        for (int r = 0; r < n; r++) {
            String key = table.rows().get(r).key();
            for (int l = 0; l < leads.size(); l++) {
                double[] s = table.doubles(r, leads.get(l));
                if (s.length != length) {
                    throw new IllegalArgumentException(what + ", row " + key + ": column '"
                            + spec.columns().get(leads.get(l)).name() + "' has " + s.length + " samples, the first row "
                            + length);
                }
                for (int t = 0; t < length; t++) {
                    if (!Double.isFinite(s[t])) {
                        throw new IllegalArgumentException(what + ", row " + key + ": column '"
                                + spec.columns().get(leads.get(l)).name() + "' has a missing (NaN) or infinite sample at "
                                + t);
                    }
                    x[(r * leads.size() + l) * length + t] = (float) s[t];
                }
            }
            Object labelCell = label >= 0 ? table.rows().get(r).get(label) : null;
            if (labelCell == null && labelsRequired) {
                throw new IllegalArgumentException(what + ", row " + key + " has no label");
            }
            if (labelCell != null) {
                labels[r] = classNames.indexOf(labelCell);
                if (labels[r] < 0) {
                    throw new IllegalArgumentException(what + ", row " + key + ": label '" + labelCell
                            + "' is not one of the classes " + classNames);
                }
            }
            records[r] = record >= 0 && table.rows().get(r).get(record) != null ? table.string(r, record) : key;
            positions[r] = position >= 0 && table.rows().get(r).get(position) != null ? table.integer(r, position) : -1;
            if (mask != null) {
                int v = table.rows().get(r).get(valid) == null ? length : table.integer(r, valid);
                if (v < 0 || v > length) {
                    throw new IllegalArgumentException(what + ", row " + key + ": valid length " + v + " outside 0.."
                            + length);
                }
                Arrays.fill(mask, r * length, r * length + v, 1f);
                padded |= v < length;
            }
        }
        try {
            return new Dataset(x, n, leads.size(), length, labels, classNames, records, positions, padded ? mask : null,
                    frequency);
        } catch (DatasetException e) {
            throw new DatasetException(what + ": " + e.getMessage());
        }
    }

    /** Lead names of an item table (its list columns). */
    public static List<String> leadNames(TableSpec spec) {
        return leadColumns(spec, "the table").stream().map(i -> spec.columns().get(i).name()).toList();
    }

    private static int validLength(Dataset d, int i) {
        if (d.mask() == null) {
            return d.length();
        }
        float[] m = d.itemMask(i);
        int v = 0;
        for (float f : m) {
            v += f > 0 ? 1 : 0;
        }
        return v;
    }
}
