package org.robustecg.table;

import java.util.Objects;

/** A named, typed column. */
public record Column(String name, ColumnType type) {

    public Column {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
    }
}
