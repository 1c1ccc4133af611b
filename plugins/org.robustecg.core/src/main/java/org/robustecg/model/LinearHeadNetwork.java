package org.robustecg.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The common part of the plain baselines (VGG, DenseNet): a feature extractor, masked global average
 * pooling and a linear classifier; no CAS, so training passes ignore the labels.
 */
abstract class LinearHeadNetwork extends AbstractBlock implements EcgModel {

    private final ModelSettings settings;
    private Linear head;

    LinearHeadNetwork(ModelSettings settings) {
        this.settings = settings;
    }

    /** Adds the classifier; subclasses call it after adding their feature blocks, so it is the last child. */
    protected void addHead() {
        head = addChildBlock("head", Linear.builder().setUnits(settings.classes()).build());
    }

    /** Feature maps {@code [B, C, W]} and their mask (or just the maps) of padded-to-zero inputs. */
    protected abstract NDList featureMaps(ParameterStore store, NDList inputs, boolean training);

    /** Initialises the feature blocks and returns the shape of the feature maps. */
    protected abstract Shape initializeFeatures(NDManager manager, DataType dataType, Shape input);

    @Override
    public ModelSettings settings() {
        return settings;
    }

    @Override
    public LinfHead linfHead() {
        return null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(head.forward(store, new NDList(pooled(store, inputs, training)), training).head());
    }

    @Override
    public ai.djl.ndarray.NDArray features(ParameterStore store, NDList inputs) {
        return pooled(store, inputs, false);
    }

    private ai.djl.ndarray.NDArray pooled(ParameterStore store, NDList inputs, boolean training) {
        NDList in = inputs.size() > 1 ? new NDList(inputs.get(0).mul(inputs.get(1).expandDims(1)), inputs.get(1))
                : new NDList(inputs.get(0));
        NDList h = featureMaps(store, in, training);
        return Masks.mean(h.get(0), h.size() > 1 ? h.get(1) : null);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList data, NDList labels, PairList<String, Object> params) {
        return forwardInternal(store, data, true, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), settings.classes())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = initializeFeatures(manager, dataType, inputShapes[0]);
        head.initialize(manager, dataType, new Shape(s.get(0), s.get(1)));
    }
}
