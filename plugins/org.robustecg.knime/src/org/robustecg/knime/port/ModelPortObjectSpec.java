package org.robustecg.knime.port;

import java.util.List;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.robustecg.model.Architecture;
import org.robustecg.model.ModelFile;
import org.robustecg.model.ModelInfo;
import org.robustecg.node.ModelPortSpec;

/**
 * The spec of a RobustECG model port: architecture, classes and leads, known at configure; once the model exists,
 * everything its model file says (input shape, preprocessing, training history).
 */
public final class ModelPortObjectSpec extends AbstractSimplePortObjectSpec {

    private static final String ARCHITECTURE = "architecture";
    private static final String CLASSES = "class_names";
    private static final String LEADS = "leads";
    private static final String INFO = "model_info_json";

    private ModelPortSpec spec;

    /** Framework constructor (then {@link #load(ModelContentRO)}). */
    public ModelPortObjectSpec() {
    }

    public ModelPortObjectSpec(ModelPortSpec spec) {
        this.spec = spec;
    }

    public ModelPortSpec spec() {
        return spec;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString(ARCHITECTURE, spec.architecture().cliName());
        model.addStringArray(CLASSES, spec.classNames().toArray(String[]::new));
        model.addInt(LEADS, spec.leads());
        if (spec.info() != null) {
            model.addString(INFO, ModelFile.toJson(spec.info()));
        }
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        try {
            ModelInfo info = model.containsKey(INFO) ? ModelFile.fromJson(model.getString(INFO)) : null;
            // a model port saved before specs were known at configure holds the description only
            spec = !model.containsKey(ARCHITECTURE) && info != null ? ModelPortSpec.of(info)
                    : new ModelPortSpec(Architecture.ofCliName(model.getString(ARCHITECTURE)),
                            List.of(model.getStringArray(CLASSES)), model.getInt(LEADS), info);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea(spec.describe());
        text.setEditable(false);
        JScrollPane pane = new JScrollPane(text);
        pane.setName("Model description");
        return new JComponent[] {pane};
    }

    /** Framework serializer. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<ModelPortObjectSpec> {
    }
}
