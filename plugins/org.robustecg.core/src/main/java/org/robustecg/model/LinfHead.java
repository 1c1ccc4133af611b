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

    /** @param hidden width of each hidden layer; @param depth number of layers including the output layer */
    public LinfHead(int hidden, int depth, int classes) {
        for (int k = 0; k < depth; k++) {
            boolean last = k == depth - 1;
            layers.add(addChildBlock("layer" + k, new LinfDistance(last ? classes : hidden, !last)));
        }
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
