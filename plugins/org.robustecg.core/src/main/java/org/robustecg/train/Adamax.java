package org.robustecg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Adamax optimiser (Kingma and Ba 2015, the infinity-norm Adam), as PyTorch defines it:
 * {@code m = b1 m + (1 - b1) g; u = max(b2 u, |g| + eps); w -= lr / (1 - b1^t) * m / u}; no weight decay.
 * Updates in place; gradients are zeroed after each step (DJL does not zero them).
 */
public final class Adamax {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final List<Parameter> parameters;
    private final Map<String, NDArray[]> state = new HashMap<>();
    private double learningRate;
    private int steps;

    /** @param parameters the trainable parameters (those that require gradients) */
    public Adamax(List<Parameter> parameters, double learningRate) {
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
    }

    public double learningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    /**
     * One update of every parameter from its gradient, then the gradients are cleared; temporaries live in
     * {@code scratch}. When a gradient holds an infinite or NaN value nothing is updated (the moments stay as
     * they are) and the gradients are cleared: a single bad batch must not poison the weights or, through
     * {@code inf - inf}, the gradient buffers of every later step.
     *
     * @return false if the step was skipped for a non-finite gradient
     */
    public boolean step(NDManager scratch) {
        if (!gradientsFinite(scratch)) {
            for (Parameter p : parameters) {
                try (NDManager local = scratch.newSubManager()) {
                    NDArray g = p.getArray().getGradient();
                    g.attach(local);
                    g.set(new NDIndex("..."), 0f);
                }
            }
            return false;
        }
        steps++;
        float rate = (float) (learningRate / (1 - Math.pow(BETA1, steps)));
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            NDArray g = w.getGradient();
            NDArray[] mu = state.computeIfAbsent(p.getId(), id -> new NDArray[] {w.zerosLike(), w.zerosLike()});
            try (NDManager local = scratch.newSubManager()) {
                // The gradient handle and a detached view of the weights: in-place updates outside autograd.
                g.attach(local);
                NDArray weights = w.stopGradient();
                weights.attach(local);
                mu[0].muli(BETA1).addi(g.mul(1 - BETA1));
                // The new u is computed in this step's manager; u then takes over its buffer.
                mu[1].intern(g.abs().add(EPSILON).maximum(mu[1].muli(BETA2)));
                // mu[0] is long-lived: its quotient would stay in its manager, so move it to this step's.
                NDArray ratio = mu[0].div(mu[1]);
                ratio.attach(local);
                weights.subi(ratio.mul(rate));
                g.subi(g);
            }
        }
        return true;
    }

    private boolean gradientsFinite(NDManager scratch) {
        try (NDManager local = scratch.newSubManager()) {
            NDArray total = null;
            for (Parameter p : parameters) {
                NDArray g = p.getArray().getGradient();
                g.attach(local);
                // A sum is finite exactly when every element is (short of float overflow, itself a broken step).
                NDArray sum = g.sum();
                total = total == null ? sum : total.add(sum);
            }
            return total == null || Double.isFinite(total.toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
                    .getDouble());
        }
    }
}
