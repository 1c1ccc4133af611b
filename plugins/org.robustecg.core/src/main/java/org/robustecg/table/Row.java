package org.robustecg.table;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A row: its key (unique in its table) and one cell per column; a null cell is missing. */
public record Row(String key, List<Object> cells) {

    public Row {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a row needs a key");
        }
        cells = Collections.unmodifiableList(Arrays.asList(cells.toArray()));
    }

    public static Row of(String key, Object... cells) {
        return new Row(key, Arrays.asList(cells));
    }

    public Object get(int column) {
        return cells.get(column);
    }
}
