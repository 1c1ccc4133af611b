package org.robustecg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamaxTest {

    /** Two steps on loss = sum(c * w), so the gradient is c, against the update rule computed by hand in double. */
    @Test
    void twoStepsMatchTheUpdateRuleComputedByHand() {
        double[] w = {1, -2, 3};
        double[][] gradients = {{0.5, -0.25, 0}, {-1, 0.125, 2}};
        double lr = 0.01;
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter parameter = Parameter.builder().setName("w").setType(Parameter.Type.BIAS).build();
            parameter.setShape(new Shape(3));
            parameter.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32);
            parameter.getArray().set(new float[] {1, -2, 3});
            Adamax optimiser = new Adamax(List.of(parameter), lr);
            double[] mean = new double[3];
            double[] norm = new double[3];
            for (int t = 1; t <= 2; t++) {
                try (NDManager step = m.newSubManager()) {
                    NDArray c = step.create(new float[] {(float) gradients[t - 1][0], (float) gradients[t - 1][1],
                            (float) gradients[t - 1][2]});
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        collector.backward(parameter.getArray().mul(c).sum());
                    }
                    optimiser.step(step);
                }
                for (int i = 0; i < 3; i++) {
                    double g = gradients[t - 1][i];
                    mean[i] = 0.9 * mean[i] + 0.1 * g;
                    norm[i] = Math.max(0.999 * norm[i], Math.abs(g) + 1e-8);
                    w[i] -= lr / (1 - Math.pow(0.9, t)) * mean[i] / norm[i];
                }
                float[] actual = parameter.getArray().toFloatArray();
                for (int i = 0; i < 3; i++) {
                    assertEquals(w[i], actual[i], 1e-6, "step " + t + ", weight " + i);
                }
            }
        }
    }
}
