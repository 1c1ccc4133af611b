package org.robustecg.knime.scorer;

import org.robustecg.knime.node.StepNodeFactory;
import org.robustecg.node.scorer.ScorerStep;

/** The Robustness Scorer node: ACC_robust, F1_robust, curves and confusion matrices. */
public final class RobustnessScorerNodeFactory extends StepNodeFactory {

    public RobustnessScorerNodeFactory() {
        super(new ScorerStep());
    }
}
