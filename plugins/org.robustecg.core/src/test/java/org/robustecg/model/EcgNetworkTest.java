package org.robustecg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class EcgNetworkTest {

    @Test
    void everyArchitectureGivesLogitsAndAuxiliaryOutputs() {
        for (Architecture a : Architecture.values()) {
            try (NDManager m = NDManager.newBaseManager()) {
                Engine.getInstance().setRandomSeed(1);
                EcgModel net = EcgModel.of(ModelSettings.builder(a, 5, 1, 187).widthMultiplier(1.0 / 16).build());
                net.initialize(m, DataType.FLOAT32, new Shape(4, 1, 187));
                ParameterStore store = new ParameterStore(m, false);
                NDArray x = m.randomUniform(0, 1, new Shape(4, 1, 187));
                NDList out = net.forward(store, new NDList(x), false);
                assertEquals(a.hasCas() ? 3 : 1, out.size(), a.name());
                for (NDArray o : out) {
                    assertEquals(new Shape(4, 5), o.getShape());
                }
                NDList training = net.forward(store, new NDList(x), new NDList(m.create(new int[] {0, 1, 2, 3})), null);
                assertEquals(out.size(), training.size());
                // Multi-lead records with a mask run through every architecture too.
                EcgModel records = EcgModel.of(ModelSettings.builder(a, 9, 8, 600).widthMultiplier(1.0 / 16).casStride(2)
                        .build());
                records.initialize(m, DataType.FLOAT32, new Shape(2, 8, 600), new Shape(2, 600));
                NDArray mask = m.ones(new Shape(2, 600));
                assertEquals(new Shape(2, 9), records.forward(store, new NDList(m.randomNormal(new Shape(2, 8, 600)), mask),
                        false).head().getShape(), a.name());
            }
        }
    }

    @Test
    void zeroPaddingDoesNotChangeThePrediction() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            ModelSettings settings = ModelSettings.builder(Architecture.CASLCNET, 9, 2, 512).widthMultiplier(1.0 / 16)
                    .casStride(2).channelsPerGroup(1).build();
            EcgNetwork net = new EcgNetwork(settings);
            net.initialize(m, DataType.FLOAT32, new Shape(2, 2, 512), new Shape(2, 512));
            ParameterStore store = new ParameterStore(m, false);
            // A training pass gives the mean-shift layers running means.
            net.forward(store, new NDList(m.randomNormal(new Shape(8, 2, 512)), m.ones(new Shape(8, 512))),
                    new NDList(m.create(new int[] {0, 1, 2, 3, 4, 5, 6, 7})), null);
            NDArray record = m.randomNormal(new Shape(1, 2, 300));
            float[] short1 = logits(net, store, m, record, 512);
            float[] long1 = logits(net, store, m, record, 1024);
            assertClose(short1, long1);
            // Garbage in the padding is masked out too.
            NDArray noisy = m.randomNormal(new Shape(1, 2, 700));
            noisy.set(new NDIndex(":, :, :300"), record);
            NDList in = new NDList(noisy, mask(m, 300, 700));
            assertClose(short1, net.forward(store, in, false).head().toFloatArray());
        }
    }

    /** Equal up to float rounding, relative to the logits' size (sums over other lengths round differently). */
    private static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5f * Math.max(1, Math.abs(expected[i])), "logit " + i);
        }
    }

    private static float[] logits(EcgNetwork net, ParameterStore store, NDManager m, NDArray record, int length) {
        NDArray padded = m.zeros(new Shape(1, 2, length));
        padded.set(new NDIndex(":, :, :" + record.getShape().get(2)), record);
        return net.forward(store, new NDList(padded, mask(m, record.getShape().get(2), length)), false).head()
                .toFloatArray();
    }

    private static NDArray mask(NDManager m, long valid, int length) {
        NDArray mask = m.zeros(new Shape(1, length));
        mask.set(new NDIndex(":, :" + valid), 1f);
        return mask;
    }

    @Test
    void fullWidthCaslcnetHasTheParametersOfTheLayerTable() {
        try (NDManager m = NDManager.newBaseManager()) {
            EcgNetwork net = new EcgNetwork(ModelSettings.mitBih(Architecture.CASLCNET));
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 187));
            long total = 0;
            long trainable = 0;
            for (Parameter p : net.getParameters().values()) {
                total += p.getArray().size();
                trainable += p.requiresGradient() ? p.getArray().size() : 0;
            }
            // Stem: conv 1 -> 64, k 11, no bias; GroupNorm 64 (gamma, beta).
            long expected = 1 * 64 * 11 + 2 * 64;
            // A block cin -> c: conv3 cin*c*3, conv3 c*c*3, skip conv1 cin*c, three GroupNorms 3 * 2c.
            int[][] blocks = {{64, 128}, {128, 128}, {128, 256}, {256, 256}, {256, 512}, {512, 512}, {512, 512},
                {512, 512}};
            for (int[] b : blocks) {
                expected += 3L * b[0] * b[1] + 3L * b[1] * b[1] + (long) b[0] * b[1] + 6L * b[1];
            }
            long cas = 2 * (5 * 512 + 5);
            // Head: four 512 -> 512 l-inf layers (weights, biases) and 512 -> 5.
            long head = 4 * (512 * 512 + 512) + (5 * 512 + 5);
            long runningMeans = 4 * 512;
            System.out.printf("CASLCNet (1 x 187, 5 classes): %,d trainable parameters (backbone %,d, CAS %,d, "
                    + "head %,d) + %,d running means%n", trainable, expected, cas, head, runningMeans);
            assertEquals(expected + cas + head, trainable);
            assertEquals(expected + cas + head + runningMeans, total);
            assertEquals(8_874_831, trainable);
        }
    }
}
