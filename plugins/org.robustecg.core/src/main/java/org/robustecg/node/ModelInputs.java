package org.robustecg.node;

import java.util.List;
import org.robustecg.data.Dataset;
import org.robustecg.node.tables.DatasetTables;
import org.robustecg.table.Table;
import org.robustecg.table.TableSpec;

/** Checks and conversions shared by the nodes that apply a model to an items table. */
public final class ModelInputs {

    private ModelInputs() {
    }

    /** In configure: the table has as many signal columns as the model has leads. */
    public static void checkSpec(Object modelSpec, Object tableSpec, String what) {
        if (tableSpec instanceof TableSpec spec) {
            int leads = DatasetTables.leadColumns(spec, what).size();
            if (modelSpec instanceof ModelPortSpec model && model.leads() != leads) {
                throw new IllegalArgumentException("the model expects " + model.leads() + " lead(s), "
                        + what + " has " + leads + " signal column(s) " + DatasetTables.leadNames(spec));
            }
        }
    }

    /** The items of the table in the model's class order; the data must fit the model's input. */
    public static Dataset items(ModelPort model, Table table, boolean labelsRequired, String what) {
        List<String> classes = model.info().classNames();
        Dataset d = DatasetTables.toDataset(table, classes, labelsRequired, what);
        var s = model.info().settings();
        if (d.leads() != s.leads() || d.length() != s.length()) {
            throw new IllegalArgumentException("the model expects " + s.leads() + " lead(s) x " + s.length()
                    + " samples (" + model.info().preprocessing() + "); " + what + " has " + d.leads() + " x "
                    + d.length());
        }
        return d;
    }
}
