package org.robustecg.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.robustecg.model.AttackTarget;
import org.robustecg.model.InputGradient;
import org.robustecg.objective.Losses;

/**
 * APGD (Croce and Hein, ICML 2020), the step-size-free PGD at the core of AutoAttack, on the cross-entropy, the
 * DLR loss or the targeted DLR loss: momentum 0.75,
 * step 2 eps halved per sample at checkpoints where the loss rose in fewer than 75 % of the steps since the
 * previous checkpoint, or where neither the step nor the best loss changed; after a halving the sample
 * restarts from its best point. Returns, per sample, the first point that fools the model, else the point of
 * highest loss.
 */
final class Apgd {

    private static final double ALPHA = 0.75;
    private static final double RHO = 0.75;

    /** The ascended loss. */
    enum Loss {
        /** Cross-entropy of the main head. */
        CE,
        /** -(z_y - max_{i != y} z_i) / (z_pi1 - z_pi3): the difference of logits ratio, free of the logits' scale. */
        DLR,
        /** -(z_y - z_t) / (z_pi1 - (z_pi3 + z_pi4) / 2) towards a target class t. */
        DLR_TARGETED
    }

    private Apgd() {
    }

    /**
     * @param targets the target class per sample {@code [B]} for {@link Loss#DLR_TARGETED}, else null; a sample
     *                counts as fooled when it leaves its true class, whichever class it goes to
     */
    static NDArray run(AttackTarget target, NDArray x, NDArray mask, NDArray labels, double eps, AttackSettings settings,
            Loss lossKind, NDArray targets) {
        int n = (int) x.getShape().get(0);
        int iterations = settings.steps();
        List<Integer> checkpoints = checkpoints(iterations);
        PgdSettings range = settings.pgd(eps, true);
        float[] step = new float[n];
        java.util.Arrays.fill(step, (float) (2 * eps));
        try (AttackState state = new AttackState(x)) {
            NDArray current;
            Step first;
            try (NDManager scope = state.iteration(mask, labels, targets)) {
                current = Pgd.project(x, BeatRandom.uniformStart(x, eps, settings.seed()), mask, range);
                first = evaluate(target, current, mask, labels, lossKind, targets);
                state.keep(current, first.gradient);
            }
            float[] loss = first.loss;
            float[] bestLoss = loss.clone();
            NDArray best = current;
            NDArray fooled = current;
            boolean[] isFooled = first.wrong.clone();
            NDArray previous = current;
            NDArray gradient = first.gradient;
            int[] increases = new int[n];
            float[] stepAtCheckpoint = step.clone();
            float[] bestAtCheckpoint = bestLoss.clone();
            int lastCheckpoint = 0;
            for (int k = 0; k < iterations; k++) {
                try (NDManager scope = state.iteration(mask, labels, targets)) {
                    NDArray eta = scope.create(step).reshape(n, 1, 1);
                    NDArray z = Pgd.project(x, current.add(gradient.sign().mul(eta)), mask, range);
                    NDArray next = k == 0 ? z : Pgd.project(x, current.add(z.sub(current).mul(ALPHA))
                            .add(current.sub(previous).mul(1 - ALPHA)), mask, range);
                    Step s = evaluate(target, next, mask, labels, lossKind, targets);
                    NDArray improved = flags(scope, s.loss, bestLoss, n);
                    NDArray newBest = Pgd.select(improved, next, best);
                    boolean[] newlyFooled = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        if (s.loss[i] > loss[i]) {
                            increases[i]++;
                        }
                        if (s.loss[i] > bestLoss[i]) {
                            bestLoss[i] = s.loss[i];
                        }
                        newlyFooled[i] = s.wrong[i] && !isFooled[i];
                        isFooled[i] |= s.wrong[i];
                    }
                    NDArray take = mask(scope, newlyFooled, n);
                    NDArray newFooled = Pgd.select(take, next, fooled);
                    previous = current;
                    current = next;
                    best = newBest;
                    fooled = newFooled;
                    loss = s.loss;
                    gradient = s.gradient;
                    if (checkpoints.contains(k + 1)) {
                        int since = k + 1 - lastCheckpoint;
                        boolean[] halve = new boolean[n];
                        for (int i = 0; i < n; i++) {
                            boolean fewIncreases = increases[i] < RHO * since;
                            boolean stalled = stepAtCheckpoint[i] == step[i] && bestAtCheckpoint[i] == bestLoss[i];
                            halve[i] = fewIncreases || stalled;
                            stepAtCheckpoint[i] = step[i];
                            bestAtCheckpoint[i] = bestLoss[i];
                            if (halve[i]) {
                                step[i] /= 2;
                            }
                            increases[i] = 0;
                        }
                        NDArray back = mask(scope, halve, n);
                        current = Pgd.select(back, best, current);
                        lastCheckpoint = k + 1;
                        if (anyTrue(halve)) {
                            Step again = evaluate(target, current, mask, labels, lossKind, targets);
                            gradient = again.gradient;
                            loss = again.loss;
                        }
                    }
                    state.keep(previous, current, best, fooled, gradient);
                }
            }
            try (NDManager scope = state.iteration()) {
                NDArray use = mask(scope, isFooled, n);
                NDArray result = Pgd.select(use, fooled, best);
                state.keep(result);
                return state.result(result);
            }
        }
    }

    /**
     * Checkpoints in whole iterations, as the reference implementation counts them: the first after
     * 22 % of the iterations, each following interval 3 % shorter, but at least 6 % (the paper's
     * p_{j+1} = p_j + max(p_j - p_{j-1} - 0.03, 0.06) with p_1 = 0.22).
     */
    static List<Integer> checkpoints(int iterations) {
        List<Integer> points = new ArrayList<>();
        int interval = Math.max((int) (0.22 * iterations), 1);
        int shrink = Math.max((int) (0.03 * iterations), 1);
        int smallest = Math.max((int) (0.06 * iterations), 1);
        for (int at = interval; at <= iterations; at += interval) {
            points.add(at);
            interval = Math.max(interval - shrink, smallest);
        }
        return points;
    }

    private record Step(float[] loss, boolean[] wrong, NDArray gradient) {
    }

    /** Per-sample loss, whether each sample is misclassified, and the gradient (owned by x's manager). */
    private static Step evaluate(AttackTarget target, NDArray x, NDArray mask, NDArray labels, Loss lossKind,
            NDArray targets) {
        try (NDManager scratch = x.getManager().newSubManager()) {
            InputGradient g = InputGradient.at(target, x, mask, scratch, out -> switch (lossKind) {
                case CE -> Attacks.crossEntropy(out.get(0), labels);
                case DLR -> dlr(out.get(0), labels, null);
                case DLR_TARGETED -> dlr(out.get(0), labels, targets);
            });
            float[] loss = g.loss().toType(DataType.FLOAT32, false).toFloatArray();
            int[] predicted = g.outputs().get(0).argMax(1).toType(DataType.INT32, false).toIntArray();
            int[] truth = labels.toType(DataType.INT32, false).toIntArray();
            boolean[] wrong = new boolean[predicted.length];
            for (int i = 0; i < wrong.length; i++) {
                wrong[i] = predicted[i] != truth[i];
            }
            NDArray gradient = g.gradient().duplicate();
            gradient.attach(x.getManager());
            return new Step(loss, wrong, gradient);
        }
    }

    /**
     * The DLR loss per sample; targeted towards {@code targets} when non-null. With fewer classes than the ranks
     * the denominator names, the lowest logit stands in for the missing ranks.
     */
    static NDArray dlr(NDArray logits, NDArray labels, NDArray targets) {
        int classes = (int) logits.getShape().get(1);
        NDArray sorted = logits.sort(1);
        NDArray top = rank(sorted, 1, classes);
        if (targets == null) {
            return Losses.margin(logits, labels).neg().div(top.sub(rank(sorted, 3, classes)).add(1e-12f));
        }
        NDArray zy = logits.mul(Losses.oneHot(labels, logits)).sum(new int[] {1});
        NDArray zt = logits.mul(Losses.oneHot(targets, logits)).sum(new int[] {1});
        NDArray spread = top.sub(rank(sorted, 3, classes).add(rank(sorted, 4, classes)).mul(0.5f));
        return zy.sub(zt).neg().div(spread.add(1e-12f));
    }

    /** The k-th largest logit (1 = the largest) from logits sorted ascending, the smallest if k > classes. */
    private static NDArray rank(NDArray sorted, int k, int classes) {
        return sorted.get(new ai.djl.ndarray.index.NDIndex(":, " + (classes - Math.min(k, classes))));
    }

    private static NDArray flags(NDManager manager, float[] a, float[] b, int n) {
        boolean[] f = new boolean[n];
        for (int i = 0; i < n; i++) {
            f[i] = a[i] > b[i];
        }
        return mask(manager, f, n);
    }

    private static NDArray mask(NDManager manager, boolean[] f, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = f[i] ? 1f : 0f;
        }
        return manager.create(v).reshape(n, 1, 1);
    }

    private static boolean anyTrue(boolean[] f) {
        for (boolean b : f) {
            if (b) {
                return true;
            }
        }
        return false;
    }
}
