package org.robustecg.knime.modelio;

import org.robustecg.knime.node.StepNodeFactory;
import org.robustecg.node.modelio.ModelWriterStep;

/** The Model Writer node: a model into a .recg file. */
public final class ModelWriterNodeFactory extends StepNodeFactory {

    public ModelWriterNodeFactory() {
        super(new ModelWriterStep());
    }
}
