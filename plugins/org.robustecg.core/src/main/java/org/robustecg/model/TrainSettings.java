package org.robustecg.model;

import org.robustecg.objective.LossSettings;

/**
 * How a network is trained (METHOD 4; every value a default a user can change): what the trainer follows and
 * what a model's description records. Start from {@link #mitBih} or {@link #cpsc} and change values with
 * {@link #toBuilder()}.
 *
 * @param loss            the objective and its weights
 * @param epochs          passes over the training data (100 in the paper)
 * @param batchSize       examples per step (512 MIT-BIH, 64 CPSC2018)
 * @param learningRate    Adamax learning rate (1e-3 MIT-BIH, 1e-4 CPSC2018)
 * @param epsilon         l-inf radius of the training adversary (0.1 MIT-BIH, 0.01 CPSC2018)
 * @param attackSteps     PGD steps of the training adversary (10)
 * @param stepSize        PGD step (epsilon / 10)
 * @param lower           smallest valid input value (0 for MIT-BIH beats, -1 for CPSC2018)
 * @param upper           largest valid input value (1)
 * @param pStart          first p of the l-p relaxation of an l-inf head (8)
 * @param pEnd            last finite p (1000); then p = infinity
 * @param pFraction       share of the training steps over which p grows (0.8)
 * @param plateauPatience epochs without validation-loss improvement before the learning rate drops x0.1 (10)
 * @param earlyStopping   epochs without improvement before training stops; 0 = never
 * @param robustSamples   validation samples attacked each epoch to report robust accuracy (0 = none)
 * @param seed            seed of initialisation, shuffling and random starts
 */
public record TrainSettings(LossSettings loss, int epochs, int batchSize, double learningRate, double epsilon,
        int attackSteps, double stepSize, float lower, float upper, double pStart, double pEnd, double pFraction,
        int plateauPatience, int earlyStopping, int robustSamples, long seed) {

    public TrainSettings {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || epsilon < 0 || attackSteps < 0 || !(upper > lower)
                || !(pStart >= 1) || !(pEnd >= pStart) || pFraction < 0 || pFraction > 1) {
            throw new IllegalArgumentException("invalid training settings: epochs " + epochs + " (>= 1), batch " + batchSize
                    + " (>= 1), learning rate " + learningRate + " (> 0), eps " + epsilon + " (>= 0), adversary steps "
                    + attackSteps + " (>= 0), value range [" + lower + ", " + upper + "] (not empty), p from " + pStart
                    + " (>= 1) to " + pEnd + " over a share " + pFraction + " (in [0, 1]) of the steps");
        }
    }

    /** The paper's MIT-BIH settings with this loss. */
    public static TrainSettings mitBih(LossSettings loss) {
        return new Builder(loss).batchSize(512).learningRate(1e-3).epsilon(0.1).range(0f, 1f).robustSamples(200)
                .build();
    }

    /** The paper's CPSC2018 settings with this loss (MSE term on). */
    public static TrainSettings cpsc(LossSettings loss) {
        return new Builder(loss.toBuilder().mseWeight(1).build()).batchSize(64).learningRate(1e-4).epsilon(0.01)
                .range(-1f, 1f).robustSamples(100).build();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Training settings, starting at the paper's values that do not depend on the data (100 epochs, 10 adversary
     * steps, p from 8 to 1000 over 80 % of the steps, plateau patience 10, no early stopping, seed 1); the ranges are
     * checked by {@link #build()}.
     */
    public static final class Builder {

        private final LossSettings loss;
        private int epochs = 100;
        private int batchSize;
        private double learningRate;
        private double epsilon;
        private int attackSteps = 10;
        private double stepSize;
        private float lower;
        private float upper;
        private double pStart = 8;
        private double pEnd = 1000;
        private double pFraction = 0.8;
        private int plateauPatience = 10;
        private int earlyStopping;
        private int robustSamples;
        private long seed = 1;

        private Builder(LossSettings loss) {
            this.loss = loss;
        }

        private Builder(TrainSettings s) {
            loss = s.loss;
            epochs = s.epochs;
            batchSize = s.batchSize;
            learningRate = s.learningRate;
            epsilon = s.epsilon;
            attackSteps = s.attackSteps;
            stepSize = s.stepSize;
            lower = s.lower;
            upper = s.upper;
            pStart = s.pStart;
            pEnd = s.pEnd;
            pFraction = s.pFraction;
            plateauPatience = s.plateauPatience;
            earlyStopping = s.earlyStopping;
            robustSamples = s.robustSamples;
            seed = s.seed;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        /** The adversary's radius, with its step at a tenth of it. */
        public Builder epsilon(double value) {
            epsilon = value;
            stepSize = value / 10;
            return this;
        }

        public Builder attackSteps(int value) {
            attackSteps = value;
            return this;
        }

        /** The valid input range the adversary clamps to. */
        public Builder range(float lo, float hi) {
            lower = lo;
            upper = hi;
            return this;
        }

        public Builder earlyStopping(int value) {
            earlyStopping = value;
            return this;
        }

        public Builder robustSamples(int value) {
            robustSamples = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public TrainSettings build() {
            return new TrainSettings(loss, epochs, batchSize, learningRate, epsilon, attackSteps, stepSize, lower, upper,
                    pStart, pEnd, pFraction, plateauPatience, earlyStopping, robustSamples, seed);
        }
    }

    /** The l-p relaxation's p after {@code step} of {@code total} steps: exponential from pStart to pEnd, then inf. */
    public double pAt(long step, long total) {
        double end = pFraction * total;
        if (end <= 0 || step >= end) {
            return Double.POSITIVE_INFINITY;
        }
        return pStart * Math.pow(pEnd / pStart, step / end);
    }
}
