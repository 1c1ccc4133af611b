package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.robustecg.progress.Progress;

/** What an attack needs of a classifier: a differentiable forward pass in inference mode. */
public interface AttackTarget {

    /**
     * @param x    inputs {@code [B, leads, length]}
     * @param mask validity mask {@code [B, length]}, or null
     * @return {@code [logits, auxiliary logits 1..K]}; CAS modules use their predicted-class rows
     */
    NDList forward(NDArray x, NDArray mask);

    /**
     * This target, checking before every forward pass whether the user asked to stop: an attack of thousands of
     * forwards on one batch (Square, the ensemble) then stops within one forward, whatever attack it is.
     */
    default AttackTarget stoppedBy(Progress progress) {
        AttackTarget target = this;
        return (x, mask) -> {
            progress.checkCancelled();
            return target.forward(x, mask);
        };
    }
}
