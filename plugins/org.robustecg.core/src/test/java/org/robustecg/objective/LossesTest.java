package org.robustecg.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Every loss against the same formula evaluated in plain double arithmetic on a tiny batch. */
class LossesTest {

    private static final double[][] NAT = {{2.0, 0.5, -1.0}, {0.1, 0.2, 0.3}};
    private static final double[][] ADV = {{0.5, 1.5, -0.5}, {-1.0, 0.0, 2.0}};
    private static final int[] Y = {0, 2};

    @Test
    void crossEntropyKlTradesMartAndMse() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray nat = m.create(flat(NAT), new Shape(2, 3));
            NDArray adv = m.create(flat(ADV), new Shape(2, 3));
            NDArray y = m.create(Y);
            double ce = 0;
            double kl = 0;
            double mart = 0;
            double robust = 0;
            double mse = 0;
            for (int i = 0; i < 2; i++) {
                double[] p = softmax(NAT[i]);
                double[] q = softmax(ADV[i]);
                ce += -Math.log(p[Y[i]]) / 2;
                double kli = 0;
                for (int k = 0; k < 3; k++) {
                    kli += p[k] * (Math.log(p[k]) - Math.log(q[k] + 1e-12));
                    mse += Math.pow(p[k] - (k == Y[i] ? 1 : 0), 2) / 6;
                }
                kl += kli / 2;
                double maxWrong = 0;
                for (int k = 0; k < 3; k++) {
                    if (k != Y[i]) {
                        maxWrong = Math.max(maxWrong, q[k]);
                    }
                }
                mart += (-Math.log(q[Y[i]]) - Math.log(1.0001 - maxWrong + 1e-12)) / 2;
                robust += kli * (1.0000001 - p[Y[i]]) / 2;
            }
            assertEquals(ce, Losses.crossEntropy(nat, y).getDouble(), 1e-9);
            assertEquals(kl, Losses.klPerSample(nat, adv).mean().getDouble(), 1e-9);
            try (NDManager adversarialBatch = m.newSubManager()) {
                int before = m.getManagedArrays().size();
                NDArray local = adv.duplicate();
                local.attach(adversarialBatch);
                Losses.klPerSample(nat, local);
                assertEquals(before, m.getManagedArrays().size() - adversarialBatch.getManagedArrays().size(),
                        "KL leaves its temporaries with the adversarial batch");
            }
            assertEquals(ce + 6 * kl, Losses.trades(nat, adv, y, 6).getDouble(), 1e-9);
            assertEquals(mart + 6 * robust, Losses.mart(nat, adv, y, 6).getDouble(), 1e-9);
            assertEquals(mse, Losses.mseToOneHot(nat, y).getDouble(), 1e-9);

            // The CAS combination: L(main) + alpha/K * sum_k L(aux_k); alpha = 0 is the plain loss.
            NDList natural = new NDList(nat, adv, nat);
            NDList adversarial = new NDList(adv, nat, adv);
            double main = mart + 6 * robust;
            double aux1 = Losses.mart(adv, nat, y, 6).getDouble();
            LossSettings settings = LossSettings.of(Objective.MART);
            assertEquals(main + 2.0 / 2 * (aux1 + main), settings.compute(natural, adversarial, y).getDouble(), 1e-9);
            assertEquals(main, settings
                    .toBuilder().alpha(0).build().compute(natural, adversarial, y).getDouble(), 1e-9);
            assertEquals(ce + 2.0 / 2 * (Losses.crossEntropy(adv, y).getDouble() + ce),
                    LossSettings.of(Objective.CE).compute(natural, null, y).getDouble(), 1e-9);
            assertEquals(Losses.crossEntropy(adv, y).getDouble() + mse,
                    LossSettings.of(Objective.PGD_AT)
                            .toBuilder().alpha(0).mseWeight(1).build().compute(natural, adversarial, y)
                            .getDouble(), 1e-9);
        }
    }

    @Test
    void jacobianNsrAndMarginTerms() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray nat = m.create(flat(NAT), new Shape(2, 3));
            NDArray probed = m.create(flat(ADV), new Shape(2, 3));
            NDArray y = m.create(Y);
            double h = 0.5;
            // Jacobian: D * mean_i sum_k ((probed - nat) / h)^2 with D = 10.
            double jac = 0;
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 3; k++) {
                    jac += Math.pow((ADV[i][k] - NAT[i][k]) / h, 2) / 2 * 10;
                }
            }
            assertEquals(jac, Losses.jacobianPenalty(nat, probed, h, 10).getDouble(), 1e-9);
            // NSR: sample 0 is correct (argmax 0 = label 0), sample 1 is correct (argmax 2 = label 2).
            double nsr = 0;
            for (int i = 0; i < 2; i++) {
                double zy = NAT[i][Y[i]];
                double l1 = Math.max(0, (ADV[i][Y[i]] - zy) / h);
                nsr += Math.log(1 + l1 / (Math.abs(zy) + 1e-6)) / 2;
            }
            assertEquals(nsr, Losses.nsrPenalty(nat, probed, y, h).getDouble(), 1e-9);
            // Margin: sample 0: 1 - (2 - 0.5) < 0 -> 0; sample 1: 1 - (0.3 - 0.2) = 0.9; mean 0.45.
            assertEquals(0.45, Losses.marginLoss(nat, y, 1).getDouble(), 1e-9);
        }
    }

    @Test
    void martGradientMatchesFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray nat = m.create(flat(NAT), new Shape(2, 3));
            NDArray y = m.create(Y);
            NDArray adv = m.create(flat(ADV), new Shape(2, 3));
            org.robustecg.model.GradientChecks.check(m, adv, a -> Losses.mart(nat, a, y, 6), 6, 1e-5);
        }
    }

    private static double[] flat(double[][] rows) {
        double[] f = new double[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, f, i * rows[0].length, rows[0].length);
        }
        return f;
    }

    private static double[] softmax(double[] z) {
        double max = Math.max(z[0], Math.max(z[1], z[2]));
        double sum = 0;
        double[] e = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            e[k] = Math.exp(z[k] - max);
            sum += e[k];
        }
        for (int k = 0; k < z.length; k++) {
            e[k] /= sum;
        }
        return e;
    }
}
