package org.robustecg.node.tables;

import java.util.ArrayList;
import java.util.List;
import org.robustecg.attack.AttackRecord;
import org.robustecg.table.Column;
import org.robustecg.table.ColumnType;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;

/**
 * The predictions table of an attack (the schema of {@code robustecg attack}'s CSV): one row per sample and
 * radius, the clean point at eps = 0 included.
 */
public final class PredictionTables {

    public static final TableSpec SPEC = TableSpec.of(new Column("attack", ColumnType.STRING),
            new Column("epsilon", ColumnType.DOUBLE), new Column("sample id", ColumnType.INTEGER),
            new Column("label", ColumnType.STRING), new Column("prediction", ColumnType.STRING),
            new Column("clean prediction", ColumnType.STRING), new Column("linf", ColumnType.DOUBLE),
            new Column("l2", ColumnType.DOUBLE), new Column("snr (dB)", ColumnType.DOUBLE));

    private PredictionTables() {
    }

    public static Table toTable(List<AttackRecord> records) {
        Table.Builder b = new Table.Builder(SPEC);
        int i = 0;
        for (AttackRecord r : records) {
            b.add("Row" + i++, r.attack(), r.epsilon(), r.sampleId(), r.label(), r.prediction(), r.cleanPrediction(),
                    r.linf(), r.l2(), r.snrDb());
        }
        return b.build();
    }

    /** The attack records of a predictions table; an error naming the column when it does not fit. */
    public static List<AttackRecord> records(Table table) {
        String what = "the predictions table";
        int attack = table.spec().require("attack", ColumnType.STRING, what);
        int eps = table.spec().require("epsilon", ColumnType.DOUBLE, what);
        int id = table.spec().require("sample id", ColumnType.INTEGER, what);
        int label = table.spec().require("label", ColumnType.STRING, what);
        int prediction = table.spec().require("prediction", ColumnType.STRING, what);
        int clean = table.spec().indexOf("clean prediction");
        int linf = table.spec().indexOf("linf");
        int l2 = table.spec().indexOf("l2");
        int snr = table.spec().indexOf("snr (dB)");
        List<AttackRecord> records = new ArrayList<>();
        for (int r = 0; r < table.size(); r++) {
            double e = table.number(r, eps);
            if (!(e >= 0)) {
                throw new IllegalArgumentException(what + ", row " + table.rows().get(r).key() + ": epsilon " + e
                        + " is not >= 0");
            }
            records.add(new AttackRecord(table.string(r, attack), e, table.integer(r, id), table.string(r, label),
                    table.string(r, prediction), optional(table, r, clean), number(table, r, linf),
                    number(table, r, l2), number(table, r, snr)));
        }
        return records;
    }

    private static String optional(Table t, int row, int column) {
        return column < 0 || t.rows().get(row).get(column) == null ? null : t.string(row, column);
    }

    private static double number(Table t, int row, int column) {
        return column < 0 || t.rows().get(row).get(column) == null ? Double.NaN : t.number(row, column);
    }
}
