package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * A network with its parameters, ready to run: inference-mode forward passes (what attacks see), training
 * passes with labels, and freezing of the parameters so that an attack's backward pass adds no gradient
 * to them.
 */
public final class Classifier implements AttackTarget {

    private final EcgModel network;
    private final ParameterStore store;

    public Classifier(EcgModel network, NDManager manager) {
        this.network = network;
        this.store = new ParameterStore(manager, false);
    }

    public EcgModel network() {
        return network;
    }

    @Override
    public NDList forward(NDArray x, NDArray mask) {
        return network.forward(store, inputs(x, mask), false);
    }

    /** A training pass: CAS modules use the rows of the true labels, mean-shift layers the batch means. */
    public NDList train(NDArray x, NDArray mask, NDArray labels) {
        return network.forward(store, inputs(x, mask), new NDList(labels), null);
    }

    /** Pooled last-layer features {@code [B, channels]} in inference mode. */
    public NDArray features(NDArray x, NDArray mask) {
        return network.features(store, inputs(x, mask));
    }

    /**
     * For each layer of the l-inf head, the deciding input of every (item, unit) pair in inference mode
     * ({@code [B, units]}, int64); empty without an l-inf head.
     */
    public List<NDArray> headDecidingInputs(NDArray x, NDArray mask) {
        LinfHead head = network.linfHead();
        return head == null ? List.of() : head.decidingInputs(store, features(x, mask));
    }

    /** The parameters the optimiser updates. */
    public List<Parameter> trainableParameters() {
        return network.getParameters().values().stream().filter(p -> p.getType() != Parameter.Type.RUNNING_MEAN)
                .toList();
    }

    /** Stops (or restarts) gradient accumulation in the trainable parameters. */
    public void freeze(boolean frozen) {
        trainableParameters().forEach(p -> p.freeze(frozen));
    }

    /**
     * Freezes the trainable parameters until the returned handle is closed, so that a backward pass through the
     * network (an attack's, a probe's) adds no gradient to them: {@code try (Frozen f = classifier.frozen()) {...}}.
     */
    public Frozen frozen() {
        freeze(true);
        return new Frozen(this);
    }

    /** Parameters frozen by {@link #frozen()}; closing the handle thaws them. */
    public static final class Frozen implements AutoCloseable {

        private final Classifier classifier;

        private Frozen(Classifier classifier) {
            this.classifier = classifier;
        }

        @Override
        public void close() {
            classifier.freeze(false);
        }
    }

    private static NDList inputs(NDArray x, NDArray mask) {
        return mask == null ? new NDList(x) : new NDList(x, mask);
    }
}
