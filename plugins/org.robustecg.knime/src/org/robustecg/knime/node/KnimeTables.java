package org.robustecg.knime.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnProperties;
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
import org.knime.core.data.container.AbstractCellFactory;
import org.knime.core.data.container.ColumnRearranger;
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
    /** Column property: the values the lists of a string-list column hold, one per line. */
    private static final String ELEMENT_VALUES = "robustecg.element-values";

    private KnimeTables() {
    }

    public static DataTableSpec toKnime(TableSpec spec) {
        return new DataTableSpec(spec.columns().stream().map(c -> toKnime(c.name(), c)).toArray(DataColumnSpec[]::new));
    }

    /**
     * A column under this name. Known values of a string column become its domain (as KNIME's own nodes give it);
     * those of a string-list column, which a domain cannot hold, a column property.
     */
    private static DataColumnSpec toKnime(String name, Column c) {
        DataColumnSpecCreator creator = new DataColumnSpecCreator(name, type(c.type()));
        if (!c.values().isEmpty() && c.type() == ColumnType.STRING) {
            Set<DataCell> values = new LinkedHashSet<>();
            c.values().forEach(v -> values.add(new StringCell(v)));
            creator.setDomain(new DataColumnDomainCreator(values).createDomain());
        } else if (!c.values().isEmpty()) {
            creator.setProperties(new DataColumnProperties(Map.of(ELEMENT_VALUES, String.join("\n", c.values()))));
        }
        return creator.createSpec();
    }

    /** The core view of a KNIME spec: every column of a supported type, in order, with its known values. */
    public static TableSpec toCore(DataTableSpec spec) {
        List<Column> columns = new ArrayList<>();
        for (DataColumnSpec c : spec) {
            ColumnType type = coreType(c.getType());
            if (type == ColumnType.STRING && c.getDomain().hasValues()) {
                columns.add(new Column(c.getName(), type, c.getDomain().getValues().stream()
                        .map(v -> ((StringValue) v).getStringValue()).toList()));
            } else if (type == ColumnType.STRING_LIST && c.getProperties().containsProperty(ELEMENT_VALUES)) {
                columns.add(new Column(c.getName(), type, List.of(c.getProperties().getProperty(ELEMENT_VALUES)
                        .split("\n"))));
            } else if (type != null) {
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

    /**
     * The spec of {@code in} with the columns of a core output spec that come after the core view of {@code in}
     * appended: the input columns stay as they are (every type, domain and property).
     */
    public static DataTableSpec appendedSpec(DataTableSpec in, TableSpec out) {
        return rearranger(in, out, null).createSpec();
    }

    /**
     * The input table as it is, with the columns that a core step's output {@code out} (the core view of
     * {@code in}, rows in the same order, plus new columns) adds to it appended.
     */
    public static BufferedDataTable appendTo(BufferedDataTable in, Table out, ExecutionContext exec)
            throws CanceledExecutionException {
        if (out.spec().columns().size() == toCore(in.getDataTableSpec()).columns().size()) {
            return in;
        }
        Map<String, Row> byKey = new HashMap<>();
        out.rows().forEach(r -> byKey.put(r.key(), r));
        return exec.createColumnRearrangeTable(in, rearranger(in.getDataTableSpec(), out.spec(), byKey), exec);
    }

    private static ColumnRearranger rearranger(DataTableSpec in, TableSpec out, Map<String, Row> rows) {
        int kept = toCore(in).columns().size();
        List<Column> added = out.columns().subList(kept, out.columns().size());
        // unique among all input columns, also those the core does not see
        DataColumnSpec[] specs = added.stream().map(c -> toKnime(DataTableSpec.getUniqueColumnName(in, c.name()), c))
                .toArray(DataColumnSpec[]::new);
        ColumnRearranger rearranger = new ColumnRearranger(in);
        rearranger.append(new AbstractCellFactory(specs) {
            @Override
            public DataCell[] getCells(DataRow row) {
                Row values = rows.get(row.getKey().getString());
                DataCell[] cells = new DataCell[added.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cell(values.get(kept + i), added.get(i).type());
                }
                return cells;
            }
        });
        return rearranger;
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
