package org.robustecg.attack;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.Function;
import org.robustecg.model.AttackTarget;
import org.robustecg.model.InputGradient;
import org.robustecg.objective.Losses;

/**
 * The attacks of METHOD 5 on a batch. Every result lies in the eps-ball around x (l-inf; for C&W l2,
 * eps bounds the l2 norm), is clamped
 * to the data range when the settings say so, leaves padded positions (mask 0) untouched, and is owned by
 * x's manager. Every random draw is made per beat from the settings' seed, the radius and the beat's values
 * ({@link BeatRandom}): a beat is attacked alike whichever batch, range or subset it is attacked in.
 */
public final class Attacks {

    /** SAP's Gaussian kernels: sizes x standard deviations (Han et al. 2020). */
    private static final int[] SAP_SIZES = {5, 7, 11, 15, 19};
    private static final double[] SAP_SIGMAS = {1, 3, 5, 7, 10};
    private static final float MOMENTUM = 1.0f;

    private Attacks() {
    }

    /** The adversarial version of x at radius eps. The target must have its parameters frozen. */
    public static NDArray run(AttackTarget target, NDArray x, NDArray mask, NDArray labels, double eps,
            AttackSettings runSettings) {
        AttackSettings settings = runSettings.withSeed(BeatRandom.atRadius(runSettings.seed(), eps));
        PgdSettings range = settings.pgd(eps, false);
        if (eps == 0) {
            return x.duplicate();
        }
        return switch (settings.kind()) {
            case NOISE -> Pgd.project(x, BeatRandom.uniformStart(x, eps, settings.seed()), mask, range);
            case FGSM -> Pgd.project(x, x.add(gradient(target, x, mask, crossEntropy(labels, settings)).sign()
                    .mul(eps)), mask, range);
            case MIFGSM -> momentum(target, x, mask, labels, eps, settings);
            case PGD -> restarts(target, x, mask, labels, eps, settings, crossEntropy(labels, settings));
            case CW_LINF -> restarts(target, x, mask, labels, eps, settings, out -> cwMargin(out.get(0), labels));
            case APGD -> Apgd.run(target, x, mask, labels, eps, settings, Apgd.Loss.CE, null);
            case APGD_DLR -> Apgd.run(target, x, mask, labels, eps, settings, Apgd.Loss.DLR, null);
            case APGD_T -> Ensemble.targeted(target, x, mask, labels, eps, settings);
            case SQUARE -> Square.run(target, x, mask, labels, eps, settings);
            case ENSEMBLE -> Ensemble.run(target, x, mask, labels, eps, settings);
            case PGD_ECG -> IterativeAttacks.pgdEcg(target, x, mask, labels, eps, settings);
            case CW -> IterativeAttacks.carliniWagner(target, x, mask, labels, eps, settings);
            case SAP -> sap(target, x, mask, labels, eps, settings);
        };
    }

    /**
     * Per sample {@code [B]}: cross-entropy of the main head plus auxWeight times the mean cross-entropy of the
     * auxiliary heads.
     */
    static Function<NDList, NDArray> crossEntropy(NDArray labels, AttackSettings settings) {
        return out -> {
            AttackState.borrow(out.get(0).getManager(), labels);
            NDArray loss = crossEntropy(out.get(0), labels);
            if (settings.auxWeight() != 0 && out.size() > 1) {
                NDArray aux = null;
                for (int k = 1; k < out.size(); k++) {
                    NDArray term = crossEntropy(out.get(k), labels);
                    aux = aux == null ? term : aux.add(term);
                }
                loss = loss.add(aux.mul(settings.auxWeight() / (out.size() - 1)));
            }
            return loss;
        };
    }

    /** Cross-entropy per sample {@code [B]}. */
    static NDArray crossEntropy(NDArray logits, NDArray labels) {
        return logits.logSoftmax(1).mul(Losses.oneHot(labels, logits)).sum(new int[] {1}).neg();
    }

    /** The Carlini-Wagner margin max_{k != y} z_k - z_y per sample (its ascent makes the sample wrong). */
    static NDArray cwMargin(NDArray logits, NDArray labels) {
        AttackState.borrow(logits.getManager(), labels);
        return Losses.margin(logits, labels).neg();
    }

    /** d objective / d x at x (objective summed over the batch), owned by x's manager. */
    static NDArray gradient(AttackTarget target, NDArray x, NDArray mask, Function<NDList, NDArray> objective) {
        return gradient(target, x, mask, objective, null);
    }

    /** As {@link #gradient(AttackTarget, NDArray, NDArray, Function)}, offering x to {@code best} if non-null. */
    static NDArray gradient(AttackTarget target, NDArray x, NDArray mask, Function<NDList, NDArray> objective,
            BestIterate best) {
        try (NDManager scratch = x.getManager().newSubManager()) {
            InputGradient g = InputGradient.at(target, x, mask, scratch, objective);
            if (best != null) {
                best.offer(x, g.loss(), g.outputs().get(0));
            }
            NDArray gradient = g.gradient().duplicate();
            gradient.attach(x.getManager());
            return gradient;
        }
    }

    /** MI-FGSM: g = mu g + grad / ||grad||_1 (per sample), x = x + step sign(g), projected, for steps steps. */
    private static NDArray momentum(AttackTarget target, NDArray x, NDArray mask, NDArray labels, double eps,
            AttackSettings settings) {
        PgdSettings range = settings.pgd(eps, false);
        int[] axes = nonBatchAxes(x);
        Function<NDList, NDArray> objective = crossEntropy(labels, settings);
        BestIterate best = new BestIterate(labels);
        try (AttackState state = new AttackState(x)) {
            NDArray adversarial = x;
            NDArray accumulated = null;
            for (int t = 0; t < settings.steps(); t++) {
                try (NDManager scope = state.iteration(mask, labels)) {
                    NDArray g = gradient(target, adversarial, mask, objective, t == 0 ? null : best);
                    g.attach(scope);
                    NDArray normalised = g.div(g.abs().sum(axes, true).maximum(1e-12f));
                    accumulated = accumulated == null ? normalised : accumulated.mul(MOMENTUM).add(normalised);
                    adversarial = Pgd.project(x, adversarial.add(accumulated.sign().mul(range.stepSize())), mask, range);
                    state.keep(adversarial, accumulated, best.point());
                }
            }
            return finish(state, best, target, adversarial, mask, labels, objective);
        }
    }

    /** PGD with random starts: per sample the best iterate of all restarts (the first that fools the model). */
    private static NDArray restarts(AttackTarget target, NDArray x, NDArray mask, NDArray labels, double eps,
            AttackSettings settings, Function<NDList, NDArray> objective) {
        BestIterate best = new BestIterate(labels);
        NDArray point = null;
        for (int r = 0; r < settings.restarts(); r++) {
            point = Pgd.perturb(target, x, mask, settings.pgd(eps, true), objective, best, settings.seed() + r);
        }
        return point;
    }

    /** Offers the last iterate to {@code best} and returns the best points, owned by the clean batch's manager. */
    static NDArray finish(AttackState state, BestIterate best, AttackTarget target, NDArray last, NDArray mask,
            NDArray labels, Function<NDList, NDArray> objective) {
        try (NDManager scope = state.iteration(mask, labels)) {
            best.evaluate(target, last, mask, objective);
            state.keep(best.point());
            return state.result(best.point());
        }
    }

    /**
     * SAP: the perturbation is the mean of 25 Gaussian smoothings of a free variable theta (zero padded,
     * same length). Phase 1: PGD on x without random start gives theta's start; phase 2: 2 x steps of sign
     * ascent on theta, clipped to [-eps, eps]; the best smoothed point of phase 2 is kept.
     */
    private static NDArray sap(AttackTarget target, NDArray x, NDArray mask, NDArray labels, double eps,
            AttackSettings settings) {
        Function<NDList, NDArray> objective = crossEntropy(labels, settings);
        PgdSettings range = settings.pgd(eps, false);
        float step = (float) range.stepSize();
        BestIterate best = new BestIterate(labels);
        try (AttackState state = new AttackState(x)) {
            NDArray theta;
            NDArray kernels;
            try (NDManager scope = state.iteration(mask, labels)) {
                theta = Pgd.perturb(target, x, mask, range, objective).sub(x);
                kernels = scope.create(sapKernels(), new Shape(SAP_SIZES.length * SAP_SIGMAS.length, 1,
                        SAP_SIZES[SAP_SIZES.length - 1])).toType(x.getDataType(), false);
                state.keep(theta, kernels);
            }
            for (int t = 0; t < 2 * settings.steps(); t++) {
                try (NDManager scope = state.iteration(mask, labels)) {
                    InputGradient g = InputGradient.through(target, theta,
                            perturbation -> smoothedInput(x, perturbation, kernels, mask, range), mask, scope,
                            (input, out) -> objective.apply(out));
                    best.offer(g.input(), g.loss(), g.outputs().get(0));
                    theta = g.variable().stopGradient().add(g.gradient().sign().mul(step)).clip(-eps, eps);
                    state.keep(theta, kernels, best.point());
                }
            }
            NDArray last;
            try (NDManager scope = state.iteration(mask)) {
                last = smoothedInput(x, theta, kernels, mask, range).stopGradient();
                state.keep(last, best.point());
            }
            return finish(state, best, target, last, mask, labels, objective);
        }
    }

    /** x plus the smoothed perturbation of theta, clamped to the range if set, padded positions left as x. */
    private static NDArray smoothedInput(NDArray x, NDArray theta, NDArray kernels, NDArray mask, PgdSettings range) {
        Shape s = x.getShape();
        long pad = kernels.getShape().get(2) / 2;
        NDArray flat = theta.reshape(s.get(0) * s.get(1), 1, s.get(2));
        NDArray smoothed = flat.getNDArrayInternal().convolution(flat, kernels, null, new Shape(1), new Shape(pad),
                new Shape(1), 1).singletonOrThrow().mean(new int[] {1}).reshape(s);
        NDArray y = x.add(smoothed).clip(range.lower(), range.upper());
        if (mask != null) {
            y = Pgd.select(mask.expandDims(1), y, x);
        }
        return y;
    }

    /** The 25 normalised Gaussian kernels, each centred in a row of the largest size. */
    static float[] sapKernels() {
        int width = SAP_SIZES[SAP_SIZES.length - 1];
        float[] k = new float[SAP_SIZES.length * SAP_SIGMAS.length * width];
        int row = 0;
        for (int size : SAP_SIZES) {
            for (double sigma : SAP_SIGMAS) {
                double sum = 0;
                double[] g = new double[size];
                for (int i = 0; i < size; i++) {
                    double d = i - (size - 1) / 2.0;
                    g[i] = Math.exp(-d * d / (2 * sigma * sigma));
                    sum += g[i];
                }
                int offset = (width - size) / 2;
                for (int i = 0; i < size; i++) {
                    k[row * width + offset + i] = (float) (g[i] / sum);
                }
                row++;
            }
        }
        return k;
    }

    private static int[] nonBatchAxes(NDArray x) {
        int[] axes = new int[x.getShape().dimension() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        return axes;
    }
}
