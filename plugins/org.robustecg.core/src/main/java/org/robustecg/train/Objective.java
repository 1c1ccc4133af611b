package org.robustecg.train;

import java.util.Locale;

/** The training objectives of SPEC section 3. */
public enum Objective {
    /** Cross-entropy on natural examples (no adversary). */
    CE,
    /** Madry et al.: cross-entropy on PGD adversarial examples. */
    PGD_AT,
    /** Zhang et al. 2019: CE(natural) + beta * KL(p_natural || p_adversarial). */
    TRADES,
    /** Wang et al. 2020 (misclassification-aware): boosted CE on adversarial examples + lambda * weighted KL. */
    MART;

    public boolean adversarial() {
        return this != CE;
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
        throw new IllegalArgumentException("unknown loss '" + name + "' (ce, pgd-at, trades, mart)");
    }
}
