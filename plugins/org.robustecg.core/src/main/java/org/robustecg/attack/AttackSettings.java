package org.robustecg.attack;

import java.util.Objects;
import java.util.OptionalDouble;
import org.robustecg.settings.SettingRanges;

/**
 * How an attack runs, apart from its radius. Start from {@link #defaults} and change values with
 * {@link #toBuilder()}.
 *
 * @param kind       which attack
 * @param steps      iterations of the iterative attacks (PGD 100 for evaluation; SAP runs 2 x steps in phase 2; in
 *                   the ensemble, the iterations of APGD-CE and of APGD-T per target class)
 * @param stepSize   step size; empty = the attack's default (see {@link #stepFor(double)})
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
public record AttackSettings(AttackKind kind, int steps, OptionalDouble stepSize, int restarts, boolean clamp,
        float lower, float upper, double auxWeight, long seed, int queries, double squareInit, int targets) {

    /** AutoAttack's budgets: 5,000 Square queries from p = 0.8, APGD-T on the 9 most likely other classes. */
    public static final int QUERIES = 5000;
    public static final double SQUARE_INIT = 0.8;
    public static final int TARGETS = 9;

    /** The step of PGD-ECG when none is set (the ECG literature's fixed step). */
    public static final double PGD_ECG_STEP = 0.01;

    public AttackSettings {
        Objects.requireNonNull(kind, "an attack is needed");
        SettingRanges.ATTACK_STEPS.check("the attack's steps", steps);
        stepSize.ifPresent(v -> SettingRanges.STEP_SIZE.check("the attack's step size", v));
        SettingRanges.RESTARTS.check("the attack's restarts", restarts);
        SettingRanges.AUX_WEIGHT.check("the attack's auxiliary weight", auxWeight);
        SettingRanges.QUERIES.check("Square's queries", queries);
        SettingRanges.SQUARE_P.check("Square's initial p", squareInit);
        SettingRanges.TARGETS.check("APGD-T's targets", targets);
        if (!(upper > lower)) {
            throw new IllegalArgumentException("the model's value range [" + lower + ", " + upper + "] is empty");
        }
    }

    /**
     * The defaults of METHOD 8.4 for an attack on data in [lower, upper]: 100 steps for the PGD-type attacks, C&W and the
     * ensemble, 20 for SAP, 10 for MI-FGSM, 1 otherwise; the attack's own step; one restart; clamping on except for
     * SAP; the main head only; seed 1; AutoAttack's Square and APGD-T budgets.
     */
    public static AttackSettings defaults(AttackKind kind, float lower, float upper) {
        int steps = switch (kind) {
            case PGD, CW_LINF, APGD, APGD_DLR, APGD_T, ENSEMBLE, CW, PGD_ECG -> 100;
            case SAP -> 20;
            case MIFGSM -> 10;
            default -> 1;
        };
        return new AttackSettings(kind, steps, OptionalDouble.empty(), 1, kind != AttackKind.SAP, lower, upper, 0, 1,
                QUERIES, SQUARE_INIT, TARGETS);
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** These settings with another seed (each batch of an evaluation draws its own random numbers). */
    public AttackSettings withSeed(long s) {
        return toBuilder().seed(s).build();
    }

    /**
     * The step at radius eps: the set step size, else eps / steps for MI-FGSM, {@value #PGD_ECG_STEP} for PGD-ECG and
     * eps / 4 for the other iterative attacks.
     */
    public double stepFor(double eps) {
        if (stepSize.isPresent()) {
            return stepSize.getAsDouble();
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

    /** Changes to attack settings; the ranges are checked by {@link #build()}. */
    public static final class Builder {

        private AttackKind kind;
        private int steps;
        private OptionalDouble stepSize;
        private int restarts;
        private boolean clamp;
        private final float lower;
        private final float upper;
        private double auxWeight;
        private long seed;
        private int queries;
        private double squareInit;
        private int targets;

        private Builder(AttackSettings s) {
            kind = s.kind;
            steps = s.steps;
            stepSize = s.stepSize;
            restarts = s.restarts;
            clamp = s.clamp;
            lower = s.lower;
            upper = s.upper;
            auxWeight = s.auxWeight;
            seed = s.seed;
            queries = s.queries;
            squareInit = s.squareInit;
            targets = s.targets;
        }

        /** Another attack with the same budgets (a member of the ensemble). */
        public Builder kind(AttackKind value) {
            kind = value;
            return this;
        }

        public Builder steps(int value) {
            steps = value;
            return this;
        }

        public Builder stepSize(OptionalDouble value) {
            stepSize = Objects.requireNonNull(value);
            return this;
        }

        public Builder restarts(int value) {
            restarts = value;
            return this;
        }

        public Builder clamp(boolean value) {
            clamp = value;
            return this;
        }

        public Builder auxWeight(double value) {
            auxWeight = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Square's query budget. */
        public Builder queries(int value) {
            queries = value;
            return this;
        }

        /** Square's initial window share. */
        public Builder squareInit(double value) {
            squareInit = value;
            return this;
        }

        /** APGD-T's number of target classes. */
        public Builder targets(int value) {
            targets = value;
            return this;
        }

        public AttackSettings build() {
            return new AttackSettings(kind, steps, stepSize, restarts, clamp, lower, upper, auxWeight, seed, queries,
                    squareInit, targets);
        }
    }
}
