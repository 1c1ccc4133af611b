package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Validity masks of padded records ({@code [B, length]}, 1 = real sample, 0 = padding), carried through the
 * network alongside the feature maps.
 */
final class Masks {

    private Masks() {
    }

    /** The mask of a feature map after a convolution of this stride (k = 2p + 1, so length ceil(L / stride)). */
    static NDArray downsample(NDArray mask, int stride) {
        return mask == null || stride == 1 ? mask : mask.get(new NDIndex(":, ::" + stride));
    }

    /** Zeroes the padded positions of a feature map {@code [B, C, W]}. */
    static NDArray apply(NDArray x, NDArray mask) {
        return mask == null ? x : x.mul(mask.expandDims(1));
    }

    /** Mean over the length axis of {@code [B, C, W]}, over real positions only: {@code [B, C]}. */
    static NDArray mean(NDArray x, NDArray mask) {
        if (mask == null) {
            return x.mean(new int[] {2});
        }
        NDArray m = mask.expandDims(1);
        return x.mul(m).sum(new int[] {2}).div(m.sum(new int[] {2}).maximum(1e-6f));
    }

    /** Returns {@code array} owned by the manager of {@code owner}, so it is freed with the batch. */
    static NDArray local(NDArray array, NDArray owner) {
        array.attach(owner.getManager());
        return array;
    }
}
