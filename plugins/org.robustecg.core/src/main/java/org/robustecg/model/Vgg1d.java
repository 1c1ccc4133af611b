package org.robustecg.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * VGG19 in one dimension: the 16 convolutions of VGG19 (64, 64 | 128, 128 | 256 x 4 | 512 x 4 | 512 x 4, each
 * conv3 + GroupNorm + LeakyReLU, max pooling after each stage), then masked global average pooling and a
 * linear classifier in place of VGG's three large fully connected layers.
 */
public final class Vgg1d extends LinearHeadNetwork {

    private static final int[][] STAGES = {{64, 64}, {128, 128}, {256, 256, 256, 256}, {512, 512, 512, 512},
        {512, 512, 512, 512}};

    private final List<List<ConvUnit>> stages = new ArrayList<>();

    public Vgg1d(ModelSettings settings) {
        super(settings);
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
        addHead();
    }

    @Override
    protected NDList featureMaps(ParameterStore store, NDList inputs, boolean training) {
        NDList h = inputs;
        for (List<ConvUnit> stage : stages) {
            for (ConvUnit unit : stage) {
                h = unit.forward(store, h, training);
            }
            h = ConvUnit.pool(h, true);
        }
        return h;
    }

    @Override
    protected Shape initializeFeatures(NDManager manager, DataType dataType, Shape input) {
        Shape s = input;
        for (List<ConvUnit> stage : stages) {
            for (ConvUnit unit : stage) {
                unit.initialize(manager, dataType, s);
                s = unit.getOutputShapes(new Shape[] {s})[0];
            }
            s = ConvUnit.pooledShape(s);
        }
        return s;
    }
}
