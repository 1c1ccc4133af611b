package org.robustecg.objective;

import java.util.Locale;

/** The training objectives of METHOD 4.3. */
public enum Objective {
    /** Cross-entropy on natural examples (no adversary). */
    CE,
    /** Madry et al.: cross-entropy on PGD adversarial examples. */
    PGD_AT,
    /** Zhang et al. 2019: CE(natural) + beta * KL(p_natural || p_adversarial). */
    TRADES,
    /** Wang et al. 2020 (misclassification-aware): boosted CE on adversarial examples + lambda * weighted KL. */
    MART,
    /** Jacobian regularisation: CE(natural) + weight * ||J||_F^2, J the input Jacobian of the logits. */
    JACOBIAN,
    /** Ma and Liang's noise-to-signal-ratio regularisation with MSE and margin terms. */
    NSR;

    /** True if the objective trains on adversarial examples. */
    public boolean adversarial() {
        return this == PGD_AT || this == TRADES || this == MART;
    }

    /** True if the objective needs the logits at a finite-difference probe of the input. */
    public boolean probed() {
        return this == JACOBIAN || this == NSR;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Objective ofCliName(String name) {
        for (Objective o : values()) {
            if (o.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + name + "' (ce, pgd-at, trades, mart, jacobian, nsr)");
    }
}
