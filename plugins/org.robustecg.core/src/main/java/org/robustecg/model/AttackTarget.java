package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** What an attack needs of a classifier: a differentiable forward pass in inference mode. */
public interface AttackTarget {

    /**
     * @param x    inputs {@code [B, leads, length]}
     * @param mask validity mask {@code [B, length]}, or null
     * @return {@code [logits, auxiliary logits 1..K]}; CAS modules use their predicted-class rows
     */
    NDList forward(NDArray x, NDArray mask);
}
