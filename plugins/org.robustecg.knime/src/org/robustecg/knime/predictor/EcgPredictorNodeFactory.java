package org.robustecg.knime.predictor;

import org.robustecg.knime.node.StepNodeFactory;
import org.robustecg.node.predictor.PredictorStep;

/** The ECG Predictor node: predicted class and class probabilities. */
public final class EcgPredictorNodeFactory extends StepNodeFactory {

    public EcgPredictorNodeFactory() {
        super(new PredictorStep());
    }
}
