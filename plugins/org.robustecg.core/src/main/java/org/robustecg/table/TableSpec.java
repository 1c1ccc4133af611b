package org.robustecg.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The columns of a table, in order, with unique names. */
public record TableSpec(List<Column> columns) {

    public TableSpec {
        columns = List.copyOf(columns);
        Set<String> names = new HashSet<>();
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("duplicate column '" + c.name() + "'");
            }
        }
    }

    public static TableSpec of(Column... columns) {
        return new TableSpec(List.of(columns));
    }

    /** Index of the named column, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the named column of the given type; an error that names the column and what the table has
     * otherwise (what a node says in configure when its input does not fit).
     */
    public int require(String name, ColumnType type, String table) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(table + " has no column '" + name + "' (" + type + "); it has "
                    + names());
        }
        if (columns.get(i).type() != type) {
            throw new IllegalArgumentException("column '" + name + "' of " + table + " is " + columns.get(i).type()
                    + ", expected " + type);
        }
        return i;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }
}
