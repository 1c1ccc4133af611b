package org.robustecg.table;

import java.util.List;
import java.util.Objects;

/**
 * A named, typed column.
 *
 * @param values the values its cells can take (a string column) or its lists' elements can take (a string-list
 *               column), in order, when they are known before the table exists (e.g. the classes of a label column:
 *               KNIME's domain); empty when not known
 */
public record Column(String name, ColumnType type, List<String> values) {

    public Column {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
        values = List.copyOf(values);
        if (!values.isEmpty() && type != ColumnType.STRING && type != ColumnType.STRING_LIST) {
            throw new IllegalArgumentException("column '" + name + "': only string columns list their values");
        }
    }

    /** A column whose values are not known in advance. */
    public Column(String name, ColumnType type) {
        this(name, type, List.of());
    }
}
