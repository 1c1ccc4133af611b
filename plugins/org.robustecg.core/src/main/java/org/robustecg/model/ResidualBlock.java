package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The 1-D basic residual block of the ECG backbone: conv3 (stride s, no bias), GroupNorm, LeakyReLU,
 * conv3, GroupNorm; skip path conv1 (stride s, no bias), GroupNorm; sum, LeakyReLU. Inputs and outputs:
 * {@code [x]} or {@code [x, mask]}, the mask down-sampled with the stride; padded positions stay zero.
 */
public final class ResidualBlock extends AbstractBlock {

    private final int stride;
    private final float slope;
    private final Conv1d conv1;
    private final GroupNorm norm1;
    private final Conv1d conv2;
    private final GroupNorm norm2;
    private final Conv1d skip;
    private final GroupNorm skipNorm;

    public ResidualBlock(int channels, int groups, int stride, float slope) {
        this.stride = stride;
        this.slope = slope;
        conv1 = addChildBlock("conv1", conv(channels, 3, stride, 1));
        norm1 = addChildBlock("norm1", new GroupNorm(groups));
        conv2 = addChildBlock("conv2", conv(channels, 3, 1, 1));
        norm2 = addChildBlock("norm2", new GroupNorm(groups));
        skip = addChildBlock("skip", conv(channels, 1, stride, 0));
        skipNorm = addChildBlock("skip_norm", new GroupNorm(groups));
    }

    static Conv1d conv(int filters, int kernel, int stride, int padding) {
        return Conv1d.builder().setFilters(filters).setKernelShape(new Shape(kernel)).optStride(new Shape(stride))
                .optPadding(new Shape(padding)).optBias(false).build();
    }

    /**
     * {@code conv} (no bias) applied to {@code [B, C, W]} input. The CPU convolution kernels of libtorch 2.7.1
     * (oneDNN, AVX2 and AVX-512) get the input gradient wrong, by as much as its size, for a filter count that is
     * not a multiple of 16 and for single-channel input, and with two threads differently from run to run: the
     * layers of a narrow network, so PGD and adversarial training went astray and did not reproduce (measured
     * against float64, docs/RESULTS.md). Such convolutions get zero filters up to a multiple of 16 (their outputs
     * dropped) and single-channel input a zero second channel: the same function, computed by kernels whose
     * gradient is right.
     */
    static NDArray convolve(Conv1d conv, ParameterStore store, NDArray x, boolean training) {
        long filters = conv.getFilters();
        long padded = (filters + 15) / 16 * 16;
        boolean single = x.getShape().get(1) == 1;
        if (!single && padded == filters) {
            return conv.forward(store, new NDList(x), training).head();
        }
        NDArray w = store.getValue(conv.getParameters().get("weight"), x.getDevice(), training);
        NDManager scratch = x.getManager(); // not the parameters' manager, which lives as long as the model
        Shape s = w.getShape();
        if (single) {
            x = x.concat(scratch.zeros(x.getShape(), x.getDataType(), x.getDevice()), 1);
            w = w.concat(scratch.zeros(s, w.getDataType(), w.getDevice()), 1);
            w.attach(scratch);
        }
        if (padded != filters) {
            w = w.concat(scratch.zeros(new Shape(padded - filters, w.getShape().get(1), s.get(2)), w.getDataType(),
                    w.getDevice()), 0);
            w.attach(scratch);
        }
        NDArray y = Conv1d.conv1d(x, w, null, conv.getStride(), conv.getPadding(), conv.getDilation(),
                conv.getGroups()).head();
        return padded == filters ? y : y.get(new ai.djl.ndarray.index.NDIndex(":, 0:{}", filters));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = Masks.downsample(inputs.size() > 1 ? inputs.get(1) : null, stride);
        NDArray h = convolve(conv1, store, x, training);
        h = Masks.apply(Activation.leakyRelu(norm(norm1, store, h, mask, training), slope), mask);
        h = convolve(conv2, store, h, training);
        h = norm(norm2, store, h, mask, training);
        NDArray s = norm(skipNorm, store, convolve(skip, store, x, training), mask, training);
        NDArray out = Masks.apply(Activation.leakyRelu(h.add(s), slope), mask);
        return mask == null ? new NDList(out) : new NDList(out, mask);
    }

    private static NDArray norm(GroupNorm norm, ParameterStore store, NDArray x, NDArray mask, boolean training) {
        NDList in = mask == null ? new NDList(x) : new NDList(x, mask);
        return Masks.apply(norm.forward(store, in, training).head(), mask);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv1.getOutputShapes(new Shape[] {inputShapes[0]});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        conv1.initialize(manager, dataType, in);
        Shape out = conv1.getOutputShapes(new Shape[] {in})[0];
        norm1.initialize(manager, dataType, out);
        conv2.initialize(manager, dataType, out);
        norm2.initialize(manager, dataType, out);
        skip.initialize(manager, dataType, in);
        skipNorm.initialize(manager, dataType, out);
    }
}
