package org.robustecg.node.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.robustecg.ecg.AamiClass;
import org.robustecg.ecg.Annotation;
import org.robustecg.ecg.Lead;
import org.robustecg.ecg.Record;
import org.robustecg.io.wfdb.AnnotationCode;
import org.robustecg.table.Column;
import org.robustecg.table.ColumnType;
import org.robustecg.table.Row;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;

/**
 * The ECG Reader's two tables. Records: one row per record with its facts and one list-of-doubles column per
 * lead name (missing where a record lacks that lead). Annotations: one row per annotation.
 */
public final class RecordTables {

    public static final String RECORD = "record";
    public static final String SAMPLING_FREQUENCY = "sampling frequency";
    public static final String LENGTH = "length";
    public static final String LEADS = "leads";
    public static final String UNITS = "units";
    public static final String DIAGNOSIS = "diagnosis";
    public static final String METADATA = "metadata";
    private static final List<String> FIXED = List.of(RECORD, SAMPLING_FREQUENCY, LENGTH, LEADS, UNITS, DIAGNOSIS,
            METADATA);

    public static final String SAMPLE = "sample";
    public static final String SYMBOL = "symbol";
    public static final String AAMI_CLASS = "AAMI class";
    public static final String AUX = "aux";

    public static final TableSpec ANNOTATIONS = TableSpec.of(new Column(RECORD, ColumnType.STRING),
            new Column(SAMPLE, ColumnType.INTEGER), new Column(SYMBOL, ColumnType.STRING),
            new Column(AAMI_CLASS, ColumnType.STRING), new Column(AUX, ColumnType.STRING));

    private RecordTables() {
    }

    /**
     * The records table's columns for these lead names (in this order).
     *
     * @param diagnosisClasses the class names every diagnosis is drawn from (the format's classes), empty when the
     *                         format has none
     */
    public static TableSpec recordsSpec(List<String> leadNames, List<String> diagnosisClasses) {
        List<Column> columns = new ArrayList<>(List.of(new Column(RECORD, ColumnType.STRING),
                new Column(SAMPLING_FREQUENCY, ColumnType.DOUBLE), new Column(LENGTH, ColumnType.INTEGER),
                new Column(LEADS, ColumnType.STRING_LIST), new Column(UNITS, ColumnType.STRING_LIST),
                new Column(DIAGNOSIS, ColumnType.STRING_LIST, diagnosisClasses),
                new Column(METADATA, ColumnType.STRING)));
        for (String lead : leadNames) {
            if (FIXED.contains(lead)) {
                throw new IllegalArgumentException("a lead is named '" + lead + "', like a fixed column");
            }
            columns.add(new Column(lead, ColumnType.DOUBLE_LIST));
        }
        return new TableSpec(columns);
    }

    /** Lead names over all records, in order of first appearance. */
    public static List<String> leadNames(List<Record> records) {
        List<String> names = new ArrayList<>();
        for (Record r : records) {
            for (Lead l : r.leads()) {
                if (!names.contains(l.name())) {
                    names.add(l.name());
                }
            }
        }
        return names;
    }

    /**
     * @param diagnoses        class names of each record (e.g. from REFERENCE.csv or "#Dx:"), empty when unknown
     * @param diagnosisClasses the class names they are drawn from, as in {@link #recordsSpec}
     */
    public static Table records(List<Record> records, List<List<String>> diagnoses, List<String> leadNames,
            List<String> diagnosisClasses) {
        TableSpec spec = recordsSpec(leadNames, diagnosisClasses);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            List<Object> cells = new ArrayList<>();
            cells.add(r.id());
            cells.add(r.samplingFrequency());
            cells.add(r.length());
            cells.add(r.leads().stream().map(Lead::name).toList());
            cells.add(r.leads().stream().map(Lead::units).toList());
            cells.add(List.copyOf(diagnoses.get(i)));
            StringBuilder meta = new StringBuilder();
            r.metadata().forEach((k, v) -> meta.append(meta.length() > 0 ? "; " : "").append(k).append('=').append(v));
            cells.add(meta.toString());
            for (String lead : leadNames) {
                Lead l = r.lead(lead);
                cells.add(l == null ? null : l.samples().clone());
            }
            rows.add(new Row(r.id(), cells));
        }
        return new Table(spec, rows);
    }

    /** The records of a records table, leads in the order of each row's "leads" list. */
    public static List<Record> records(Table table) {
        TableSpec spec = table.spec();
        int id = spec.require(RECORD, ColumnType.STRING, "the records table");
        int fs = spec.require(SAMPLING_FREQUENCY, ColumnType.DOUBLE, "the records table");
        int leads = spec.require(LEADS, ColumnType.STRING_LIST, "the records table");
        int units = spec.indexOf(UNITS);
        int meta = spec.indexOf(METADATA);
        List<Record> records = new ArrayList<>();
        for (int r = 0; r < table.size(); r++) {
            String name = table.string(r, id);
            List<String> leadNames = table.strings(r, leads);
            List<Lead> list = new ArrayList<>();
            for (int l = 0; l < leadNames.size(); l++) {
                int column = spec.indexOf(leadNames.get(l));
                if (column < 0 || spec.columns().get(column).type() != ColumnType.DOUBLE_LIST) {
                    throw new IllegalArgumentException("record " + name + " lists lead " + leadNames.get(l)
                            + " but the table has no list column of that name");
                }
                double[] samples = table.doubles(r, column);
                String unit = units >= 0 && table.rows().get(r).get(units) != null
                        && table.strings(r, units).size() > l ? table.strings(r, units).get(l) : "";
                list.add(new Lead(leadNames.get(l), unit, samples.clone()));
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException("record " + name + " has no leads");
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            if (meta >= 0 && table.rows().get(r).get(meta) != null) {
                for (String pair : table.string(r, meta).split("; ")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        metadata.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
            records.add(new Record(name, table.number(r, fs), list, metadata));
        }
        return records;
    }

    /** The class names the diagnoses of a records table are drawn from, as its spec says; empty if it does not. */
    public static List<String> diagnosisClasses(TableSpec spec) {
        int column = spec.indexOf(DIAGNOSIS);
        return column < 0 ? List.of() : spec.columns().get(column).values();
    }

    /** The diagnosis (class names) of each row of a records table. */
    public static List<List<String>> diagnoses(Table table) {
        int column = table.spec().require(DIAGNOSIS, ColumnType.STRING_LIST, "the records table");
        List<List<String>> result = new ArrayList<>();
        for (int r = 0; r < table.size(); r++) {
            Object v = table.rows().get(r).get(column);
            result.add(v == null ? List.of() : table.strings(r, column));
        }
        return result;
    }

    public static Table annotations(Map<String, List<Annotation>> byRecord) {
        Table.Builder b = new Table.Builder(ANNOTATIONS);
        for (Map.Entry<String, List<Annotation>> e : byRecord.entrySet()) {
            int i = 0;
            for (Annotation a : e.getValue()) {
                b.add(e.getKey() + "#" + i++, e.getKey(), Math.toIntExact(a.sample()), a.symbol(),
                        AamiClass.ofSymbol(a.symbol()).map(Enum::name).orElse(null), a.aux());
            }
        }
        return b.build();
    }

    /** Annotations by record of an annotations table (codes restored from the symbols). */
    public static Map<String, List<Annotation>> annotations(Table table) {
        TableSpec spec = table.spec();
        int record = spec.require(RECORD, ColumnType.STRING, "the annotations table");
        int sample = spec.require(SAMPLE, ColumnType.INTEGER, "the annotations table");
        int symbol = spec.require(SYMBOL, ColumnType.STRING, "the annotations table");
        int aux = spec.indexOf(AUX);
        Map<String, List<Annotation>> result = new LinkedHashMap<>();
        for (int r = 0; r < table.size(); r++) {
            String s = table.string(r, symbol);
            String text = aux >= 0 && table.rows().get(r).get(aux) != null ? table.string(r, aux) : "";
            result.computeIfAbsent(table.string(r, record), k -> new ArrayList<>())
                    .add(new Annotation(table.integer(r, sample), code(s), s, 0, 0, 0, text));
        }
        return result;
    }

    private static int code(String symbol) {
        for (int c = 1; c <= AnnotationCode.MAX; c++) {
            if (symbol.equals(AnnotationCode.mnemonic(c))) {
                return c;
            }
        }
        return 0;
    }
}
