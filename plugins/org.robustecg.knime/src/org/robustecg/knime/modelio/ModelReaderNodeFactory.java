package org.robustecg.knime.modelio;

import org.robustecg.knime.node.StepNodeFactory;
import org.robustecg.node.modelio.ModelReaderStep;

/** The Model Reader node: a model from a .recg file. */
public final class ModelReaderNodeFactory extends StepNodeFactory {

    public ModelReaderNodeFactory() {
        super(new ModelReaderStep());
    }
}
