package org.robustecg.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Items of a dataset as engine arrays: signals {@code [b, leads, length]}, mask {@code [b, length]} (null
 * when the dataset has none) and int labels {@code [b]}.
 */
public record Batch(NDArray x, NDArray mask, NDArray labels, int[] indices) {

    /** The items at {@code indices}, created in {@code manager}. */
    public static Batch of(Dataset data, int[] indices, NDManager manager) {
        int stride = data.leads() * data.length();
        float[] x = new float[indices.length * stride];
        float[] mask = data.mask() == null ? null : new float[indices.length * data.length()];
        int[] labels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            System.arraycopy(data.signals(), i * stride, x, k * stride, stride);
            if (mask != null) {
                System.arraycopy(data.mask(), i * data.length(), mask, k * data.length(), data.length());
            }
            labels[k] = data.labels()[i];
        }
        return new Batch(manager.create(x, new Shape(indices.length, data.leads(), data.length())),
                mask == null ? null : manager.create(mask, new Shape(indices.length, data.length())),
                manager.create(labels), indices.clone());
    }

    /** Indices {@code from, from + 1, ..., to - 1}. */
    public static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
