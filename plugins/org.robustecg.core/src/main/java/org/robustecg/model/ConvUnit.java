package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Conv1d (no bias, "same" padding for odd kernels) then GroupNorm then LeakyReLU, with the mask carried
 * along: the layer of the VGG and DenseNet baselines. Optionally the normalisation and activation come
 * first (DenseNet's pre-activation order). Inputs and outputs {@code [x]} or {@code [x, mask]}.
 */
final class ConvUnit extends AbstractBlock {

    private final int stride;
    private final boolean preActivation;
    private final float slope;
    private final Conv1d conv;
    private final GroupNorm norm;

    ConvUnit(int filters, int kernel, int stride, int inputGroups, int outputGroups, boolean preActivation, float slope) {
        this.stride = stride;
        this.preActivation = preActivation;
        this.slope = slope;
        conv = addChildBlock("conv", ResidualBlock.conv(filters, kernel, stride, kernel / 2));
        norm = addChildBlock("norm", new GroupNorm(preActivation ? inputGroups : outputGroups));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        if (preActivation) {
            x = Masks.apply(Activation.leakyRelu(norm.forward(store, with(x, mask), training).head(), slope), mask);
        }
        NDArray outMask = Masks.downsample(mask, stride);
        NDArray y = Masks.apply(ResidualBlock.convolve(conv, store, x, training), outMask);
        if (!preActivation) {
            y = Masks.apply(Activation.leakyRelu(norm.forward(store, with(y, outMask), training).head(), slope), outMask);
        }
        return with(y, outMask);
    }

    static NDList with(NDArray x, NDArray mask) {
        return mask == null ? new NDList(x) : new NDList(x, mask);
    }

    /** Max (or average) pooling, kernel 2 stride 2, ceil mode so that the length is ceil(L / 2) like the mask's. */
    static NDList pool(NDList in, boolean max) {
        NDArray x = in.get(0);
        NDArray mask = Masks.downsample(in.size() > 1 ? in.get(1) : null, 2);
        NDArray y = max ? Pool.maxPool1d(x, new Shape(2), new Shape(2), new Shape(0), true)
                : Pool.avgPool1d(x, new Shape(2), new Shape(2), new Shape(0), true, false);
        return with(Masks.apply(y, mask), mask);
    }

    static Shape pooledShape(Shape s) {
        return new Shape(s.get(0), s.get(1), (s.get(2) + 1) / 2);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(new Shape[] {inputShapes[0]});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        conv.initialize(manager, dataType, in);
        norm.initialize(manager, dataType, preActivation ? in : conv.getOutputShapes(new Shape[] {in})[0]);
    }
}
