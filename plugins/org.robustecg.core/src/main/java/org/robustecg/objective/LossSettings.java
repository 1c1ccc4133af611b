package org.robustecg.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The training loss: an objective, its weights, the CAS auxiliary term and the optional MSE term.
 * {@code L = L(main) + alpha / K * sum_k L(aux_k) + mseWeight * MSE(onehot, softmax(natural))}, every
 * auxiliary head getting the same loss form as the main head (eq. 8 and 9 of the CASLCNet paper).
 *
 * @param objective what is optimised
 * @param alpha     weight of the CAS auxiliary losses (2; 0 = plain adversarial training)
 * @param beta      TRADES weight of the KL term (6)
 * @param lambda    MART weight of the KL term (6)
 * @param mseWeight weight of the MSE term (0 for MIT-BIH, 1 for CPSC2018)
 * @param regularisation weight of the Jacobian or NSR penalty (0.01 and 1)
 * @param probeStep finite-difference step of the Jacobian and NSR probes, in input units (1e-3)
 */
public record LossSettings(Objective objective, double alpha, double beta, double lambda, double mseWeight,
        double regularisation, double probeStep) {

    /** The paper's weights for this objective. */
    public static LossSettings of(Objective objective) {
        return new Builder(objective).build();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(objective);
        b.alpha = alpha;
        b.beta = beta;
        b.lambda = lambda;
        b.mseWeight = mseWeight;
        b.regularisation = regularisation;
        b.probeStep = probeStep;
        return b;
    }

    /** Loss settings, starting at the paper's weights for the objective. */
    public static final class Builder {

        private final Objective objective;
        private double alpha = 2;
        private double beta = 6;
        private double lambda = 6;
        private double mseWeight;
        private double regularisation;
        private double probeStep = 1e-3;

        private Builder(Objective objective) {
            this.objective = objective;
            this.regularisation = objective == Objective.NSR ? 1 : 0.01;
        }

        public Builder alpha(double value) {
            alpha = value;
            return this;
        }

        public Builder mseWeight(double value) {
            mseWeight = value;
            return this;
        }

        public Builder regularisation(double value) {
            regularisation = value;
            return this;
        }

        public LossSettings build() {
            return new LossSettings(objective, alpha, beta, lambda, mseWeight, regularisation, probeStep);
        }
    }

    /**
     * The loss of a batch. {@code natural} and {@code adversarial} are the network outputs
     * {@code [logits, aux 1..K]}; adversarial is ignored (may be null) for cross-entropy.
     */
    public NDArray compute(NDList natural, NDList adversarial, NDArray labels) {
        return compute(natural, adversarial, null, labels, 0);
    }

    /**
     * The loss of a batch with the probe outputs the Jacobian and NSR objectives need: the network's
     * outputs at {@code x + probeStep * u} (Jacobian: u a random unit direction; NSR: u = sign of the true
     * logit's input gradient); {@code inputSize} is the number of values of one input.
     */
    public NDArray compute(NDList natural, NDList adversarial, NDList probed, NDArray labels, long inputSize) {
        NDArray loss = head(natural.get(0), adversarial == null ? null : adversarial.get(0), labels);
        if (objective == Objective.JACOBIAN) {
            loss = loss.add(Losses.jacobianPenalty(natural.get(0), probed.get(0), probeStep, inputSize)
                    .mul(regularisation));
        } else if (objective == Objective.NSR) {
            loss = loss.add(Losses.nsrPenalty(natural.get(0), probed.get(0), labels, probeStep).mul(regularisation));
        }
        int k = natural.size() - 1;
        if (k > 0 && alpha != 0) {
            NDArray aux = null;
            for (int i = 1; i <= k; i++) {
                NDArray term = head(natural.get(i), adversarial == null ? null : adversarial.get(i), labels);
                aux = aux == null ? term : aux.add(term);
            }
            loss = loss.add(aux.mul(alpha / k));
        }
        if (mseWeight != 0) {
            loss = loss.add(Losses.mseToOneHot(natural.get(0), labels).mul(mseWeight));
        }
        return loss;
    }

    private NDArray head(NDArray nat, NDArray adv, NDArray labels) {
        return switch (objective) {
            case CE -> Losses.crossEntropy(nat, labels);
            case PGD_AT -> Losses.crossEntropy(adv, labels);
            case TRADES -> Losses.trades(nat, adv, labels, beta);
            case MART -> Losses.mart(nat, adv, labels, lambda);
            case JACOBIAN -> Losses.crossEntropy(nat, labels);
            case NSR -> Losses.mseToOneHot(nat, labels).add(Losses.marginLoss(nat, labels, 1));
        };
    }
}
