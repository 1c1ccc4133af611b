package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Group normalisation of {@code [B, C, W]} feature maps (Wu and He 2018), with a per-channel scale and
 * shift. Inputs: {@code [x]} or {@code [x, mask]}; with a mask the statistics use real positions only,
 * so zero padding does not change them. Unmasked and training, it is PyTorch's fused group norm
 * ({@link NativeGroupNorm}); unmasked with frozen parameters, a layer norm over each group, then the affine map.
 */
public final class GroupNorm extends AbstractBlock {

    private static final float EPSILON = 1e-5f;

    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;
    private int channels;

    /** @param groups number of groups; CASLCNet uses as many groups as channels */
    public GroupNorm(int groups) {
        this.groups = groups;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        long b = x.getShape().get(0);
        long c = x.getShape().get(1);
        long w = x.getShape().get(2);
        NDArray scale = store.getValue(gamma, x.getDevice(), training);
        NDArray shift = store.getValue(beta, x.getDevice(), training);
        if (mask == null && scale.hasGradient()) {
            // Training: one fused kernel computes the input's and the affine parameters' gradients.
            return new NDList(NativeGroupNorm.apply(x, groups, scale, shift, EPSILON));
        }
        if (mask == null) {
            // Frozen parameters (attacks, inference): libtorch 2.7's group-norm backward for the input alone is
            // slower than layer norm's on maps a few samples wide, so normalise as a layer norm over each group.
            long perGroup = c / groups * w;
            NDArray grouped = x.reshape(b, groups, perGroup);
            NDArray ones = x.getManager().ones(new Shape(perGroup), x.getDataType(), x.getDevice());
            NDArray zeros = x.getManager().zeros(new Shape(perGroup), x.getDataType(), x.getDevice());
            NDArray normalised = grouped.getNDArrayInternal().layerNorm(grouped, new Shape(perGroup), ones, zeros,
                    EPSILON).singletonOrThrow().reshape(b, c, w);
            return new NDList(affine(normalised, scale, shift, x));
        }
        NDArray grouped = x.reshape(b, groups, c / groups, w);
        NDArray m = mask.reshape(b, 1, 1, w);
        NDArray count = m.sum(new int[] {2, 3}, true).mul(c / groups).maximum(1f);
        NDArray mean = grouped.mul(m).sum(new int[] {2, 3}, true).div(count);
        NDArray centred = grouped.sub(mean);
        NDArray variance = centred.mul(m).square().sum(new int[] {2, 3}, true).div(count);
        NDArray normalised = centred.div(variance.add(EPSILON).sqrt()).reshape(b, c, w);
        return new NDList(affine(normalised, scale, shift, x));
    }

    private static NDArray affine(NDArray normalised, NDArray scale, NDArray shift, NDArray x) {
        long c = x.getShape().get(1);
        return normalised.mul(Masks.local(scale.reshape(1, c, 1), x)).add(Masks.local(shift.reshape(1, c, 1), x));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        channels = (int) inputShapes[0].get(1);
        if (channels % groups != 0) {
            throw new IllegalArgumentException(channels + " channels do not split into " + groups + " groups");
        }
        gamma.setShape(new Shape(channels));
        beta.setShape(new Shape(channels));
    }
}
