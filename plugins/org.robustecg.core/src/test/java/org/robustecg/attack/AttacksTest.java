package org.robustecg.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.robustecg.model.AttackTarget;

/** Attacks on small real engine computations (linear and two-layer models), checked against definitions. */
class AttacksTest {

    private static final int LEADS = 2;
    private static final int LENGTH = 40;

    /** logits = flatten(x) W + b. */
    private record Linear(NDArray w, NDArray b) implements AttackTarget {
        @Override
        public NDList forward(NDArray x, NDArray mask) {
            return new NDList(x.reshape(x.getShape().get(0), -1).matMul(w).add(b));
        }
    }

    /** logits = tanh(flatten(x) W1) W2: a small non-linear model. */
    private record TwoLayer(NDArray w1, NDArray w2) implements AttackTarget {
        @Override
        public NDList forward(NDArray x, NDArray mask) {
            return new NDList(x.reshape(x.getShape().get(0), -1).matMul(w1).tanh().matMul(w2));
        }
    }

    private static TwoLayer twoLayer(NDManager m) {
        Engine.getInstance().setRandomSeed(12);
        return new TwoLayer(m.randomNormal(0, 0.3f, new Shape(LEADS * LENGTH, 16), DataType.FLOAT32),
                m.randomNormal(0, 1, new Shape(16, 3), DataType.FLOAT32));
    }

    private static NDArray inputs(NDManager m, int n) {
        return m.randomUniform(0.2f, 0.8f, new Shape(n, LEADS, LENGTH));
    }

    @Test
    void apgdCheckpointsFollowThePaper() {
        // p = 0, 0.22, 0.41, 0.57, 0.70, 0.80, 0.87, 0.93, 0.99 of 100 iterations (p_0 = 0 is not a checkpoint).
        assertEquals(java.util.List.of(22, 41, 57, 70, 80, 87, 93, 99), Apgd.checkpoints(100));
    }

    @Test
    void fgsmOnALinearModelIsTheClosedForm() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            NDArray w = m.randomNormal(new Shape(LEADS * LENGTH, 2));
            Linear target = new Linear(w, m.zeros(new Shape(2)));
            NDArray x = inputs(m, 4);
            NDArray y = m.create(new int[] {0, 1, 1, 0});
            AttackSettings fgsm = AttackSettings.defaults(AttackKind.FGSM, -10, 10);
            float[] adv = Attacks.run(target, x, null, y, 0.05, fgsm).toFloatArray();
            // d CE / dx = p_other (w_other - w_label): its sign is sign(w_other - w_label).
            float[] wv = w.toFloatArray();
            float[] xv = x.toFloatArray();
            int[] labels = {0, 1, 1, 0};
            int d = LEADS * LENGTH;
            for (int s = 0; s < 4; s++) {
                for (int i = 0; i < d; i++) {
                    float diff = wv[i * 2 + (1 - labels[s])] - wv[i * 2 + labels[s]];
                    assertEquals(xv[s * d + i] + 0.05f * Math.signum(diff), adv[s * d + i], 1e-6f);
                }
            }
        }
    }

    /**
     * No attack leaves a temporary per iteration in the caller's managers: with CPSC2018 records (8 x 33,792
     * samples, batch 64: 69 MB per array) PGD-100 would otherwise hold tens of GB until the batch ends.
     */
    @Test
    void noAttackKeepsMemoryPerIteration() {
        try (NDManager m = NDManager.newBaseManager()) {
            TwoLayer target = twoLayer(m);
            java.util.List<String> growing = new java.util.ArrayList<>();
            for (AttackKind kind : AttackKind.values()) {
                int[] open = new int[2];
                for (int run = 0; run < 2; run++) {
                    try (NDManager batch = m.newSubManager(); NDManager step = batch.newSubManager()) {
                        NDArray mask = batch.ones(new Shape(4, LENGTH));
                        mask.set(new ai.djl.ndarray.index.NDIndex(":, 30:"), 0f);
                        NDArray y = batch.create(new int[] {0, 1, 2, 0});
                        NDArray x = inputs(step, 4).mul(mask.expandDims(1));
                        int before = batch.getManagedArrays().size();
                        AttackSettings s = AttackSettings.defaults(kind, 0, 1)
                                .toBuilder().steps(run == 0 ? 3 : 9).restarts(2).queries(run == 0 ? 30 : 90)
                                .squareInit(0.8).build();
                        Attacks.run(target, x, mask, y, 0.3, s);
                        open[run] = batch.getManagedArrays().size() - before;
                    }
                }
                if (open[0] != open[1]) {
                    growing.add(kind + " (" + open[0] + " arrays left after 3 iterations, " + open[1] + " after 9)");
                }
            }
            assertEquals(java.util.List.of(), growing);
        }
    }

    @Test
    void everyAttackStaysInTheBallInTheRangeAndOffThePadding() {
        try (NDManager m = NDManager.newBaseManager()) {
            TwoLayer target = twoLayer(m);
            NDArray x = inputs(m, 6);
            NDArray y = m.create(new int[] {0, 1, 2, 0, 1, 2});
            NDArray mask = m.ones(new Shape(6, LENGTH));
            mask.set(new ai.djl.ndarray.index.NDIndex(":, 30:"), 0f);
            x = x.mul(mask.expandDims(1));
            double eps = 0.3;
            for (AttackKind kind : AttackKind.values()) {
                AttackSettings s = AttackSettings.defaults(kind, 0, 1)
                        .toBuilder().steps(5).restarts(2).queries(100).squareInit(0.8).build();
                NDArray adv = Attacks.run(target, x, mask, y, eps, s);
                float[] delta = adv.sub(x).toFloatArray();
                float[] a = adv.toFloatArray();
                for (int i = 0; i < delta.length; i++) {
                    assertTrue(Math.abs(delta[i]) <= eps + 1e-6, kind + ": |delta| " + delta[i]);
                    if (i % LENGTH >= 30) {
                        assertEquals(0f, a[i], kind + ": padding stays zero");
                    }
                    if (s.clamp()) {
                        assertTrue(a[i] >= 0 && a[i] <= 1, kind + ": in range");
                    }
                }
                assertArrayEquals(x.toFloatArray(), Attacks.run(target, x, mask, y, 0, s).toFloatArray(), kind + " eps 0");
                assertArrayEquals(a, Attacks.run(target, x, mask, y, eps, s).toFloatArray(), kind + " seeded");
            }
        }
    }

    @Test
    void sapPerturbationsAreSmoothAndStrongerAttacksAreNotWeaker() {
        try (NDManager m = NDManager.newBaseManager()) {
            TwoLayer target = twoLayer(m);
            NDArray x = inputs(m, 64);
            NDArray y = target.forward(x, null).get(0).argMax(1).toType(DataType.INT32, false);
            double eps = 0.05;
            NDArray pgd = Attacks.run(target, x, null, y, eps, AttackSettings.defaults(AttackKind.PGD, 0, 1)
                    .toBuilder().steps(20).build());
            NDArray sap = Attacks.run(target, x, null, y, eps, AttackSettings.defaults(AttackKind.SAP, 0, 1)
                    .toBuilder().steps(10).build());
            double pgdRoughness = roughness(pgd.sub(x));
            double sapRoughness = roughness(sap.sub(x));
            System.out.printf("mean |second difference| of the perturbation: PGD %.5f, SAP %.5f%n", pgdRoughness,
                    sapRoughness);
            assertTrue(sapRoughness < pgdRoughness / 10, "SAP is smooth");
            double noise = accuracy(target, Attacks.run(target, x, null, y, eps,
                    AttackSettings.defaults(AttackKind.NOISE, 0, 1)), y);
            double fgsm = accuracy(target, Attacks.run(target, x, null, y, eps,
                    AttackSettings.defaults(AttackKind.FGSM, 0, 1)), y);
            double pgd20 = accuracy(target, pgd, y);
            System.out.printf("accuracy at eps %.2f: noise %.3f, FGSM %.3f, PGD-20 %.3f%n", eps, noise, fgsm, pgd20);
            assertTrue(pgd20 <= fgsm && fgsm <= noise, noise + " >= " + fgsm + " >= " + pgd20);
            assertTrue(pgd20 < 1, "PGD fools some samples");
            double pgd10 = accuracy(target, Attacks.run(target, x, null, y, eps,
                    AttackSettings.defaults(AttackKind.PGD, 0, 1).toBuilder().steps(10).build()), y);
            double apgd = accuracy(target, Attacks.run(target, x, null, y, eps,
                    AttackSettings.defaults(AttackKind.APGD, 0, 1).toBuilder().steps(20).build()), y);
            System.out.printf("PGD-10 %.3f, APGD-20 %.3f%n", pgd10, apgd);
            assertTrue(apgd <= pgd10, "APGD is not weaker than PGD-10");
        }
    }

    @Test
    void carliniWagnerNeedsLessL2ThanFgsm() {
        try (NDManager m = NDManager.newBaseManager()) {
            TwoLayer target = twoLayer(m);
            NDArray x = inputs(m, 32);
            NDArray y = target.forward(x, null).get(0).argMax(1).toType(DataType.INT32, false);
            NDArray fgsm = Attacks.run(target, x, null, y, 0.1, AttackSettings.defaults(AttackKind.FGSM, 0, 1));
            NDArray cw = Attacks.run(target, x, null, y, 100, AttackSettings.defaults(AttackKind.CW, 0, 1)
                    .toBuilder().steps(50).build());
            boolean[] fgsmFools = fooled(target, fgsm, y);
            boolean[] cwFools = fooled(target, cw, y);
            float[] fgsmL2 = fgsm.sub(x).square().sum(new int[] {1, 2}).sqrt().toFloatArray();
            float[] cwL2 = cw.sub(x).square().sum(new int[] {1, 2}).sqrt().toFloatArray();
            int both = 0;
            for (int i = 0; i < 32; i++) {
                if (fgsmFools[i] && cwFools[i]) {
                    both++;
                    assertTrue(cwL2[i] < fgsmL2[i], "sample " + i + ": C&W " + cwL2[i] + " vs FGSM " + fgsmL2[i]);
                }
            }
            System.out.println("samples fooled by both FGSM and C&W: " + both);
            assertTrue(both > 5);
            // An l2 budget below every perturbation C&W found leaves every sample clean.
            NDArray none = Attacks.run(target, x, null, y, 1e-6, AttackSettings.defaults(AttackKind.CW, 0, 1)
                    .toBuilder().steps(5).build());
            assertArrayEquals(x.toFloatArray(), none.toFloatArray());
        }
    }

    @Test
    void pgdEcgStopsEachSampleOnceFooled() {
        try (NDManager m = NDManager.newBaseManager()) {
            TwoLayer target = twoLayer(m);
            NDArray x = inputs(m, 32);
            NDArray y = target.forward(x, null).get(0).argMax(1).toType(DataType.INT32, false);
            NDArray ecg = Attacks.run(target, x, null, y, 0.1, AttackSettings.defaults(AttackKind.PGD_ECG, 0, 1)
                    .toBuilder().steps(30).build());
            NDArray pgd = Attacks.run(target, x, null, y, 0.1, AttackSettings.defaults(AttackKind.PGD, 0, 1)
                    .toBuilder().steps(30).build());
            boolean[] ecgFools = fooled(target, ecg, y);
            float[] ecgLinf = ecg.sub(x).abs().reshape(32, -1).max(new int[] {1}).toFloatArray();
            float[] pgdLinf = pgd.sub(x).abs().reshape(32, -1).max(new int[] {1}).toFloatArray();
            int stoppedEarly = 0;
            for (int i = 0; i < 32; i++) {
                if (ecgFools[i] && ecgLinf[i] < pgdLinf[i] - 1e-4) {
                    stoppedEarly++;
                }
            }
            assertTrue(stoppedEarly > 0, "fooled samples stop before using the whole ball");
        }
    }

    private static boolean[] fooled(AttackTarget target, NDArray adversarial, NDArray y) {
        int[] p = target.forward(adversarial, null).get(0).argMax(1).toType(DataType.INT32, false).toIntArray();
        int[] t = y.toIntArray();
        boolean[] f = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            f[i] = p[i] != t[i];
        }
        return f;
    }

    private static double roughness(NDArray delta) {
        NDArray d2 = delta.get(":, :, 2:").sub(delta.get(":, :, 1:-1").mul(2)).add(delta.get(":, :, :-2"));
        return d2.abs().mean().getFloat();
    }

    private static double accuracy(AttackTarget target, NDArray x, NDArray y) {
        return target.forward(x, null).get(0).argMax(1).toType(DataType.INT32, false).eq(y).sum().getLong()
                / (double) y.getShape().get(0);
    }
}
