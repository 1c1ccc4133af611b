package org.robustecg.knime.node;

import javax.swing.JFileChooser;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelNumber;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.robustecg.node.NodeStep;
import org.robustecg.ops.Face;
import org.robustecg.ops.Parameter;

/**
 * The dialog of every RobustECG node: one component per parameter of the step's schema, labelled and with its
 * description as tool tip. KNIME's Flow Variables tab lists the same keys, so every setting can come from a flow variable.
 */
final class StepNodeDialog extends DefaultNodeSettingsPane {

    StepNodeDialog(NodeStep step) {
        for (Parameter o : step.schema().on(Face.NODE)) {
            var model = StepSettings.model(o);
            DialogComponent component = o.optional() ? new DialogComponentString((SettingsModelString) model,
                    o.label() + " (empty: unset)", false, 20) : component(step, o, model);
            if (component instanceof DialogComponentFileChooser chooser) {
                chooser.setBorderTitle(o.label());
            }
            component.setToolTipText(o.description());
            addDialogComponent(component);
        }
    }

    private static DialogComponent component(NodeStep step, Parameter o, SettingsModel model) {
        return switch (o.type()) {
            case CHOICE -> new DialogComponentStringSelection((SettingsModelString) model, o.label(), o.choices());
            case INTEGER -> new DialogComponentNumber((SettingsModelNumber) model, o.label(), 1, 10);
            case NUMBER -> new DialogComponentNumber((SettingsModelNumber) model, o.label(), step(o), 10);
            case BOOLEAN -> new DialogComponentBoolean((SettingsModelBoolean) model, o.label());
            case FILE -> new DialogComponentFileChooser((SettingsModelString) model, "robustecg." + o.key(),
                    step.outputs().isEmpty() ? JFileChooser.SAVE_DIALOG : JFileChooser.OPEN_DIALOG, false);
            case FOLDER -> new DialogComponentFileChooser((SettingsModelString) model, "robustecg." + o.key(),
                    JFileChooser.OPEN_DIALOG, true);
            default -> new DialogComponentString((SettingsModelString) model, o.label(), false, 40);
        };
    }

    private static double step(Parameter o) {
        double range = o.range().max() - o.range().min();
        return range <= 1 ? 0.01 : range <= 100 ? 0.1 : 1;
    }
}
