package org.robustecg.attack;

import org.robustecg.settings.SettingRanges;

/**
 * How an attack runs, apart from its radius.
 *
 * @param kind       which attack
 * @param steps      iterations of the iterative attacks (PGD 100 for evaluation; SAP runs 2 x steps in phase 2; in
 *                   the ensemble, the iterations of APGD-CE and of APGD-T per target class)
 * @param stepSize   step size; 0 means the attack's default (PGD: eps / 4 ... see {@link #stepFor(double)})
 * @param restarts   random restarts of PGD and CW-linf (the best point per sample is kept)
 * @param clamp      clamp adversarial inputs to [lower, upper]
 * @param lower      smallest valid input value
 * @param upper      largest valid input value
 * @param auxWeight  weight of the CAS auxiliary heads' cross-entropy in the ascended loss (0 = main head only)
 * @param seed       seed of random starts and noise
 * @param queries    query budget of Square (forward passes per sample, the first included)
 * @param squareInit Square's initial share p of each lead's valid samples changed per query (halved on its schedule)
 * @param targets    APGD-T's target classes: the top-k other classes of the clean logits (at most classes - 1)
 */
public record AttackSettings(AttackKind kind, int steps, double stepSize, int restarts, boolean clamp, float lower,
        float upper, double auxWeight, long seed, int queries, double squareInit, int targets) {

    /** AutoAttack's budgets: 5,000 Square queries from p = 0.8, APGD-T on the 9 most likely other classes. */
    public static final int QUERIES = 5000;
    public static final double SQUARE_INIT = 0.8;
    public static final int TARGETS = 9;

    public AttackSettings {
        SettingRanges.ATTACK_STEPS.check("the attack's steps", steps);
        SettingRanges.STEP_SIZE.checkOr(0, "the attack's step size", stepSize);
        SettingRanges.RESTARTS.check("the attack's restarts", restarts);
        SettingRanges.AUX_WEIGHT.check("the attack's auxiliary weight", auxWeight);
        SettingRanges.QUERIES.check("Square's queries", queries);
        SettingRanges.SQUARE_P.check("Square's initial p", squareInit);
        SettingRanges.TARGETS.check("APGD-T's targets", targets);
        if (!(upper > lower)) {
            throw new IllegalArgumentException("the model's value range [" + lower + ", " + upper + "] is empty");
        }
    }

    /** The settings of SPEC 4 without the Square and APGD-T budgets: those take AutoAttack's defaults. */
    public AttackSettings(AttackKind kind, int steps, double stepSize, int restarts, boolean clamp, float lower,
            float upper, double auxWeight, long seed) {
        this(kind, steps, stepSize, restarts, clamp, lower, upper, auxWeight, seed, QUERIES, SQUARE_INIT, TARGETS);
    }

    /** The defaults of SPEC 4 for an attack on data in [lower, upper]: clamping on except for SAP. */
    public static AttackSettings defaults(AttackKind kind, float lower, float upper) {
        int steps = switch (kind) {
            case PGD, CW_LINF, APGD, APGD_DLR, APGD_T, ENSEMBLE, CW, PGD_ECG -> 100;
            case SAP -> 20;
            case MIFGSM -> 10;
            default -> 1;
        };
        return new AttackSettings(kind, steps, 0, 1, kind != AttackKind.SAP, lower, upper, 0, 1);
    }

    public AttackSettings withKind(AttackKind k) {
        return new AttackSettings(k, steps, stepSize, restarts, clamp, lower, upper, auxWeight, seed, queries,
                squareInit, targets);
    }

    public AttackSettings withSteps(int n) {
        return new AttackSettings(kind, n, stepSize, restarts, clamp, lower, upper, auxWeight, seed, queries,
                squareInit, targets);
    }

    public AttackSettings withStepSize(double s) {
        return new AttackSettings(kind, steps, s, restarts, clamp, lower, upper, auxWeight, seed, queries, squareInit,
                targets);
    }

    public AttackSettings withRestarts(int r) {
        return new AttackSettings(kind, steps, stepSize, r, clamp, lower, upper, auxWeight, seed, queries, squareInit,
                targets);
    }

    public AttackSettings withAuxWeight(double w) {
        return new AttackSettings(kind, steps, stepSize, restarts, clamp, lower, upper, w, seed, queries, squareInit,
                targets);
    }

    public AttackSettings withSeed(long s) {
        return new AttackSettings(kind, steps, stepSize, restarts, clamp, lower, upper, auxWeight, s, queries,
                squareInit, targets);
    }

    /** Square's budget and initial window share. */
    public AttackSettings withSquare(int budget, double init) {
        return new AttackSettings(kind, steps, stepSize, restarts, clamp, lower, upper, auxWeight, seed, budget, init,
                targets);
    }

    public AttackSettings withTargets(int k) {
        return new AttackSettings(kind, steps, stepSize, restarts, clamp, lower, upper, auxWeight, seed, queries,
                squareInit, k);
    }

    /** PGD-ECG's fixed step of the ECG literature, whatever the radius. */
    public static final double PGD_ECG_STEP = 0.01;

    /**
     * The step at radius eps: the set step size, else eps / 4 for PGD-type attacks (PGD, CW-linf, SAP), eps / steps
     * for MI-FGSM and {@value #PGD_ECG_STEP} for PGD-ECG (APGD sets its own).
     */
    public double stepFor(double eps) {
        if (stepSize > 0) {
            return stepSize;
        }
        return switch (kind) {
            case MIFGSM -> eps / steps;
            case PGD_ECG -> PGD_ECG_STEP;
            default -> eps / 4;
        };
    }

    /** PGD settings at radius eps with this attack's step, range and clamping. */
    PgdSettings pgd(double eps, boolean randomStart) {
        float lo = clamp ? lower : Float.NEGATIVE_INFINITY;
        float hi = clamp ? upper : Float.POSITIVE_INFINITY;
        return new PgdSettings(eps, stepFor(eps), steps, randomStart, lo, hi);
    }
}
