package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Channel-wise activation suppressing (Bai et al., ICLR 2021). An auxiliary linear classifier H (classes x
 * channels) reads the globally averaged feature map; the feature map is then multiplied channel-wise by the
 * row of H of the true class (training, labels given) or of the class the auxiliary classifier predicts
 * (inference). The raw weights are used: no sigmoid, no normalisation, no bias.
 * <p>Inputs {@code [f, mask?]} and, in training, the labels; outputs {@code [f * weights, auxiliary logits]}.
 */
public final class CasModule extends AbstractBlock {

    private final int classes;
    private final Parameter weight;
    private final Parameter bias;

    public CasModule(int classes) {
        this.classes = classes;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
    }

    /** @param labels true labels {@code [B]} (int), or null to use the auxiliary prediction */
    NDList forward(ParameterStore store, NDArray features, NDArray mask, NDArray labels, boolean training) {
        NDArray w = store.getValue(weight, features.getDevice(), training);
        NDArray b = store.getValue(bias, features.getDevice(), training);
        NDArray pooled = Masks.mean(features, mask);
        NDArray aux = Linear.linear(pooled, w, b).head();
        NDArray chosen = labels != null ? labels : aux.argMax(1);
        NDArray channelWeights = chosen.oneHot(classes, features.getDataType()).matMul(w);
        return new NDList(features.mul(channelWeights.expandDims(2)), aux);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return forward(store, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, null, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], new Shape(inputShapes[0].get(0), classes)};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(classes, inputShapes[0].get(1)));
        bias.setShape(new Shape(classes));
    }
}
