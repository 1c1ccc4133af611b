package org.robustecg.knime.preprocessor;

import org.robustecg.knime.node.StepNodeFactory;
import org.robustecg.node.preprocessor.PreprocessorStep;

/** The ECG Preprocessor node: beats or records into training and test items. */
public final class EcgPreprocessorNodeFactory extends StepNodeFactory {

    public EcgPreprocessorNodeFactory() {
        super(new PreprocessorStep());
    }
}
