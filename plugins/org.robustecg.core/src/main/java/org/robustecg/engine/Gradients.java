package org.robustecg.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * Gradient collectors that record on the calling thread only. DJL's PyTorch collector allows one at a time in a
 * whole process, so independent work running side by side failed with "A PtGradientCollector is already
 * collecting": KNIME's parallel nodes (two Adversarial Attackers, an Attacker beside a Learner) and Spark's tasks
 * in one executor. PyTorch's grad mode is per thread and its autograd runs the backward passes of different
 * threads concurrently; these collectors rely on those alone, compute exactly what DJL's do, and never wait.
 */
public final class Gradients implements GradientCollector {

    private final boolean previous;

    private Gradients() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** A new collector; close it (try-with-resources) in the thread that opened it. */
    public static GradientCollector collector() {
        return new Gradients();
    }

    @Override
    public void backward(NDArray target) {
        NDArray ones = target.getManager().ones(target.getShape(), target.getDataType()).toDevice(target.getDevice(),
                false);
        JniUtils.backward((PtNDArray) target, (PtNDArray) ones, false, false);
    }

    /** Not needed: the attacks and the trainer clear the gradients of their own arrays. */
    @Override
    public void zeroGradients() {
        throw new UnsupportedOperationException("gradients are cleared per array");
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
