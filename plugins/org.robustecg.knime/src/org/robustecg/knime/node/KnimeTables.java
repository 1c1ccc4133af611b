package org.robustecg.knime.node;

import java.util.ArrayList;
import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.CollectionCellFactory;
import org.knime.core.data.collection.CollectionDataValue;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.robustecg.table.Column;
import org.robustecg.table.ColumnType;
import org.robustecg.table.Row;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;

/**
 * The one converter between KNIME tables and the core's table model: strings, ints, doubles, and lists of
 * doubles or strings (collection columns). Columns of other KNIME types are not passed to the core.
 */
public final class KnimeTables {

    private static final DataType DOUBLE_LIST = ListCell.getCollectionType(DoubleCell.TYPE);
    private static final DataType STRING_LIST = ListCell.getCollectionType(StringCell.TYPE);

    private KnimeTables() {
    }

    public static DataTableSpec toKnime(TableSpec spec) {
        List<DataColumnSpec> columns = new ArrayList<>();
        for (Column c : spec.columns()) {
            columns.add(new DataColumnSpecCreator(c.name(), type(c.type())).createSpec());
        }
        return new DataTableSpec(columns.toArray(DataColumnSpec[]::new));
    }

    /** The core view of a KNIME spec: every column of a supported type, in order. */
    public static TableSpec toCore(DataTableSpec spec) {
        List<Column> columns = new ArrayList<>();
        for (DataColumnSpec c : spec) {
            ColumnType type = coreType(c.getType());
            if (type != null) {
                columns.add(new Column(c.getName(), type));
            }
        }
        return new TableSpec(columns);
    }

    public static Table toCore(BufferedDataTable table, ExecutionContext exec) throws CanceledExecutionException {
        DataTableSpec knime = table.getDataTableSpec();
        TableSpec spec = toCore(knime);
        int[] index = spec.columns().stream().mapToInt(c -> knime.findColumnIndex(c.name())).toArray();
        List<Row> rows = new ArrayList<>();
        for (DataRow row : table) {
            exec.checkCanceled();
            List<Object> cells = new ArrayList<>(index.length);
            for (int i = 0; i < index.length; i++) {
                cells.add(value(row.getCell(index[i]), spec.columns().get(i).type()));
            }
            rows.add(new Row(row.getKey().getString(), cells));
        }
        return new Table(spec, rows);
    }

    public static BufferedDataTable toKnime(Table table, ExecutionContext exec) throws CanceledExecutionException {
        BufferedDataContainer container = exec.createDataContainer(toKnime(table.spec()));
        List<Column> columns = table.spec().columns();
        for (Row row : table.rows()) {
            exec.checkCanceled();
            DataCell[] cells = new DataCell[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cell(row.get(i), columns.get(i).type());
            }
            container.addRowToTable(new DefaultRow(row.key(), cells));
        }
        container.close();
        return container.getTable();
    }

    private static DataType type(ColumnType type) {
        return switch (type) {
            case STRING -> StringCell.TYPE;
            case INTEGER -> IntCell.TYPE;
            case DOUBLE -> DoubleCell.TYPE;
            case DOUBLE_LIST -> DOUBLE_LIST;
            case STRING_LIST -> STRING_LIST;
        };
    }

    private static ColumnType coreType(DataType type) {
        if (type.isCollectionType()) {
            DataType element = type.getCollectionElementType();
            if (element.isCompatible(DoubleValue.class)) {
                return ColumnType.DOUBLE_LIST;
            }
            return element.isCompatible(StringValue.class) ? ColumnType.STRING_LIST : null;
        }
        if (type.equals(IntCell.TYPE)) {
            return ColumnType.INTEGER;
        }
        if (type.isCompatible(DoubleValue.class)) {
            return ColumnType.DOUBLE;
        }
        return type.isCompatible(StringValue.class) ? ColumnType.STRING : null;
    }

    private static DataCell cell(Object value, ColumnType type) {
        if (value == null) {
            return DataType.getMissingCell();
        }
        return switch (type) {
            case STRING -> new StringCell((String) value);
            case INTEGER -> new IntCell((Integer) value);
            case DOUBLE -> new DoubleCell((Double) value);
            case DOUBLE_LIST -> {
                double[] values = (double[]) value;
                List<DoubleCell> cells = new ArrayList<>(values.length);
                for (double v : values) {
                    cells.add(new DoubleCell(v));
                }
                yield CollectionCellFactory.createListCell(cells);
            }
            case STRING_LIST -> {
                List<StringCell> cells = new ArrayList<>();
                for (Object s : (List<?>) value) {
                    cells.add(new StringCell((String) s));
                }
                yield CollectionCellFactory.createListCell(cells);
            }
        };
    }

    private static Object value(DataCell cell, ColumnType type) {
        if (cell.isMissing()) {
            return null;
        }
        return switch (type) {
            case STRING -> ((StringValue) cell).getStringValue();
            case INTEGER -> ((IntValue) cell).getIntValue();
            case DOUBLE -> ((DoubleValue) cell).getDoubleValue();
            case DOUBLE_LIST -> {
                CollectionDataValue list = (CollectionDataValue) cell;
                double[] values = new double[list.size()];
                int i = 0;
                for (DataCell c : list) {
                    values[i++] = c.isMissing() ? Double.NaN : ((DoubleValue) c).getDoubleValue();
                }
                yield values;
            }
            case STRING_LIST -> {
                List<String> values = new ArrayList<>();
                for (DataCell c : (CollectionDataValue) cell) {
                    values.add(c.isMissing() ? "" : ((StringValue) c).getStringValue());
                }
                yield values;
            }
        };
    }
}
