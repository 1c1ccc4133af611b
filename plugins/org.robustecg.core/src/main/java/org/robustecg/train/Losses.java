package org.robustecg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The loss functions of SPEC section 3 on logits {@code [B, classes]} and int labels {@code [B]}; each
 * returns a scalar, differentiable in the logits. Numerical guards follow the MART and TRADES reference
 * code: {@code log(1.0001 - p + 1e-12)}, {@code log(q + 1e-12)}, {@code 1.0000001 - p_true}.
 */
public final class Losses {

    private Losses() {
    }

    /** Mean cross-entropy. */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        NDArray oneHot = oneHot(labels, logits);
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
    }

    /** KL(p || q) per sample, {@code [B]}, with p = softmax(natural), q = softmax(adversarial). */
    public static NDArray klPerSample(NDArray natural, NDArray adversarial) {
        NDArray logP = natural.logSoftmax(1);
        NDArray logQ = adversarial.softmax(1).add(1e-12).log();
        return logP.exp().mul(logP.sub(logQ)).sum(new int[] {1});
    }

    /** TRADES: CE(natural) + beta * mean KL(p_nat || p_adv). */
    public static NDArray trades(NDArray natural, NDArray adversarial, NDArray labels, double beta) {
        return crossEntropy(natural, labels).add(klPerSample(natural, adversarial).mean().mul(beta));
    }

    /**
     * MART: CE(adv, y) - log(1.0001 - max_{k != y} p_adv[k] + 1e-12), averaged, plus
     * lambda * mean_i[ KL(p_nat,i || p_adv,i) * (1.0000001 - p_nat,i[y_i]) ].
     */
    public static NDArray mart(NDArray natural, NDArray adversarial, NDArray labels, double lambda) {
        NDArray oneHot = oneHot(labels, adversarial);
        NDArray pAdv = adversarial.softmax(1);
        // The most probable wrong class (an index: no gradient flows through it).
        NDArray wrong = pAdv.stopGradient().sub(oneHot.mul(2)).argMax(1).oneHot((int) pAdv.getShape().get(1),
                pAdv.getDataType());
        NDArray boosted = crossEntropy(adversarial, labels)
                .add(pAdv.mul(wrong).sum(new int[] {1}).neg().add(1.0001).add(1e-12).log().neg().mean());
        NDArray pTrue = natural.softmax(1).mul(oneHot).sum(new int[] {1});
        NDArray robust = klPerSample(natural, adversarial).mul(pTrue.neg().add(1.0000001)).mean();
        return boosted.add(robust.mul(lambda));
    }

    /** Mean squared error between the one-hot labels and softmax(logits) (the CPSC2018 term, eq. 9). */
    public static NDArray mseToOneHot(NDArray logits, NDArray labels) {
        return logits.softmax(1).sub(oneHot(labels, logits)).square().mean();
    }

    static NDArray oneHot(NDArray labels, NDArray like) {
        return labels.toType(DataType.INT64, false).oneHot((int) like.getShape().get(1), like.getDataType());
    }
}
