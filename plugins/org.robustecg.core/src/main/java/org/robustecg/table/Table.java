package org.robustecg.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small in-memory table: what the node steps of {@code org.robustecg.node} take and give, and what the
 * KNIME layer converts to and from KNIME's tables with one generic converter. Cells are checked against their
 * column types; typed getters name the row and column of a bad cell.
 */
public record Table(TableSpec spec, List<Row> rows) {

    public Table {
        rows = List.copyOf(rows);
        Set<String> keys = new HashSet<>();
        for (Row r : rows) {
            if (r.cells().size() != spec.columns().size()) {
                throw new IllegalArgumentException("row " + r.key() + " has " + r.cells().size() + " cells for "
                        + spec.columns().size() + " columns");
            }
            if (!keys.add(r.key())) {
                throw new IllegalArgumentException("duplicate row key " + r.key());
            }
            for (int c = 0; c < r.cells().size(); c++) {
                Column column = spec.columns().get(c);
                if (!column.type().accepts(r.get(c))) {
                    throw new IllegalArgumentException("row " + r.key() + ", column '" + column.name() + "': "
                            + r.get(c).getClass().getSimpleName() + " is not a " + column.type() + " cell");
                }
            }
        }
    }

    public int size() {
        return rows.size();
    }

    public String string(int row, int column) {
        return (String) required(row, column);
    }

    public int integer(int row, int column) {
        return (Integer) required(row, column);
    }

    public double number(int row, int column) {
        return (Double) required(row, column);
    }

    public double[] doubles(int row, int column) {
        return (double[]) required(row, column);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(int row, int column) {
        return (List<String>) required(row, column);
    }

    /** The cell, or an error naming the row and column when it is missing. */
    public Object required(int row, int column) {
        Object v = rows.get(row).get(column);
        if (v == null) {
            throw new IllegalArgumentException("row " + rows.get(row).key() + " has a missing value in column '"
                    + spec.columns().get(column).name() + "'");
        }
        return v;
    }

    /** Builds a table row by row. */
    public static final class Builder {

        private final TableSpec spec;
        private final List<Row> rows = new ArrayList<>();

        public Builder(TableSpec spec) {
            this.spec = spec;
        }

        public Builder add(String key, Object... cells) {
            rows.add(Row.of(key, cells));
            return this;
        }

        public Table build() {
            return new Table(spec, rows);
        }
    }
}
