package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.robustecg.engine.Gradients;

/**
 * One forward and backward pass of a target in inference mode for the gradient of a loss with respect to its input
 * (or to a variable the input is made from): the step every gradient attack, the training adversary and the NSR
 * probe take. The target's parameters must be frozen ({@link Classifier#frozen()}) so that no gradient reaches them.
 *
 * @param variable the differentiable copy of the point, in the manager given; {@code variable.stopGradient()} is
 *                 the point without the graph
 * @param input    the target's input made from the variable (the variable itself for {@link #at})
 * @param outputs  the target's outputs {@code [logits, auxiliary logits 1..K]} at the input
 * @param loss     the loss, per sample {@code [B]}; its sum is what is differentiated
 * @param gradient d sum(loss) / d variable
 */
public record InputGradient(NDArray variable, NDArray input, NDList outputs, NDArray loss, NDArray gradient) {

    /** The gradient at {@code x}, with the differentiable copy of x in {@code manager}. */
    public static InputGradient at(AttackTarget target, NDArray x, NDArray mask, NDManager manager,
            Function<NDList, NDArray> loss) {
        return through(target, x, UnaryOperator.identity(), mask, manager, (input, outputs) -> loss.apply(outputs));
    }

    /**
     * The gradient with respect to {@code variable}, from which {@code toInput} makes the target's input (SAP's
     * smoothed perturbation, Carlini-Wagner's tanh variables); the loss may use both the input and the outputs.
     */
    public static InputGradient through(AttackTarget target, NDArray variable, UnaryOperator<NDArray> toInput,
            NDArray mask, NDManager manager, BiFunction<NDArray, NDList, NDArray> loss) {
        NDArray leaf = variable.duplicate();
        leaf.attach(manager);
        leaf.setRequiresGradient(true);
        try (GradientCollector collector = Gradients.collector()) {
            NDArray input = toInput.apply(leaf);
            NDList outputs = target.forward(input, mask);
            NDArray perSample = loss.apply(input, outputs);
            collector.backward(perSample.sum());
            return new InputGradient(leaf, input, outputs, perSample, leaf.getGradient());
        }
    }
}
