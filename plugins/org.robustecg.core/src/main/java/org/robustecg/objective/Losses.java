package org.robustecg.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The loss functions of METHOD 4.3 on logits {@code [B, classes]} and int labels {@code [B]}; each
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
        // Everything belongs to the adversarial batch's manager: TRADES's training adversary calls this at each
        // PGD iteration with a natural batch that outlives them, and a result there would keep each iteration's
        // autograd graph.
        NDArray logQ = adversarial.softmax(1).add(1e-12).log();
        NDArray logP = natural.logSoftmax(1);
        logP.attach(logQ.getManager());
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

    /** One-hot targets of int labels, shaped and typed like the logits {@code like}. */
    public static NDArray oneHot(NDArray labels, NDArray like) {
        return labels.toType(DataType.INT64, false).oneHot((int) like.getShape().get(1), like.getDataType());
    }

    /**
     * Jacobian regularisation by a random projection: for a direction u drawn uniformly on the unit sphere
     * of the input, D * ||J u||^2 estimates ||J||_F^2 (D = input size), and J u is the finite difference
     * (z(x + h u) - z(x)) / h of the logits. Returns the batch mean.
     */
    public static NDArray jacobianPenalty(NDArray natural, NDArray probed, double step, long inputSize) {
        return probed.sub(natural).div(step).square().sum(new int[] {1}).mean().mul(inputSize);
    }

    /**
     * Ma and Liang's NSR term, mean over the correctly classified samples of log(1 + NSR) with
     * NSR = ||d z_y / d x||_1 / (|z_y| + 1e-6). The l1 norm of the gradient is its derivative along its own
     * sign: (z_y(x + h sign(g)) - z_y(x)) / h, with sign(g) found beforehand without the parameters' graph.
     */
    public static NDArray nsrPenalty(NDArray natural, NDArray probed, NDArray labels, double step) {
        NDArray oneHot = oneHot(labels, natural);
        NDArray zy = natural.mul(oneHot).sum(new int[] {1});
        NDArray l1 = probed.mul(oneHot).sum(new int[] {1}).sub(zy).div(step).maximum(0f);
        NDArray nsr = l1.div(zy.abs().add(1e-6));
        NDArray correct = natural.argMax(1).toType(labels.getDataType(), false).eq(labels).toType(natural.getDataType(), false);
        return nsr.add(1).log().mul(correct).sum().div(correct.sum().maximum(1f));
    }

    /** Multi-class hinge: mean of max(0, required - (z_y - max_{k != y} z_k)). */
    public static NDArray marginLoss(NDArray logits, NDArray labels, double required) {
        return margin(logits, labels).neg().add(required).maximum(0f).mean();
    }

    /**
     * The margin z_y - max_{k != y} z_k per sample {@code [B]}: not positive once another class scores at least as
     * high as the true one (Carlini and Wagner's f, the numerator of the DLR loss).
     */
    public static NDArray margin(NDArray logits, NDArray labels) {
        NDArray oneHot = oneHot(labels, logits);
        NDArray zy = logits.mul(oneHot).sum(new int[] {1});
        NDArray other = logits.sub(oneHot.mul(1e9f)).max(new int[] {1});
        return zy.sub(other);
    }
}
