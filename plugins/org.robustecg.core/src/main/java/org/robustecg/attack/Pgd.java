package org.robustecg.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.function.Function;
import org.robustecg.model.AttackTarget;
import org.robustecg.model.InputGradient;

/**
 * l-inf PGD: optional uniform random start in the eps-ball, then steps of {@code stepSize * sign(grad)}
 * ascending an objective, each followed by projection onto the eps-ball and the valid range. Padded
 * positions (mask 0) are never perturbed. Each step's temporaries are freed with the step ({@link AttackState}).
 */
public final class Pgd {

    private Pgd() {
    }

    /**
     * The last iterate from {@code x}, owned by x's manager (the training adversary's point).
     *
     * @param objective loss to ascend, from the target's outputs on the adversarial input
     */
    public static NDArray perturb(AttackTarget target, NDArray x, NDArray mask, PgdSettings settings,
            Function<NDList, NDArray> objective) {
        return perturb(target, x, mask, settings, objective, null);
    }

    /**
     * As {@link #perturb(AttackTarget, NDArray, NDArray, PgdSettings, Function)}; with {@code best} non-null,
     * every iterate is offered to it, {@code objective} must give one loss per sample, and the best point is
     * returned instead of the last iterate.
     */
    static NDArray perturb(AttackTarget target, NDArray x, NDArray mask, PgdSettings settings,
            Function<NDList, NDArray> objective, BestIterate best) {
        return perturb(target, x, mask, settings, objective, best, null);
    }

    /**
     * As {@link #perturb(AttackTarget, NDArray, NDArray, PgdSettings, Function, BestIterate)}; with {@code beatSeed}
     * non-null the random start is drawn per beat ({@link BeatRandom}), so that it does not depend on the other
     * beats of the batch; with null it comes from the engine's generator (the training adversary).
     */
    static NDArray perturb(AttackTarget target, NDArray x, NDArray mask, PgdSettings settings,
            Function<NDList, NDArray> objective, BestIterate best, Long beatSeed) {
        float eps = (float) settings.epsilon();
        try (AttackState state = new AttackState(x)) {
            NDArray adversarial = x;
            if (settings.randomStart() && eps > 0) {
                try (NDManager scope = state.iteration(mask)) {
                    NDArray start = beatSeed == null
                            ? x.add(scope.randomUniform(-eps, eps, x.getShape(), x.getDataType()))
                            : BeatRandom.uniformStart(x, eps, beatSeed);
                    adversarial = project(x, start, mask, settings);
                    state.keep(adversarial, best == null ? null : best.point());
                }
            }
            for (int step = 0; step < settings.steps(); step++) {
                try (NDManager scope = state.iteration(mask)) {
                    InputGradient g = InputGradient.at(target, adversarial, mask, scope, objective);
                    if (best != null) {
                        best.offer(g.variable(), g.loss(), g.outputs().get(0));
                    }
                    adversarial = project(x, g.variable().stopGradient().add(g.gradient().sign()
                            .mul(settings.stepSize())), mask, settings);
                    state.keep(adversarial, best == null ? null : best.point());
                }
            }
            if (best == null) {
                return state.result(adversarial);
            }
            try (NDManager scope = state.iteration(mask)) {
                best.evaluate(target, adversarial, mask, objective);
                state.keep(best.point());
                return state.result(best.point());
            }
        }
    }

    /** Clips {@code candidate} to the eps-ball around x and to the valid range; padded positions keep x. */
    static NDArray project(NDArray x, NDArray candidate, NDArray mask, PgdSettings settings) {
        float eps = (float) settings.epsilon();
        NDArray delta = candidate.sub(x).clip(-eps, eps);
        NDArray y = x.add(delta).clip(settings.lower(), settings.upper());
        if (mask != null) {
            y = select(mask.expandDims(1), y, x);
        }
        return y;
    }

    /**
     * {@code a} where {@code take} is 1 and {@code b} where it is 0 ({@code take} holds 0 or 1 and broadcasts):
     * {@code a take + b (1 - take)}, exact for 0/1 weights. The result belongs to a's manager.
     */
    static NDArray select(NDArray take, NDArray a, NDArray b) {
        return a.mul(take).add(b.mul(take.neg().add(1f)));
    }
}
