package org.robustecg.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.robustecg.model.AttackTarget;

/** Best iterates, Square, the DLR losses, APGD-T and the ensemble, on small fixed networks of the real engine. */
class VerdictAttacksTest {

    private static final int LEADS = 2;
    private static final int LENGTH = 40;

    /**
     * Three logits of the input's mean s: z0 = 0, z1 = min(40 s - 1.35, 0.05, 0.05 - 1.5 (s - 0.06)),
     * z2 = 29.9 s - 3. The cross-entropy of class 0 rises with s all the way to s = 0.1, but class 1 wins only
     * for s in (0.034, 0.093): an ascent from 0 to the ball's corner at eps 0.1 passes through misclassified
     * points and ends correctly classified.
     */
    private record PassingBump() implements AttackTarget {
        @Override
        public NDList forward(NDArray x, NDArray mask) {
            NDArray s = x.reshape(x.getShape().get(0), -1).mean(new int[] {1}).reshape(-1, 1);
            NDArray z1 = s.mul(40).sub(1.35f).minimum(0.05f).minimum(s.sub(0.06f).mul(-1.5f).add(0.05f));
            return new NDList(NDArrays.concat(new NDList(s.zerosLike(), z1, s.mul(29.9f).sub(3f)), 1));
        }
    }

    /** logits = tanh(flatten(q(x)) W1) W2 with q rounding to a grid of 0.05 when {@code quantised}. */
    private record TwoLayer(NDArray w1, NDArray w2, boolean quantised) implements AttackTarget {
        @Override
        public NDList forward(NDArray x, NDArray mask) {
            NDArray in = quantised ? x.mul(20).round().div(20) : x;
            return new NDList(in.reshape(x.getShape().get(0), -1).matMul(w1).tanh().matMul(w2));
        }
    }

    /** Counts forward passes and the rows they carry. */
    private record Counting(AttackTarget inner, AtomicInteger calls, AtomicInteger rows) implements AttackTarget {
        @Override
        public NDList forward(NDArray x, NDArray mask) {
            calls.incrementAndGet();
            rows.addAndGet((int) x.getShape().get(0));
            return inner.forward(x, mask);
        }
    }

    private static TwoLayer twoLayer(NDManager m, int classes, boolean quantised) {
        Engine.getInstance().setRandomSeed(12);
        return new TwoLayer(m.randomNormal(0, 0.3f, new Shape(LEADS * LENGTH, 16), DataType.FLOAT32),
                m.randomNormal(0, 1, new Shape(16, classes), DataType.FLOAT32), quantised);
    }

    private static NDArray inputs(NDManager m, int n) {
        Engine.getInstance().setRandomSeed(5);
        return m.randomUniform(0.2f, 0.8f, new Shape(n, LEADS, LENGTH));
    }

    private static int[] predict(AttackTarget target, NDArray x) {
        return target.forward(x, null).get(0).argMax(1).toType(DataType.INT32, false).toIntArray();
    }

    private static boolean[] fooled(AttackTarget target, NDArray x, NDArray y) {
        int[] p = predict(target, x);
        int[] t = y.toType(DataType.INT32, false).toIntArray();
        boolean[] f = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            f[i] = p[i] != t[i];
        }
        return f;
    }

    private static int count(boolean[] f) {
        int n = 0;
        for (boolean b : f) {
            n += b ? 1 : 0;
        }
        return n;
    }

    @Test
    void aSampleBrokenByAnEarlierIterateCountsAsBroken() {
        try (NDManager m = NDManager.newBaseManager()) {
            PassingBump target = new PassingBump();
            NDArray x = m.zeros(new Shape(1, 1, 200));
            NDArray y = m.create(new int[] {0});
            double eps = 0.1;
            // The ascent ends at the corner x + eps, which the model classifies correctly ...
            assertEquals(0, predict(target, x.add(eps))[0]);
            NDArray last = Pgd.perturb(target, x, null, new PgdSettings(eps, eps / 4, 8, true, -1, 1),
                    out -> Attacks.crossEntropy(out.get(0), y));
            assertEquals(0, predict(target, last)[0], "the last PGD iterate is correct");
            // ... but iterates before it were not: every iterative attack keeps those.
            for (AttackSettings s : new AttackSettings[] {AttackSettings.defaults(AttackKind.PGD, -1, 1)
                    .toBuilder().steps(8).build(),
                    AttackSettings.defaults(AttackKind.PGD, -1, 1).toBuilder().steps(8).restarts(3).build(),
                    AttackSettings.defaults(AttackKind.MIFGSM, -1, 1).toBuilder().steps(10).build(),
                    AttackSettings.defaults(AttackKind.CW_LINF, -1, 1).toBuilder().steps(8).build()}) {
                NDArray adv = Attacks.run(target, x, null, y, eps, s);
                assertEquals(1, predict(target, adv)[0], s.kind() + " x" + s.restarts() + " keeps the fooling iterate");
                assertTrue(adv.sub(x).abs().max().getFloat() <= eps + 1e-6);
            }
        }
    }

    @Test
    void dlrLossesMatchTheirDefinitions() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {3, 1, 2, 0.5f, -1, 3, 1, 2, 0.5f, -1}, new Shape(2, 5));
            NDArray labels = m.create(new int[] {0, 1});
            // sorted: 3, 2, 1, 0.5, -1. Label 0: -(3 - 2) / (3 - 1); label 1: -(1 - 3) / (3 - 1).
            assertArrayEquals(new float[] {-0.5f, 1f}, Apgd.dlr(logits, labels, null).toFloatArray(), 1e-6f);
            // Targeted at class 3 (0.5): -(z_y - 0.5) / (3 - (1 + 0.5) / 2).
            NDArray targets = m.create(new int[] {3, 3});
            assertArrayEquals(new float[] {-2.5f / 2.25f, -0.5f / 2.25f}, Apgd.dlr(logits, labels, targets).toFloatArray(),
                    1e-6f);
            // The loss does not change when the logits are scaled or shifted.
            assertArrayEquals(Apgd.dlr(logits, labels, null).toFloatArray(),
                    Apgd.dlr(logits.mul(7).add(3), labels, null).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void squareStaysAtTheCornersOfTheBallOffThePaddingAndInTheRange() {
        try (NDManager m = NDManager.newBaseManager()) {
            TwoLayer target = twoLayer(m, 3, false);
            NDArray mask = m.ones(new Shape(6, LENGTH));
            mask.set(new NDIndex(":, 30:"), 0f);
            NDArray x = inputs(m, 6).mul(mask.expandDims(1));
            x.set(new NDIndex(":, 0, :10"), 0.95f);
            NDArray y = m.create(predict(target, x));
            double eps = 0.1;
            AttackSettings s = AttackSettings.defaults(AttackKind.SQUARE, 0, 1)
                    .toBuilder().queries(200).squareInit(0.8).build();
            float[] a = Attacks.run(target, x, mask, y, eps, s).toFloatArray();
            float[] c = x.toFloatArray();
            boolean clampedUp = false;
            for (int i = 0; i < a.length; i++) {
                clampedUp |= c[i] == 0.95f && a[i] == 1f;
                if (i % LENGTH >= 30) {
                    assertEquals(0f, a[i], "padding untouched at " + i);
                } else {
                    float up = Math.min(1f, (float) (c[i] + eps));
                    float down = Math.max(0f, (float) (c[i] - eps));
                    assertTrue(a[i] == up || a[i] == down, "a corner of the ball, clamped, at " + i + ": " + a[i]);
                }
            }
            assertTrue(clampedUp, "a corner above the range is clamped to its upper end");
        }
    }

    @Test
    void squareSpendsItsBudgetIsSeededAndBreaksAModelWithoutUsefulGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            TwoLayer target = twoLayer(m, 3, false);
            NDArray x = inputs(m, 1);
            NDArray y = m.create(predict(target, x));
            AtomicInteger calls = new AtomicInteger();
            AtomicInteger rows = new AtomicInteger();
            // A radius too small to break the beat: every query of the budget is spent on it, one per forward pass.
            Attacks.run(new Counting(target, calls, rows), x, null, y, 1e-5,
                    AttackSettings.defaults(AttackKind.SQUARE, 0, 1).toBuilder().queries(37).squareInit(0.8).build());
            assertEquals(37, calls.get());
            assertEquals(37, rows.get());

            TwoLayer masked = twoLayer(m, 3, true);
            NDArray xs = inputs(m, 48);
            NDArray ys = m.create(predict(masked, xs));
            AttackSettings square = AttackSettings.defaults(AttackKind.SQUARE, 0, 1)
                    .toBuilder().queries(300).squareInit(0.8).build();
            AtomicInteger manyRows = new AtomicInteger();
            NDArray a = Attacks.run(new Counting(masked, new AtomicInteger(), manyRows), xs, null, ys, 0.05, square);
            assertTrue(manyRows.get() <= 48 * 300, "at most the budget per beat: " + manyRows.get());
            assertTrue(manyRows.get() < 48 * 300, "broken beats stop querying");
            assertArrayEquals(a.toFloatArray(), Attacks.run(masked, xs, null, ys, 0.05, square).toFloatArray(), "seeded");
            assertFalse(java.util.Arrays.equals(a.toFloatArray(), Attacks.run(masked, xs, null, ys, 0.05,
                    square.withSeed(2)).toFloatArray()), "another seed, another search");
            // Rounding the input kills the gradient: PGD is stuck near its random start, Square is not.
            int byPgd = count(fooled(masked, Attacks.run(masked, xs, null, ys, 0.05,
                    AttackSettings.defaults(AttackKind.PGD, 0, 1).toBuilder().steps(20).build()), ys));
            int bySquare = count(fooled(masked, a, ys));
            System.out.printf("beats of 48 broken on a rounding model at eps 0.05: PGD-20 %d, Square-300 %d%n", byPgd,
                    bySquare);
            assertTrue(bySquare > byPgd + 5, "Square " + bySquare + " vs PGD " + byPgd);
        }
    }

    @Test
    void squareHalvesItsWindowOnThePapersSchedule() {
        assertEquals(0.8, Square.share(0, 5000, 0.8), 1e-12);
        assertEquals(0.8, Square.share(5, 5000, 0.8), 1e-12);
        assertEquals(0.4, Square.share(6, 5000, 0.8), 1e-12);
        assertEquals(0.2, Square.share(26, 5000, 0.8), 1e-12);
        assertEquals(0.8 / 512, Square.share(4999, 5000, 0.8), 1e-12);
    }

    @Test
    void apgdTargetsTheRunnerUpAndMoreTargetsBreakNoFewerBeats() {
        try (NDManager m = NDManager.newBaseManager()) {
            TwoLayer target = twoLayer(m, 5, false);
            NDArray x = inputs(m, 48);
            int[] clean = predict(target, x);
            NDArray y = m.create(clean);
            float[] logits = target.forward(x, null).get(0).toFloatArray();
            double eps = 0.03;
            AttackSettings one = AttackSettings.defaults(AttackKind.APGD_T, 0, 1)
                    .toBuilder().steps(20).targets(1).build();
            NDArray a1 = Attacks.run(target, x, null, y, eps, one);
            int[] p1 = predict(target, a1);
            int broken = 0;
            int toRunnerUp = 0;
            for (int i = 0; i < clean.length; i++) {
                if (p1[i] != clean[i]) {
                    broken++;
                    int runnerUp = -1;
                    for (int k = 0; k < 5; k++) {
                        if (k != clean[i] && (runnerUp < 0 || logits[i * 5 + k] > logits[i * 5 + runnerUp])) {
                            runnerUp = k;
                        }
                    }
                    toRunnerUp += p1[i] == runnerUp ? 1 : 0;
                }
            }
            boolean[] all = fooled(target, Attacks.run(target, x, null, y, eps, one.toBuilder().targets(9).build()), y);
            boolean[] first = fooled(target, a1, y);
            System.out.printf("APGD-T at eps %.2f: 1 target breaks %d of 48 (%d to the runner-up), 4 targets %d%n", eps,
                    broken, toRunnerUp, count(all));
            assertTrue(broken > 5 && toRunnerUp >= 0.8 * broken);
            for (int i = 0; i < first.length; i++) {
                assertTrue(!first[i] || all[i], "beat " + i + " broken by the first target stays broken");
            }
            assertTrue(count(all) >= count(first));
        }
    }

    @Test
    void theEnsembleIsNeverWeakerThanItsMembersOnAnyBeat() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (boolean quantised : new boolean[] {false, true}) {
                TwoLayer target = twoLayer(m, 5, quantised);
                NDArray x = inputs(m, 40);
                NDArray y = m.create(predict(target, x));
                double eps = 0.03;
                AttackSettings s = AttackSettings.defaults(AttackKind.ENSEMBLE, 0, 1)
                        .toBuilder().steps(10).targets(2).queries(200).squareInit(0.8).build();
                NDArray e = Attacks.run(target, x, null, y, eps, s);
                boolean[] ensemble = fooled(target, e, y);
                assertTrue(e.sub(x).abs().max().getFloat() <= eps + 1e-6);
                StringBuilder line = new StringBuilder("ensemble " + count(ensemble));
                for (AttackKind member : new AttackKind[] {AttackKind.APGD, AttackKind.APGD_T, AttackKind.SQUARE}) {
                    boolean[] alone = fooled(target, Attacks.run(target, x, null, y, eps, s
                            .toBuilder().kind(member).build()), y);
                    line.append(", ").append(member.cliName()).append(' ').append(count(alone));
                    // Each member draws its random numbers per beat: on the beats still unbroken it does what it
                    // does alone, so no beat it breaks alone survives the ensemble.
                    for (int i = 0; i < alone.length; i++) {
                        assertFalse(alone[i] && !ensemble[i], "beat " + i + " broken by " + member + " alone");
                    }
                }
                System.out.println((quantised ? "rounding model: " : "smooth model: ") + line);
                assertArrayEquals(e.toFloatArray(), Attacks.run(target, x, null, y, eps, s).toFloatArray(), "seeded");
            }
        }
    }
}
