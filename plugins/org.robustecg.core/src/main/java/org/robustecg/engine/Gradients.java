package org.robustecg.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * Records gradients on the calling thread. DJL's PyTorch collector allows only one at a time in a whole process,
 * so two trainings or attacks could not run side by side (Spark's tasks in one executor, KNIME's parallel branches);
 * PyTorch's grad mode is per thread and its autograd runs backward passes of different threads concurrently, and
 * this collector relies on those alone. It computes exactly what DJL's does.
 */
public final class Gradients implements GradientCollector {

    private final boolean previous;

    private Gradients() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** Gradients of what this thread computes until closed. */
    public static GradientCollector collect() {
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
