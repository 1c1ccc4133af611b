package org.robustecg.attack;

import java.util.Arrays;
import java.util.Locale;
import org.robustecg.settings.Range;
import org.robustecg.settings.SettingException;
import org.robustecg.settings.SettingRanges;

/** The white-box attacks of METHOD 5 (l-inf unless said). */
public enum AttackKind {
    /** Uniform white noise x + eps * U(-1, 1): a baseline, not an attack on the model. */
    NOISE,
    /** Fast gradient sign method: one step of eps * sign(grad). */
    FGSM,
    /** Momentum iterative FGSM (decay 1.0, l1-normalised gradients). */
    MIFGSM,
    /** Madry PGD: random start, signed steps, projection; each sample's best iterate over all restarts is kept. */
    PGD,
    /** The ECG literature's PGD: Adamax-driven noise, fixed step 0.01, per-sample early stop. */
    PGD_ECG,
    /** Carlini-Wagner l2 (tanh variables, Adam, binary search over c); its radius is an l2 budget. */
    CW,
    /** PGD ascending the Carlini-Wagner margin instead of cross-entropy. */
    CW_LINF,
    /** APGD-CE (Croce and Hein 2020): step-size-free PGD with momentum, the core of AutoAttack. */
    APGD,
    /** APGD ascending the difference of logits ratio (DLR) loss, invariant to the scale of the logits. */
    APGD_DLR,
    /** Targeted APGD on the targeted DLR loss, once per class among the top-k others of the clean logits. */
    APGD_T,
    /** Square Attack (Andriushchenko et al. 2020): gradient-free random search over windows at the eps corners. */
    SQUARE,
    /** AutoAttack's evaluation: APGD-CE, then APGD-T, then Square, each on the beats still unbroken. */
    ENSEMBLE,
    /** Smooth adversarial perturbation (Han et al. 2020): a sum of Gaussian-smoothed perturbations. */
    SAP;

    /** The range of this attack's radius: an l2 budget for cw, an l-inf radius for every other. */
    public Range radiusRange() {
        return this == CW ? SettingRanges.L2_BUDGET : SettingRanges.RADIUS;
    }

    /**
     * Checks a radius grid: each radius allowed for this attack (0, the clean point, is always included and may
     * be given), at least one above 0. Returns the radii above 0, sorted, without repeats.
     */
    public double[] radii(String where, double[] radii) {
        double[] grid = Arrays.stream(radii).filter(r -> r != 0).toArray();
        if (grid.length == 0) {
            throw new SettingException(where + " gives no radius above 0: give at least one ("
                    + radiusRange().allowed() + ", " + radiusRange().meaning() + ")");
        }
        for (double r : grid) {
            radiusRange().check(where + " (" + cliName() + ")", r);
        }
        return Arrays.stream(grid).sorted().distinct().toArray();
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AttackKind ofCliName(String name) {
        for (AttackKind k : values()) {
            if (k.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown attack '" + name + "' (noise, fgsm, mifgsm, pgd, pgd-ecg, cw, cw-linf, apgd, apgd-dlr, apgd-t, square, ensemble, sap)");
    }
}
