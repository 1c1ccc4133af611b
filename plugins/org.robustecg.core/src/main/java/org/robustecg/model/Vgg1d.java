package org.robustecg.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * VGG19 in one dimension: the 16 convolutions of VGG19 (64, 64 | 128, 128 | 256 x 4 | 512 x 4 | 512 x 4, each
 * conv3 + GroupNorm + LeakyReLU, max pooling between stages), then masked global average pooling and a
 * linear classifier in place of VGG's three large fully connected layers.
 */
public final class Vgg1d extends AbstractBlock implements EcgModel {

    private static final int[][] STAGES = {{64, 64}, {128, 128}, {256, 256, 256, 256}, {512, 512, 512, 512},
        {512, 512, 512, 512}};

    private final ModelSettings settings;
    private final List<List<ConvUnit>> stages = new ArrayList<>();
    private final Linear head;

    public Vgg1d(ModelSettings settings) {
        this.settings = settings;
        int index = 0;
        for (int[] stage : STAGES) {
            List<ConvUnit> units = new ArrayList<>();
            for (int full : stage) {
                int c = settings.width(full);
                units.add(addChildBlock("conv" + index++, new ConvUnit(c, 3, 1, 1, settings.groups(c), false,
                        settings.leakySlope())));
            }
            stages.add(units);
        }
        head = addChildBlock("head", Linear.builder().setUnits(settings.classes()).build());
    }

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
        NDList h = inputs.size() > 1 ? new NDList(inputs.get(0).mul(inputs.get(1).expandDims(1)), inputs.get(1))
                : new NDList(inputs.get(0));
        for (List<ConvUnit> stage : stages) {
            for (ConvUnit unit : stage) {
                h = unit.forward(store, h, training);
            }
            h = ConvUnit.pool(h, true);
        }
        var pooled = Masks.mean(h.get(0), h.size() > 1 ? h.get(1) : null);
        return new NDList(head.forward(store, new NDList(pooled), training).head());
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
        Shape s = inputShapes[0];
        for (List<ConvUnit> stage : stages) {
            for (ConvUnit unit : stage) {
                unit.initialize(manager, dataType, s);
                s = unit.getOutputShapes(new Shape[] {s})[0];
            }
            s = ConvUnit.pooledShape(s);
        }
        head.initialize(manager, dataType, new Shape(s.get(0), s.get(1)));
    }
}
