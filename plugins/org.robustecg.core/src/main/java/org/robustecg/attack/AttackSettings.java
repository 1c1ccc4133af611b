package org.robustecg.attack;

import org.robustecg.settings.SettingRanges;

/**
 * How an attack runs, apart from its radius.
 *
 * @param kind      which attack
 * @param steps     iterations of the iterative attacks (PGD 100 for evaluation; SAP runs 2 x steps in phase 2)
 * @param stepSize  step size; 0 means the attack's default (PGD: eps / 4 ... see {@link #stepFor(double)})
 * @param restarts  random restarts of PGD and CW-linf (the worst case per sample is kept)
 * @param clamp     clamp adversarial inputs to [lower, upper]
 * @param lower     smallest valid input value
 * @param upper     largest valid input value
 * @param auxWeight weight of the CAS auxiliary heads' cross-entropy in the ascended loss (0 = main head only)
 * @param seed      seed of random starts and noise
 */
public record AttackSettings(AttackKind kind, int steps, double stepSize, int restarts, boolean clamp, float lower,
        float upper, double auxWeight, long seed) {

    public AttackSettings {
        SettingRanges.ATTACK_STEPS.check("the attack's steps", steps);
        SettingRanges.STEP_SIZE.checkOr(0, "the attack's step size", stepSize);
        SettingRanges.RESTARTS.check("the attack's restarts", restarts);
        SettingRanges.AUX_WEIGHT.check("the attack's auxiliary weight", auxWeight);
        if (!(upper > lower)) {
            throw new IllegalArgumentException("the model's value range [" + lower + ", " + upper + "] is empty");
        }
    }

    /** The defaults of SPEC 4 for an attack on data in [lower, upper]: clamping on except for SAP. */
    public static AttackSettings defaults(AttackKind kind, float lower, float upper) {
        int steps = switch (kind) {
            case PGD, CW_LINF, APGD, CW, PGD_ECG -> 100;
            case SAP -> 20;
            case MIFGSM -> 10;
            default -> 1;
        };
        return new AttackSettings(kind, steps, 0, 1, kind != AttackKind.SAP, lower, upper, 0, 1);
    }

    public AttackSettings withSteps(int n) {
        return new AttackSettings(kind, n, stepSize, restarts, clamp, lower, upper, auxWeight, seed);
    }

    public AttackSettings withStepSize(double s) {
        return new AttackSettings(kind, steps, s, restarts, clamp, lower, upper, auxWeight, seed);
    }

    public AttackSettings withRestarts(int r) {
        return new AttackSettings(kind, steps, stepSize, r, clamp, lower, upper, auxWeight, seed);
    }

    public AttackSettings withAuxWeight(double w) {
        return new AttackSettings(kind, steps, stepSize, restarts, clamp, lower, upper, w, seed);
    }

    public AttackSettings withSeed(long s) {
        return new AttackSettings(kind, steps, stepSize, restarts, clamp, lower, upper, auxWeight, s);
    }

    /** The step at radius eps: the set step size, else eps / 4 for PGD-type attacks and eps / steps for MI-FGSM. */
    public double stepFor(double eps) {
        if (stepSize > 0) {
            return stepSize;
        }
        return kind == AttackKind.MIFGSM ? eps / steps : eps / 4;
    }

    /** PGD settings at radius eps with this attack's step, range and clamping. */
    PgdSettings pgd(double eps, boolean randomStart) {
        float lo = clamp ? lower : Float.NEGATIVE_INFINITY;
        float hi = clamp ? upper : Float.POSITIVE_INFINITY;
        return new PgdSettings(eps, stepFor(eps), steps, randomStart, lo, hi);
    }
}
