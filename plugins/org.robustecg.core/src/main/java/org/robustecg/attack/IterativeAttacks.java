package org.robustecg.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.function.Function;
import org.robustecg.model.AttackTarget;
import org.robustecg.model.InputGradient;
import org.robustecg.objective.Losses;

/**
 * Two optimiser-driven attacks: the PGD variant of the ECG robustness literature (Adamax updates of the
 * noise with a fixed step, per-sample early stop once the label flips, the best iterate kept) and Carlini-Wagner l2 (tanh change
 * of variables, Adam, binary search over the constant c).
 */
final class IterativeAttacks {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final int BINARY_SEARCH_STEPS = 5;
    private static final double INITIAL_C = 0.1;
    private static final float CW_LEARNING_RATE = 0.01f;

    private IterativeAttacks() {
    }

    /**
     * PGD-ECG: noise delta (from 0) ascends the cross-entropy with Adamax steps of size stepSize (default
     * {@value AttackSettings#PGD_ECG_STEP}), projected onto the eps-ball and range after each step; a sample stops as soon as it is fooled.
     */
    static NDArray pgdEcg(AttackTarget target, NDArray x, NDArray mask, NDArray labels, double eps,
            AttackSettings settings) {
        PgdSettings range = settings.pgd(eps, false);
        float step = (float) settings.stepFor(eps);
        Function<NDList, NDArray> objective = Attacks.crossEntropy(labels, settings);
        BestIterate best = new BestIterate(labels);
        try (AttackState state = new AttackState(x)) {
            NDArray adversarial = x;
            NDArray m;
            NDArray u;
            NDArray active;
            try (NDManager scope = state.iteration()) {
                m = x.zerosLike();
                u = x.zerosLike();
                active = x.onesLike();
                state.keep(m, u, active);
            }
            for (int t = 1; t <= settings.steps(); t++) {
                try (NDManager scope = state.iteration(mask, labels)) {
                    NDArray g = Attacks.gradient(target, adversarial, mask, objective, t == 1 ? null : best);
                    g.attach(scope);
                    m = m.mul(BETA1).add(g.mul(1 - BETA1));
                    u = u.mul(BETA2).maximum(g.abs().add(1e-8f));
                    NDArray update = m.div(u).mul(step / (1 - Math.pow(BETA1, t))).mul(active);
                    adversarial = Pgd.project(x, adversarial.add(update), mask, range);
                    NDArray stillRight = target.forward(adversarial, mask).get(0).argMax(1)
                            .toType(labels.getDataType(), false).eq(labels).toType(x.getDataType(), false)
                            .reshape(x.getShape().get(0), 1, 1);
                    active = active.mul(stillRight);
                    state.keep(m, u, adversarial, active, best.point());
                    if (active.sum().getFloat() == 0) {
                        break;
                    }
                }
            }
            return Attacks.finish(state, best, target, adversarial, mask, labels, objective);
        }
    }

    /**
     * Carlini-Wagner l2, untargeted: minimise ||x' - x||^2 + c max(z_y - max_{k != y} z_k, -kappa) over
     * x' = lower + (upper - lower)(tanh(w) + 1) / 2 with Adam, for steps iterations per value of c, with a
     * binary search over c; per sample the smallest successful perturbation is kept. Results whose l2 norm
     * exceeds {@code l2Budget} count as failures (the clean input is returned for them).
     */
    static NDArray carliniWagner(AttackTarget target, NDArray x, NDArray mask, NDArray labels, double l2Budget,
            AttackSettings settings) {
        int n = (int) x.getShape().get(0);
        float lo = settings.lower();
        float hi = settings.upper();
        double[] c = new double[n];
        double[] lowerC = new double[n];
        double[] upperC = new double[n];
        java.util.Arrays.fill(c, INITIAL_C);
        java.util.Arrays.fill(upperC, 1e10);
        double[] bestNorm = new double[n];
        java.util.Arrays.fill(bestNorm, Double.POSITIVE_INFINITY);
        try (AttackState state = new AttackState(x)) {
            NDArray best;
            NDArray maskB;
            NDArray w0;
            try (NDManager scope = state.iteration(mask)) {
                best = x.duplicate();
                maskB = mask == null ? null : mask.expandDims(1);
                // w with x' = x at the start (clipped away from the tanh asymptotes).
                NDArray scaled = x.sub(lo).div(hi - lo).mul(2).sub(1).clip(-1 + 1e-6, 1 - 1e-6);
                w0 = scaled.add(1).div(scaled.neg().add(1)).log().mul(0.5);
                state.keep(best, maskB, w0);
            }
            for (int search = 0; search < BINARY_SEARCH_STEPS; search++) {
                boolean[] success = new boolean[n];
                NDArray constants;
                NDArray w;
                NDArray m;
                NDArray v;
                try (NDManager scope = state.iteration()) {
                    constants = scope.create(toFloat(c)).toType(x.getDataType(), false);
                    w = w0.duplicate();
                    m = w.zerosLike();
                    v = w.zerosLike();
                    state.keep(best, maskB, w0, constants, w, m, v);
                }
                for (int t = 1; t <= settings.steps(); t++) {
                    try (NDManager scope = state.iteration(mask, labels)) {
                        InputGradient g = InputGradient.through(target, w, variable -> {
                            NDArray image = variable.tanh().add(1).mul((hi - lo) / 2f).add(lo);
                            return maskB == null ? image : Pgd.select(maskB, image, x);
                        }, mask, scope, (input, out) -> distance(input, x).add(Losses.margin(out.get(0), labels)
                                .maximum(0f).mul(constants)));
                        NDArray candidate = g.input();
                        float[] norms = distance(candidate, x).sqrt().toType(DataType.FLOAT32, false).toFloatArray();
                        int[] predicted = g.outputs().get(0).argMax(1).toType(DataType.INT32, false).toIntArray();
                        int[] truth = labels.toType(DataType.INT32, false).toIntArray();
                        boolean[] fooled = new boolean[n];
                        for (int i = 0; i < n; i++) {
                            fooled[i] = predicted[i] != truth[i];
                        }
                        float[] take = new float[n];
                        for (int i = 0; i < n; i++) {
                            if (fooled[i]) {
                                success[i] = true;
                                if (norms[i] < bestNorm[i]) {
                                    bestNorm[i] = norms[i];
                                    take[i] = 1;
                                }
                            }
                        }
                        NDArray takeArray = scope.create(take).reshape(n, 1, 1).toType(x.getDataType(), false);
                        best = Pgd.select(takeArray, candidate.stopGradient(), best);
                        NDArray gradient = g.gradient();
                        m = m.mul(BETA1).add(gradient.mul(1 - BETA1));
                        v = v.mul(BETA2).add(gradient.square().mul(1 - BETA2));
                        double correction = Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
                        w = g.variable().stopGradient().sub(m.div(v.sqrt().add(1e-8f)).mul(CW_LEARNING_RATE
                                * correction));
                        state.keep(best, maskB, w0, constants, w, m, v);
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (success[i]) {
                        upperC[i] = Math.min(upperC[i], c[i]);
                        c[i] = (lowerC[i] + upperC[i]) / 2;
                    } else {
                        lowerC[i] = Math.max(lowerC[i], c[i]);
                        c[i] = upperC[i] < 1e9 ? (lowerC[i] + upperC[i]) / 2 : c[i] * 10;
                    }
                }
            }
            float[] keep = new float[n];
            for (int i = 0; i < n; i++) {
                keep[i] = bestNorm[i] <= l2Budget ? 1 : 0;
            }
            try (NDManager scope = state.iteration()) {
                NDArray keepArray = scope.create(keep).reshape(n, 1, 1).toType(x.getDataType(), false);
                NDArray result = Pgd.select(keepArray, best, x);
                state.keep(result);
                return state.result(result);
            }
        }
    }

    /** The squared l2 distance of each item from x, {@code [B]}. */
    private static NDArray distance(NDArray candidate, NDArray x) {
        return candidate.sub(x).square().sum(new int[] {1, 2});
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
