package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * DenseNet in one dimension, in the DenseNet-121 layout: a k=7 stride-2 stem and max pooling, four dense
 * blocks of 6, 12, 24 and 16 layers (each: GroupNorm, LeakyReLU, conv1 to 4 x growth, GroupNorm,
 * LeakyReLU, conv3 to growth, concatenated to its input; growth 32), transitions halving channels and
 * length between blocks, then GroupNorm, LeakyReLU, masked global average pooling and a linear classifier.
 */
public final class DenseNet1d extends LinearHeadNetwork {

    private static final int[] LAYERS = {6, 12, 24, 16};

    private final float slope;
    private final ConvUnit stem;
    /** Per dense block, per layer: the bottleneck (conv1) and the conv3 unit. */
    private final List<List<ConvUnit[]>> dense = new ArrayList<>();
    private final List<ConvUnit> transitions = new ArrayList<>();
    private final GroupNorm finalNorm;

    public DenseNet1d(ModelSettings settings) {
        super(settings);
        this.slope = settings.leakySlope();
        int growth = settings.width(32);
        int channels = settings.width(64);
        stem = addChildBlock("stem", new ConvUnit(channels, 7, 2, 1, settings.groups(channels), false, slope));
        for (int b = 0; b < LAYERS.length; b++) {
            List<ConvUnit[]> layers = new ArrayList<>();
            for (int l = 0; l < LAYERS[b]; l++) {
                ConvUnit bottleneck = addChildBlock("dense" + b + "_" + l + "_a", new ConvUnit(4 * growth, 1, 1,
                        settings.groups(channels), 1, true, slope));
                ConvUnit conv = addChildBlock("dense" + b + "_" + l + "_b", new ConvUnit(growth, 3, 1,
                        settings.groups(4 * growth), 1, true, slope));
                layers.add(new ConvUnit[] {bottleneck, conv});
                channels += growth;
            }
            dense.add(layers);
            if (b < LAYERS.length - 1) {
                transitions.add(addChildBlock("transition" + b, new ConvUnit(channels / 2, 1, 1,
                        settings.groups(channels), 1, true, slope)));
                channels /= 2;
            }
        }
        finalNorm = addChildBlock("final_norm", new GroupNorm(settings.groups(channels)));
        addHead();
    }

    @Override
    protected NDList featureMaps(ParameterStore store, NDList inputs, boolean training) {
        NDList h = ConvUnit.pool(stem.forward(store, inputs, training), true);
        for (int b = 0; b < dense.size(); b++) {
            for (ConvUnit[] layer : dense.get(b)) {
                NDList grown = layer[1].forward(store, layer[0].forward(store, h, training), training);
                NDArray joined = NDArrays.concat(new NDList(h.get(0), grown.get(0)), 1);
                h = h.size() > 1 ? new NDList(joined, h.get(1)) : new NDList(joined);
            }
            if (b < transitions.size()) {
                h = ConvUnit.pool(transitions.get(b).forward(store, h, training), false);
            }
        }
        NDArray mask = h.size() > 1 ? h.get(1) : null;
        NDArray x = Masks.apply(Activation.leakyRelu(finalNorm.forward(store, h, training).head(), slope), mask);
        return ConvUnit.with(x, mask);
    }

    @Override
    protected Shape initializeFeatures(NDManager manager, DataType dataType, Shape input) {
        Shape s = input;
        stem.initialize(manager, dataType, s);
        s = ConvUnit.pooledShape(stem.getOutputShapes(new Shape[] {s})[0]);
        for (int b = 0; b < dense.size(); b++) {
            for (ConvUnit[] layer : dense.get(b)) {
                layer[0].initialize(manager, dataType, s);
                Shape bottleneck = layer[0].getOutputShapes(new Shape[] {s})[0];
                layer[1].initialize(manager, dataType, bottleneck);
                long grown = layer[1].getOutputShapes(new Shape[] {bottleneck})[0].get(1);
                s = new Shape(s.get(0), s.get(1) + grown, s.get(2));
            }
            if (b < transitions.size()) {
                transitions.get(b).initialize(manager, dataType, s);
                s = ConvUnit.pooledShape(transitions.get(b).getOutputShapes(new Shape[] {s})[0]);
            }
        }
        finalNorm.initialize(manager, dataType, s);
        return s;
    }
}
