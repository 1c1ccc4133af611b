package org.robustecg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class BlocksTest {

    @Test
    void groupNormGradientMatchesFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            GroupNorm norm = scaledGroupNorm(m);
            ParameterStore store = new ParameterStore(m, false);
            NDArray x = m.randomNormal(0, 2, new Shape(3, 4, 7), DataType.FLOAT64);
            GradientChecks.check(m, x, v -> norm.forward(store, new NDList(v), true).head(), 25, 1e-4);
            NDArray mask = m.create(new double[] {1, 1, 1, 1, 1, 0, 0}).expandDims(0).repeat(0, 3);
            GradientChecks.check(m, x, v -> norm.forward(store, new NDList(v, mask), true).head(), 25, 1e-4);
            // Normalised per group: mean 0, variance 1 before the affine (gamma 1, beta 0).
            GroupNorm plain = new GroupNorm(4);
            plain.initialize(m, DataType.FLOAT64, new Shape(3, 4, 7));
            NDArray y = plain.forward(store, new NDList(x), false).head();
            assertEquals(0, y.mean(new int[] {2}).abs().max().getDouble(), 1e-9);
            assertEquals(1, y.square().mean(new int[] {2}).mean().getDouble(), 1e-4);
        }
    }

    /** GroupNorm(2 groups) of [3, 4, 7] float64 input with a non-trivial scale and shift. */
    private static GroupNorm scaledGroupNorm(NDManager m) {
        GroupNorm norm = new GroupNorm(2);
        norm.initialize(m, DataType.FLOAT64, new Shape(3, 4, 7));
        norm.getParameters().get("gamma").getArray().set(new double[] {0.5, -1.5, 2, 1});
        norm.getParameters().get("beta").getArray().set(new double[] {0.1, 0.2, -0.3, 0});
        return norm;
    }

    @Test
    void fusedGroupNormAndTheFrozenLayerNormPathAreTheSameFunction() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            GroupNorm norm = scaledGroupNorm(m);
            NDArray gamma = norm.getParameters().get("gamma").getArray();
            NDArray beta = norm.getParameters().get("beta").getArray();
            ParameterStore store = new ParameterStore(m, false);
            NDArray x = m.randomNormal(0, 2, new Shape(3, 4, 7), DataType.FLOAT64);
            // Parameters that need gradients (training) take PyTorch's fused kernel ...
            NDArray fused = norm.forward(store, new NDList(x), true).head();
            // ... its gradients with respect to scale and shift match finite differences ...
            NDArray shift = beta.duplicate();
            GradientChecks.check(m, gamma.duplicate(), g -> NativeGroupNorm.apply(x, 2, g, shift, 1e-5f), 4, 1e-4);
            NDArray scale = gamma.duplicate();
            GradientChecks.check(m, beta.duplicate(), b -> NativeGroupNorm.apply(x, 2, scale, b, 1e-5f), 4, 1e-4);
            // ... and frozen parameters (attacks, inference) the layer-norm form: the same values and input gradients.
            norm.freezeParameters(true);
            assertTrue(!gamma.hasGradient(), "frozen");
            NDArray frozen = norm.forward(store, new NDList(x), false).head();
            assertEquals(0, fused.sub(frozen).abs().max().getDouble(), 1e-12);
            GradientChecks.check(m, x, v -> norm.forward(store, new NDList(v), false).head(), 25, 1e-4);
        }
    }

    /**
     * The input gradients of the convolutions of narrow networks, which PGD and adversarial training follow (filters,
     * input channels, kernel, stride, length: the single-lead stem, and layers of 4, 8 and 24 channels): libtorch's
     * float32 CPU kernels alone got them wrong by as much as their size, differently from run to run. They must
     * match the float64 gradient and repeat bit for bit.
     */
    @Test
    void narrowConvolutionInputGradientsAreRightAndRepeatable() {
        int[][] layers = {{4, 1, 11, 2, 187}, {4, 4, 3, 1, 94}, {8, 16, 3, 1, 47}, {24, 24, 3, 1, 24}, {16, 8, 3, 2, 47}};
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] l : layers) {
                String name = java.util.Arrays.toString(l);
                Engine.getInstance().setRandomSeed(4);
                ai.djl.nn.convolutional.Conv1d conv = ResidualBlock.conv(l[0], l[2], l[3], l[2] / 2);
                Shape shape = new Shape(32, l[1], l[4]);
                conv.initialize(m, DataType.FLOAT32, shape);
                ParameterStore store = new ParameterStore(m, false);
                NDArray x = m.randomNormal(0, 1, shape, DataType.FLOAT32);
                NDArray weight = conv.getParameters().get("weight").getArray();
                double[] exact = inputGradient(m, x.toType(DataType.FLOAT64, false), v -> ai.djl.nn.convolutional.Conv1d
                        .conv1d(v, weight.toType(DataType.FLOAT64, false), null, new Shape(l[3]), new Shape(l[2] / 2))
                        .head());
                double[] first = null;
                for (int run = 0; run < 4; run++) {
                    double[] g = inputGradient(m, x, v -> ResidualBlock.convolve(conv, store, v, true));
                    double error = 0;
                    for (int i = 0; i < g.length; i++) {
                        error = Math.max(error, Math.abs(g[i] - exact[i]));
                    }
                    assertTrue(error < 1e-4, name + ", run " + run + ": largest error " + error);
                    if (first == null) {
                        first = g;
                    }
                    assertArrayEquals(first, g, name + ", run " + run);
                }
            }
        }
    }

    /** The gradient of sum(f(x) * sin(index)) with respect to x, in float64. */
    private static double[] inputGradient(NDManager m, NDArray x, java.util.function.UnaryOperator<NDArray> f) {
        try (NDManager local = m.newSubManager()) {
            NDArray leaf = x.duplicate();
            leaf.attach(local);
            leaf.setRequiresGradient(true);
            try (ai.djl.training.GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(leaf);
                NDArray weights = local.arange(0f, (float) y.size(), 1f).reshape(y.getShape()).sin()
                        .toType(y.getDataType(), false);
                collector.backward(y.mul(weights).sum());
            }
            return leaf.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    /** KNIME runs nodes in parallel: the shared TorchScript module gives the same result from several threads. */
    @Test
    void fusedGroupNormIsSafeFromConcurrentThreads() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(0, 1, new Shape(8, 32, 50), DataType.FLOAT32);
            NDArray gamma = m.randomNormal(0, 1, new Shape(32), DataType.FLOAT32);
            NDArray beta = m.randomNormal(0, 1, new Shape(32), DataType.FLOAT32);
            float[] expected = NativeGroupNorm.apply(x, 4, gamma, beta, 1e-5f).toFloatArray();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    runs.add(pool.submit(() -> {
                        boolean same = true;
                        for (int i = 0; i < 10; i++) {
                            try (NDManager local = m.newSubManager()) {
                                NDArray xi = x.duplicate();
                                xi.attach(local);
                                same &= java.util.Arrays.equals(expected,
                                        NativeGroupNorm.apply(xi, 4, gamma, beta, 1e-5f).toFloatArray());
                            }
                        }
                        return same;
                    }));
                }
                for (java.util.concurrent.Future<Boolean> run : runs) {
                    assertTrue(run.get(), "a thread saw a different result");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void linfHeadStartsHiddenLayersAtIdentityAndReportsDecidingInputs() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            LinfHead head = new LinfHead(8, 3, 3);
            head.initialize(m, DataType.FLOAT32, new Shape(5, 8));
            ParameterStore store = new ParameterStore(m, false);
            java.util.function.Function<String, NDArray> parameter = name -> head.getParameters().stream()
                    .filter(e -> e.getKey().endsWith(name)).findFirst().orElseThrow().getValue().getArray();
            for (int layer = 0; layer < 3; layer++) {
                float[] w = parameter.apply("layer" + layer + "_weight").toFloatArray();
                long minus10 = 0;
                for (float v : w) {
                    minus10 += v == -10f ? 1 : 0;
                }
                // Hidden layers (8 -> 8) start at identity; the output layer (8 -> 3) has plain N(0, 1) weights.
                assertEquals(layer < 2 ? 8 : 0, minus10, "layer " + layer);
            }
            NDArray x = m.randomUniform(0, 2, new Shape(5, 8));
            java.util.List<NDArray> deciding = head.decidingInputs(store, x);
            assertEquals(3, deciding.size());
            // In a hidden layer at identity every unit's deciding input is its own coordinate.
            long[] first = deciding.get(0).toLongArray();
            for (int b = 0; b < 5; b++) {
                for (int j = 0; j < 8; j++) {
                    assertEquals(j, first[b * 8 + j]);
                }
            }
            // The output layer's deciding inputs are the arg-max of |h - w| over its inputs, h the hidden output.
            float[] w = parameter.apply("layer2_weight").toFloatArray();
            NDArray h = x;
            for (int layer = 0; layer < 2; layer++) {
                NDArray wl = parameter.apply("layer" + layer + "_weight");
                h = h.expandDims(1).sub(wl.expandDims(0)).abs().max(new int[] {2})
                        .add(parameter.apply("layer" + layer + "_bias").expandDims(0))
                        .sub(parameter.apply("layer" + layer + "_running_mean").expandDims(0));
            }
            float[] hs = h.toFloatArray();
            long[] last = deciding.get(2).toLongArray();
            for (int b = 0; b < 5; b++) {
                for (int k = 0; k < 3; k++) {
                    int best = 0;
                    for (int i = 1; i < 8; i++) {
                        if (Math.abs(hs[b * 8 + i] - w[k * 8 + i]) > Math.abs(hs[b * 8 + best] - w[k * 8 + best])) {
                            best = i;
                        }
                    }
                    assertEquals(best, last[b * 3 + k], "item " + b + ", unit " + k);
                }
            }
        }
    }

    @Test
    void linfLayerGradientsAtFiniteAndInfiniteP() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            LinfDistance layer = new LinfDistance(6, false, true);
            layer.initialize(m, DataType.FLOAT64, new Shape(4, 5));
            ParameterStore store = new ParameterStore(m, false);
            NDArray x = m.randomNormal(0, 3, new Shape(4, 5), DataType.FLOAT64);
            layer.setP(8);
            GradientChecks.check(m, x, v -> layer.forward(store, new NDList(v), true).head(), 30, 1e-4);
            layer.setP(Double.POSITIVE_INFINITY);
            GradientChecks.check(m, x, v -> layer.forward(store, new NDList(v), true).head(), 30, 1e-4);
            // p = infinity is exactly max_i |x_i - w_ji| + b_j.
            double[] w = layer.getParameters().get("weight").getArray().toDoubleArray();
            double[] xs = x.toDoubleArray();
            double[] out = layer.forward(store, new NDList(x), false).head().toDoubleArray();
            for (int b = 0; b < 4; b++) {
                for (int j = 0; j < 6; j++) {
                    double max = 0;
                    for (int i = 0; i < 5; i++) {
                        max = Math.max(max, Math.abs(xs[b * 5 + i] - w[j * 5 + i]));
                    }
                    assertEquals(max, out[b * 6 + j], 1e-12);
                }
            }
            // Identity initialisation: w[j, j mod 5] = -10.
            for (int j = 0; j < 6; j++) {
                assertEquals(-10, w[j * 5 + j % 5]);
            }
        }
    }

    @Test
    void maskedPoolingGradientMatchesFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(0, 1, new Shape(2, 3, 6), DataType.FLOAT64);
            NDArray mask = m.create(new double[] {1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1}, new Shape(2, 6));
            GradientChecks.check(m, x, v -> Masks.mean(v, mask), 20, 1e-5);
            double[] pooled = Masks.mean(x, mask).toDoubleArray();
            double[] xs = x.toDoubleArray();
            assertEquals((xs[0] + xs[1] + xs[2] + xs[3]) / 4, pooled[0], 1e-12);
        }
    }

    @Test
    void linfHeadIsOneLipschitzAndTheBoundIsReached() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            LinfHead head = new LinfHead(16, 5, 4);
            head.initialize(m, DataType.FLOAT32, new Shape(64, 16));
            ParameterStore store = new ParameterStore(m, false);
            // A training pass sets the running means of the mean-shift normalisation.
            head.forward(store, new NDList(m.randomNormal(new Shape(64, 16))), true);
            NDArray a = m.randomNormal(0, 1, new Shape(64, 16), DataType.FLOAT32);
            NDArray b = a.add(m.randomUniform(-0.5f, 0.5f, new Shape(64, 16)));
            float[] ga = head.forward(store, new NDList(a), false).head().toFloatArray();
            float[] gb = head.forward(store, new NDList(b), false).head().toFloatArray();
            float[] d = a.sub(b).abs().max(new int[] {1}).toFloatArray();
            for (int s = 0; s < 64; s++) {
                float change = 0;
                for (int k = 0; k < 4; k++) {
                    change = Math.max(change, Math.abs(ga[s * 4 + k] - gb[s * 4 + k]));
                }
                assertTrue(change <= d[s] + 1e-4f, "sample " + s + ": " + change + " > " + d[s]);
            }
            // Shifting every input by t moves every unit by t when each unit's maximum sits on x_i - w_ji > 0,
            // as at the identity initialisation: the bound is then met with equality.
            float t = 0.01f;
            float[] shifted = head.forward(store, new NDList(a.add(t)), false).head().toFloatArray();
            float worst = 0;
            for (int k = 0; k < ga.length; k++) {
                worst = Math.max(worst, Math.abs(shifted[k] - ga[k]));
            }
            assertEquals(t, worst, 1e-5f);
        }
    }

    @Test
    void casUsesLabelRowsInTrainingAndPredictedRowsAtInference() {
        try (NDManager m = NDManager.newBaseManager()) {
            CasModule cas = new CasModule(3);
            cas.initialize(m, DataType.FLOAT32, new Shape(2, 4, 5));
            float[] h = {1, 0, 0, 0, /* class 1 */ 0, 2, 0, 0, /* class 2 */ 0, 0, 3, -1};
            cas.getParameters().get("weight").getArray().set(h);
            ParameterStore store = new ParameterStore(m, false);
            NDArray f = m.ones(new Shape(2, 4, 5));
            NDArray labels = m.create(new int[] {2, 0});
            NDList train = cas.forward(store, f, null, labels, true);
            // Aux logits of all-ones features: row sums 1, 2, 2 -> argmax class 1 for both samples.
            assertArrayEquals(new float[] {1, 2, 2, 1, 2, 2}, train.get(1).toFloatArray(), 1e-6f);
            float[] out = train.get(0).toFloatArray();
            assertArrayEquals(new float[] {0, 0, 3, -1}, channels(out, 0), 1e-6f);
            assertArrayEquals(new float[] {1, 0, 0, 0}, channels(out, 1), 1e-6f);
            float[] inference = cas.forward(store, f, null, null, false).get(0).toFloatArray();
            assertArrayEquals(new float[] {0, 2, 0, 0}, channels(inference, 0), 1e-6f);
            assertArrayEquals(new float[] {0, 2, 0, 0}, channels(inference, 1), 1e-6f);
        }
    }

    /** The first position of every channel of sample s of a [2, 4, 5] output. */
    private static float[] channels(float[] out, int s) {
        float[] c = new float[4];
        for (int k = 0; k < 4; k++) {
            c[k] = out[s * 20 + k * 5];
        }
        return c;
    }
}
