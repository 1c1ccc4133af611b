package org.robustecg.node.check;

import java.util.List;
import org.robustecg.ops.Parameter;
import org.robustecg.ops.Schema;
import org.robustecg.ops.Values;
import org.robustecg.settings.SettingRanges;

/**
 * Settings of the Expectation Check.
 *
 * @param statistic rows (the row count), min, max or mean of a numeric column, or the value at a row
 * @param column    the numeric column (not used for rows)
 * @param row       the row index of "value"
 * @param lower     smallest accepted value
 * @param upper     largest accepted value
 */
public record ExpectationSettings(String statistic, String column, int row, double lower, double upper) {

    public static final Schema SCHEMA = new Schema("check", List.of(
            Parameter.choice("statistic", "Statistic", "rows", List.of("rows", "min", "max", "mean", "value"), "What is "
                    + "checked: the number of rows, the min, max or mean of a numeric column, or its value at a row."),
            Parameter.text("column", "Column", "", "The numeric (integer or double) column; unused for rows."),
            Parameter.integer("row", "Row index", 0, SettingRanges.ROW, "", "The row (0-based) whose value is checked."),
            Parameter.number("lower", "Lower bound", 0, SettingRanges.ANY_NUMBER, "", "Smallest accepted value."),
            Parameter.number("upper", "Upper bound", Double.MAX_VALUE, SettingRanges.ANY_NUMBER, "", "Largest "
                    + "accepted value.")));

    public static ExpectationSettings of(Values v) {
        ExpectationSettings s = new ExpectationSettings(v.text("statistic"), v.text("column").strip(), v.integer("row"),
                v.number("lower"), v.number("upper"));
        if (s.lower() > s.upper()) {
            throw new IllegalArgumentException("the lower bound " + s.lower() + " is above the upper bound " + s.upper());
        }
        if (!s.statistic().equals("rows") && s.column().isEmpty()) {
            throw new IllegalArgumentException("choose the column whose " + s.statistic() + " is checked");
        }
        return s;
    }
}
