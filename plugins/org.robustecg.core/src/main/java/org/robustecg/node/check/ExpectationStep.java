package org.robustecg.node.check;

import java.util.List;
import java.util.Locale;
import org.robustecg.node.AbstractNodeStep;
import org.robustecg.ops.Values;
import org.robustecg.node.Port;
import org.robustecg.node.StepContext;
import org.robustecg.table.ColumnType;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;

/**
 * Expectation Check: fails, with a message saying what was expected and found, unless a statistic of its input
 * lies within bounds; passes the table on otherwise. The assertion of the RobustECG testflows, and a quality
 * gate in a pipeline (e.g. stop when ACC_robust falls below 0.7).
 */
public final class ExpectationStep extends AbstractNodeStep {

    public ExpectationStep() {
        super("Expectation Check",
                "Checks that a statistic of its input table lies within bounds: the row count, or the minimum, "
                    + "maximum, mean or one value of a numeric column. The node fails with a message naming what was "
                    + "expected and what was found; otherwise it passes its input on. Use it as the assertion of a "
                    + "testflow or as a quality gate (e.g. fail when ACC_robust drops below 0.7).",
                ExpectationSettings.SCHEMA,
                List.of(Port.table("Table", "The table to check.")),
                List.of(Port.table("Table", "The input table, unchanged, when the expectation holds.")));
    }

    @Override
    public int passThroughInput(int output) {
        return 0;
    }

    @Override
    public List<Object> configure(Values values, List<Object> inputSpecs) {
        ExpectationSettings s = ExpectationSettings.of(values);
        if (inputSpecs.get(0) instanceof TableSpec spec) {
            column(spec, s);
        }
        return java.util.Arrays.asList(inputSpecs.get(0));
    }

    @Override
    public List<Object> execute(Values values, List<Object> inputs, StepContext context) {
        ExpectationSettings s = ExpectationSettings.of(values);
        Table table = (Table) inputs.get(0);
        double found;
        String what;
        if (s.statistic().equals("rows")) {
            found = table.size();
            what = "the row count";
        } else {
            int c = column(table.spec(), s);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (int r = 0; r < table.size(); r++) {
                Object v = table.rows().get(r).get(c);
                if (v != null) {
                    double d = ((Number) v).doubleValue();
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                    sum += d;
                    n++;
                }
            }
            if (s.statistic().equals("value")) {
                if (s.row() >= table.size()) {
                    throw new IllegalArgumentException("expectation failed: the table has " + table.size()
                            + " rows, no row " + s.row());
                }
                Object v = table.rows().get(s.row()).get(c);
                found = v == null ? Double.NaN : ((Number) v).doubleValue();
                what = "'" + s.column() + "' at row " + s.row();
            } else {
                if (n == 0) {
                    throw new IllegalArgumentException("expectation failed: column '" + s.column() + "' has no values");
                }
                found = switch (s.statistic()) {
                    case "min" -> min;
                    case "max" -> max;
                    default -> sum / n;
                };
                what = "the " + s.statistic() + " of '" + s.column() + "'";
            }
        }
        if (!(found >= s.lower() && found <= s.upper())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "expectation failed: %s is %s, expected in [%s, %s]", what, found, s.lower(), s.upper()));
        }
        return List.of(table);
    }

    private static int column(TableSpec spec, ExpectationSettings s) {
        if (s.statistic().equals("rows")) {
            return -1;
        }
        int c = spec.indexOf(s.column());
        if (c < 0 || !(spec.columns().get(c).type() == ColumnType.DOUBLE
                || spec.columns().get(c).type() == ColumnType.INTEGER)) {
            throw new IllegalArgumentException("the table has no numeric column '" + s.column() + "'; it has "
                    + spec.names());
        }
        return c;
    }
}
