package org.robustecg.knime.learner;

import java.util.Locale;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import org.knime.core.node.NodeView;
import org.robustecg.knime.node.StepNodeModel;
import org.robustecg.model.EpochRecord;

/** Loss and accuracy per epoch, updated while the learner trains. */
final class TrainingView extends NodeView<StepNodeModel> {

    private static final String[] COLUMNS = {"epoch", "training loss", "training accuracy", "validation loss",
        "validation accuracy", "robust accuracy", "learning rate", "seconds"};

    private final DefaultTableModel rows = new DefaultTableModel(COLUMNS, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };

    TrainingView(StepNodeModel model) {
        super(model);
        setComponent(new JScrollPane(new JTable(rows)));
        refresh();
    }

    @Override
    protected void modelChanged() {
        refresh();
    }

    @Override
    protected void updateModel(final Object arg) {
        refresh();
    }

    @Override
    protected void onOpen() {
        refresh();
    }

    @Override
    protected void onClose() {
        // nothing to release
    }

    private void refresh() {
        var epochs = getNodeModel() == null ? java.util.List.<EpochRecord>of() : getNodeModel().epochs();
        SwingUtilities.invokeLater(() -> {
            rows.setRowCount(0);
            for (EpochRecord r : epochs) {
                rows.addRow(new Object[] {r.epoch(), f(r.trainLoss()), f(r.trainAccuracy()), f(r.validationLoss()),
                    f(r.validationAccuracy()), f(r.robustAccuracy()), String.format(Locale.ROOT, "%.1e", r.learningRate()),
                    f(r.seconds())});
            }
        });
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }
}
