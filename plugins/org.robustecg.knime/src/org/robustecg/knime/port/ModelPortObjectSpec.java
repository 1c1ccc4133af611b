package org.robustecg.knime.port;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.robustecg.model.ModelFile;
import org.robustecg.model.ModelInfo;

/** The spec of a RobustECG model port: what the model file says (architecture, classes, input shape, history). */
public final class ModelPortObjectSpec extends AbstractSimplePortObjectSpec {

    private static final String INFO = "model_info_json";

    private ModelInfo info;

    /** Framework constructor (then {@link #load(ModelContentRO)}). */
    public ModelPortObjectSpec() {
    }

    public ModelPortObjectSpec(ModelInfo info) {
        this.info = info;
    }

    public ModelInfo info() {
        return info;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString(INFO, ModelFile.toJson(info));
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        try {
            info = ModelFile.fromJson(model.getString(INFO));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea(ModelFile.toJson(info));
        text.setEditable(false);
        JScrollPane pane = new JScrollPane(text);
        pane.setName("Model description");
        return new JComponent[] {pane};
    }

    /** Framework serializer. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<ModelPortObjectSpec> {
    }
}
