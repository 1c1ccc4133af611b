package org.robustecg.table;

import java.util.List;

/** The cell types of the core's table model, each with the Java class its (non-missing) cells hold. */
public enum ColumnType {
    STRING(String.class),
    INTEGER(Integer.class),
    DOUBLE(Double.class),
    /** A signal or any other list of numbers: {@code double[]}. */
    DOUBLE_LIST(double[].class),
    STRING_LIST(List.class);

    private final Class<?> javaClass;

    ColumnType(Class<?> javaClass) {
        this.javaClass = javaClass;
    }

    /** True if the value can be a cell of this type (null is a missing cell and fits every type). */
    public boolean accepts(Object value) {
        if (value == null) {
            return true;
        }
        if (this == STRING_LIST) {
            return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
        }
        return javaClass.isInstance(value);
    }
}
