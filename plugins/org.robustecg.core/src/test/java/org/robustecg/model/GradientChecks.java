package org.robustecg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Random;
import java.util.function.Function;

/** Compares autograd gradients with central finite differences, in float64. */
public final class GradientChecks {

    private GradientChecks() {
    }

    /**
     * Checks d/dx of {@code sum(f(x) * r)} for a fixed random r, at {@code checks} random coordinates.
     * {@code x} must be float64.
     */
    public static void check(NDManager manager, NDArray x, Function<NDArray, NDArray> f, int checks, double tolerance) {
        NDArray probe;
        NDArray analytic;
        try (NDManager sub = manager.newSubManager()) {
            NDArray leaf = x.duplicate();
            leaf.attach(sub);
            leaf.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = f.apply(leaf);
                probe = manager.randomUniform(-1, 1, out.getShape(), out.getDataType());
                collector.backward(out.mul(probe).sum());
            }
            analytic = leaf.getGradient().duplicate();
            analytic.attach(manager);
        }
        double[] grad = analytic.toDoubleArray();
        double[] base = x.toDoubleArray();
        Random random = new Random(42);
        double h = 1e-6;
        for (int c = 0; c < checks; c++) {
            int i = random.nextInt(base.length);
            double up = value(manager, x, base, i, h, f, probe);
            double down = value(manager, x, base, i, -h, f, probe);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, grad[i], tolerance * Math.max(1, Math.abs(numeric)), "coordinate " + i);
        }
    }

    private static double value(NDManager manager, NDArray x, double[] base, int i, double h,
            Function<NDArray, NDArray> f, NDArray probe) {
        try (NDManager sub = manager.newSubManager()) {
            double[] shifted = base.clone();
            shifted[i] += h;
            NDArray xs = sub.create(shifted, x.getShape());
            return f.apply(xs).mul(probe).sum().getDouble();
        }
    }
}
