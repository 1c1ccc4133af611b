package org.robustecg.knime.check;

import org.robustecg.knime.node.StepNodeFactory;
import org.robustecg.node.check.ExpectationStep;

/** The Expectation Check node: a testflow assertion and pipeline quality gate. */
public final class ExpectationCheckNodeFactory extends StepNodeFactory {

    public ExpectationCheckNodeFactory() {
        super(new ExpectationStep());
    }
}
