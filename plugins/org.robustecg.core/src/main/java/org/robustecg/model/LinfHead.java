package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The l-inf distance network classifier of CASLCNet: hidden l-inf distance layers with mean-shift
 * normalisation, then an output layer whose negated distances are the logits. 1-Lipschitz in l-inf
 * (at p = infinity, at inference).
 */
public final class LinfHead extends AbstractBlock {

    private final List<LinfDistance> layers = new ArrayList<>();

    /**
     * @param hidden width of the input and of each hidden layer; @param depth number of layers including the output
     * layer. As in the l-inf distance nets' reference recipe, the identity initialisation is used only where a layer
     * has at least as many units as inputs (the hidden layers); the output layer starts from plain N(0, 1) weights.
     * Starting the output layer at identity too makes logit k a fixed readout of input k that training cannot
     * leave at the usual learning rates.
     */
    public LinfHead(int hidden, int depth, int classes) {
        for (int k = 0; k < depth; k++) {
            boolean last = k == depth - 1;
            int units = last ? classes : hidden;
            layers.add(addChildBlock("layer" + k, new LinfDistance(units, !last, hidden <= units)));
        }
    }

    /**
     * For each layer, the deciding input of every (item, unit) pair ({@code [B, units]}, int64) when the head runs in
     * inference mode on {@code pooled} features.
     */
    public List<NDArray> decidingInputs(ParameterStore store, NDArray pooled) {
        List<NDArray> result = new ArrayList<>();
        NDArray h = pooled;
        for (LinfDistance layer : layers) {
            NDList out = layer.inferWithDecidingInputs(store, h);
            h = out.get(0);
            result.add(out.get(1));
        }
        return result;
    }

    /** Sets the norm of every layer (the l-p relaxation schedule of training). */
    public void setP(double p) {
        layers.forEach(l -> l.setP(p));
    }

    public double getP() {
        return layers.get(0).getP();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray h = inputs.head();
        for (LinfDistance layer : layers) {
            h = layer.forward(store, new NDList(h), training).head();
        }
        return new NDList(h.neg());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        for (LinfDistance layer : layers) {
            s = layer.getOutputShapes(new Shape[] {s})[0];
        }
        return new Shape[] {s};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        for (LinfDistance layer : layers) {
            layer.initialize(manager, dataType, s);
            s = layer.getOutputShapes(new Shape[] {s})[0];
        }
    }
}
