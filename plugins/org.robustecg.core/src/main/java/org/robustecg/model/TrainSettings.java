package org.robustecg.model;

import org.robustecg.objective.LossSettings;

/**
 * How a network is trained (METHOD 4; every value a default a user can change).
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
        return new TrainSettings(loss, 100, 512, 1e-3, 0.1, 10, 0.01, 0f, 1f, 8, 1000, 0.8, 10, 0, 200, 1);
    }

    /** The paper's CPSC2018 settings with this loss (MSE term on). */
    public static TrainSettings cpsc(LossSettings loss) {
        return new TrainSettings(loss.withMse(1), 100, 64, 1e-4, 0.01, 10, 0.001, -1f, 1f, 8, 1000, 0.8, 10, 0, 100, 1);
    }

    public TrainSettings withEpochs(int e) {
        return new TrainSettings(loss, e, batchSize, learningRate, epsilon, attackSteps, stepSize, lower, upper, pStart,
                pEnd, pFraction, plateauPatience, earlyStopping, robustSamples, seed);
    }

    public TrainSettings withBatchSize(int b) {
        return new TrainSettings(loss, epochs, b, learningRate, epsilon, attackSteps, stepSize, lower, upper, pStart,
                pEnd, pFraction, plateauPatience, earlyStopping, robustSamples, seed);
    }

    public TrainSettings withLearningRate(double lr) {
        return new TrainSettings(loss, epochs, batchSize, lr, epsilon, attackSteps, stepSize, lower, upper, pStart,
                pEnd, pFraction, plateauPatience, earlyStopping, robustSamples, seed);
    }

    /** The adversary's radius, with its step at a tenth of it. */
    public TrainSettings withEpsilon(double eps) {
        return new TrainSettings(loss, epochs, batchSize, learningRate, eps, attackSteps, eps / 10, lower, upper,
                pStart, pEnd, pFraction, plateauPatience, earlyStopping, robustSamples, seed);
    }

    public TrainSettings withAttackSteps(int steps) {
        return new TrainSettings(loss, epochs, batchSize, learningRate, epsilon, steps, stepSize, lower, upper, pStart,
                pEnd, pFraction, plateauPatience, earlyStopping, robustSamples, seed);
    }

    public TrainSettings withSeed(long s) {
        return new TrainSettings(loss, epochs, batchSize, learningRate, epsilon, attackSteps, stepSize, lower, upper,
                pStart, pEnd, pFraction, plateauPatience, earlyStopping, robustSamples, s);
    }

    public TrainSettings withEarlyStopping(int patience) {
        return new TrainSettings(loss, epochs, batchSize, learningRate, epsilon, attackSteps, stepSize, lower, upper,
                pStart, pEnd, pFraction, plateauPatience, patience, robustSamples, seed);
    }

    public TrainSettings withRobustSamples(int n) {
        return new TrainSettings(loss, epochs, batchSize, learningRate, epsilon, attackSteps, stepSize, lower, upper,
                pStart, pEnd, pFraction, plateauPatience, earlyStopping, n, seed);
    }

    /** The valid input range the adversary clamps to. */
    public TrainSettings withRange(float lo, float hi) {
        return new TrainSettings(loss, epochs, batchSize, learningRate, epsilon, attackSteps, stepSize, lo, hi, pStart,
                pEnd, pFraction, plateauPatience, earlyStopping, robustSamples, seed);
    }

    public TrainSettings withLoss(LossSettings l) {
        return new TrainSettings(l, epochs, batchSize, learningRate, epsilon, attackSteps, stepSize, lower, upper,
                pStart, pEnd, pFraction, plateauPatience, earlyStopping, robustSamples, seed);
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
