package org.robustecg.knime.attacker;

import org.robustecg.knime.node.StepNodeFactory;
import org.robustecg.node.attacker.AttackerStep;

/** The Adversarial Attacker node: one attack over a radius grid. */
public final class AdversarialAttackerNodeFactory extends StepNodeFactory {

    public AdversarialAttackerNodeFactory() {
        super(new AttackerStep());
    }
}
