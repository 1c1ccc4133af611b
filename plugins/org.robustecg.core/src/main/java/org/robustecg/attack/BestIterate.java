package org.robustecg.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.function.Function;
import org.robustecg.model.AttackTarget;

/**
 * Per sample, the best point an attack has visited: the first that the model misclassifies, else the one of
 * highest loss. Iterative attacks offer every iterate (across restarts), so a sample counts as broken when any
 * iterate broke it, not only when the last one does: with a fixed step the accuracy oscillates between steps.
 */
final class BestIterate {

    private final int[] truth;
    private final boolean[] fooled;
    private final float[] loss;
    private NDArray point;

    /** @param labels the true classes {@code [B]} */
    BestIterate(NDArray labels) {
        truth = labels.toType(DataType.INT32, false).toIntArray();
        fooled = new boolean[truth.length];
        loss = new float[truth.length];
        Arrays.fill(loss, Float.NEGATIVE_INFINITY);
    }

    /**
     * Offers {@code candidate} with the model's outputs on it. The new best points belong to the candidate's
     * manager; callers that free running state each iteration keep {@link #point()}.
     *
     * @param perSampleLoss the attack's loss per sample {@code [B]}
     * @param logits        main-head logits {@code [B, classes]}
     */
    void offer(NDArray candidate, NDArray perSampleLoss, NDArray logits) {
        float[] l = perSampleLoss.toType(DataType.FLOAT32, false).toFloatArray();
        int[] predicted = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
        float[] take = new float[truth.length];
        for (int i = 0; i < truth.length; i++) {
            boolean wrong = predicted[i] != truth[i];
            if (point == null || !fooled[i] && (wrong || l[i] > loss[i])) {
                take[i] = 1;
                fooled[i] = wrong;
                loss[i] = l[i];
            }
        }
        NDManager home = candidate.getManager();
        try (NDManager scratch = home.newSubManager()) {
            AttackState.borrow(scratch, candidate);
            AttackState.borrow(scratch, point);
            NDArray c = candidate.stopGradient();
            NDArray chosen = point == null ? c : Pgd.select(scratch.create(take).reshape(truth.length, 1, 1)
                    .toType(c.getDataType(), false), c, point);
            chosen.attach(home);
            point = chosen;
        }
    }

    /** Offers {@code candidate} after a forward pass on it (the last iterate, whose outputs no step computed). */
    void evaluate(AttackTarget target, NDArray candidate, NDArray mask, Function<NDList, NDArray> objective) {
        NDManager home = candidate.getManager();
        try (NDManager scratch = home.newSubManager()) {
            AttackState.borrow(scratch, candidate);
            NDList out = target.forward(candidate, mask);
            offer(candidate, objective.apply(out), out.get(0));
            point.attach(home);
        }
    }

    /** The best points so far (null before the first offer). */
    NDArray point() {
        return point;
    }
}
