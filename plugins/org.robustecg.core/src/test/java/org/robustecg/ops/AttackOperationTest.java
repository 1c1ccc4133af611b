package org.robustecg.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.robustecg.CancelAfter;
import org.robustecg.TestData;
import org.robustecg.attack.AttackKind;
import org.robustecg.attack.AttackRecord;
import org.robustecg.attack.AttackSettings;
import org.robustecg.attack.RobustnessEvaluation;
import org.robustecg.data.Dataset;
import org.robustecg.data.Splits;
import org.robustecg.database.MitBih;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.model.Inference;
import org.robustecg.model.TrainedModel;
import org.robustecg.preprocess.BeatSettings;
import org.robustecg.progress.CancelledException;
import org.robustecg.progress.Progress;
import org.robustecg.train.Learner;
import org.robustecg.train.TrainingListener;

/**
 * The attack operation's one pass on real beats and a trained model: an item's rows do not depend on the batch or
 * range it is attacked in, and the adversarial items it keeps are exactly the ones it scored.
 */
class AttackOperationTest {

    private static Dataset beats;
    private static Learner.Learned learned;

    @BeforeAll
    static void trainASmallModel() throws Exception {
        Dataset all = MitBih.beats(TestData.mitdb(), List.of("100", "119", "208"), BeatSettings.KAGGLE,
                WfdbReadOptions.STRICT, Progress.NONE);
        Values train = Values.of(TrainOperation.SCHEMA, Face.CLI, Map.of("architecture", "resnet18", "loss", "ce",
                "epochs", 3, "width", 0.125, "batch_size", 16, "per_class", 40, "balance", true,
                "validation_fraction", 0.0, "robust_samples", 0));
        learned = TrainOperation.run(train, all, null, new TrainingListener() {
        }, Progress.NONE);
        beats = Splits.sample(all, 3, 2);
    }

    @AfterAll
    static void close() {
        learned.close();
    }

    private static Values attack(String kind) {
        return Values.of(AttackOperation.SCHEMA, Face.CLI, Map.of("attack", kind, "eps", "0.05,0.3", "steps", 2,
                "restarts", 2, "queries", 20, "seed", 5));
    }

    private static RobustnessEvaluation.Result pass(String kind, int batch, int from, int to,
            RobustnessEvaluation.Keep keep) {
        return pass(attack(kind), null, batch, from, to, keep, Progress.NONE);
    }

    private static RobustnessEvaluation.Result pass(Values v, TrainedModel source, int batch, int from, int to,
            RobustnessEvaluation.Keep keep, Progress progress) {
        AttackKind k = kinds(v);
        AttackSettings s = AttackOperation.settings(v, k, learned.model().info());
        return RobustnessEvaluation.run(learned.model(), source, beats, s, AttackOperation.radii(v, k), batch, from, to,
                keep, progress);
    }

    private static AttackKind kinds(Values v) {
        return AttackOperation.kinds(v).get(0);
    }

    @Test
    void anItemsRowsDoNotDependOnTheBatchOrRangeItIsAttackedIn() {
        for (String kind : List.of("noise", "pgd", "square", "ensemble")) {
            List<AttackRecord> whole = pass(kind, 4, 0, beats.size(), RobustnessEvaluation.Keep.NONE).rows();
            List<AttackRecord> ranges = new ArrayList<>(pass(kind, 3, 0, 5, RobustnessEvaluation.Keep.NONE).rows());
            ranges.addAll(pass(kind, 3, 5, beats.size(), RobustnessEvaluation.Keep.NONE).rows());
            assertEquals(3 * beats.size(), whole.size(), kind + ": a clean row and two radii per item");
            assertEquals(whole, ranges, kind + ": items in batches of 4 vs [0, 5) and [5, n) in batches of 3");
            assertTrue(whole.stream().anyMatch(r -> r.linf() > 0), kind + " perturbs");
        }
    }

    @Test
    void theKeptAdversarialItemsAreTheOnesThatWereScored() {
        RobustnessEvaluation.Result result = pass("pgd", 4, 0, beats.size(), RobustnessEvaluation.Keep.all(0.05, 0.3));
        List<String> classes = learned.model().info().classNames();
        for (double eps : new double[] {0.05, 0.3}) {
            Dataset adversarial = result.adversarial().get(eps);
            assertEquals(beats.size(), adversarial.size());
            assertArrayEquals(beats.labels(), adversarial.labels());
            int[] again = Inference.predict(learned.model(), adversarial, 5, Progress.NONE).predictions();
            List<AttackRecord> scored = result.rows().stream().filter(r -> r.epsilon() == eps).toList();
            for (int i = 0; i < beats.size(); i++) {
                assertEquals(i, scored.get(i).sampleId());
                assertEquals(scored.get(i).prediction(), classes.get(again[i]), "eps " + eps + ", item " + i);
                float largest = 0;
                for (int j = 0; j < beats.length(); j++) {
                    largest = Math.max(largest, Math.abs(adversarial.signals()[i * beats.length() + j]
                            - beats.signals()[i * beats.length() + j]));
                }
                assertEquals(scored.get(i).linf(), largest, 1e-7, "the scored perturbation, item " + i);
            }
        }
        RobustnessEvaluation.Result first = pass("pgd", 4, 0, beats.size(), new RobustnessEvaluation.Keep(
                new double[] {0.3}, 1));
        assertEquals(1, first.adversarial().get(0.3).size());
        assertArrayEquals(java.util.Arrays.copyOf(result.adversarial().get(0.3).signals(), beats.length()),
                first.adversarial().get(0.3).signals(), "the first item alone, as in the whole pass");
        assertEquals(result.rows(), first.rows());
    }

    /**
     * The radii are nested: a beat the model gets wrong at a radius keeps that very input, prediction and sizes at
     * every larger radius, so each attack's accuracy never rises with the radius; a beat still right is attacked
     * as it is at that radius alone; and the larger radii cost fewer forwards than attacking every beat again. For
     * l-inf attacks, Carlini-Wagner's l2 budgets and transfer from another model (broken = wrong on the evaluated
     * model).
     */
    @Test
    void aBeatBrokenAtASmallRadiusStaysBrokenWithTheSameInputAtTheLargerOnes() {
        TrainedModel other = TrainedModel.untrained(learned.model().info(), 99);
        try (other) {
            for (String kind : List.of("pgd", "square", "cw", "transfer-pgd")) {
                boolean transfer = kind.startsWith("transfer-");
                String attackKind = kind.replace("transfer-", "");
                String grid = attackKind.equals("cw") ? "0.3,1,4" : "0.01,0.05,0.3";
                int items = beats.size();
                Values v = Values.of(AttackOperation.SCHEMA, Face.CLI, Map.of("attack", attackKind, "eps", grid,
                        "steps", 2, "restarts", 2, "queries", 20, "seed", 5));
                double[] radii = AttackOperation.radii(v, kinds(v));
                CancelAfter nestedChecks = CancelAfter.never();
                // Batches of one beat: a forward is a beat's forward, so the count is the work.
                RobustnessEvaluation.Result nested = pass(v, transfer ? other : null, 1, 0, items,
                        RobustnessEvaluation.Keep.all(radii), nestedChecks);
                long alone = 0;
                Map<Double, List<AttackRecord>> aloneRows = new java.util.HashMap<>();
                for (double eps : radii) {
                    Values one = Values.of(AttackOperation.SCHEMA, Face.CLI, Map.of("attack", attackKind, "eps",
                            Double.toString(eps), "steps", 2, "restarts", 2, "queries", 20, "seed", 5));
                    CancelAfter checks = CancelAfter.never();
                    aloneRows.put(eps, pass(one, transfer ? other : null, 1, 0, items,
                            RobustnessEvaluation.Keep.NONE, checks).rows().stream().filter(r -> r.epsilon() == eps)
                            .toList());
                    alone += checks.checks();
                }
                // Attacked alone, each radius checked once per batch and predicted the clean batch once more.
                long everyBeatAtEveryRadius = alone - 2L * (radii.length - 1) * items;
                assertTrue(nestedChecks.checks() < everyBeatAtEveryRadius, kind + ": " + nestedChecks.checks()
                        + " forwards nested vs " + everyBeatAtEveryRadius);
                int carried = 0;
                int previousCorrect = Integer.MAX_VALUE;
                for (int e = 0; e < radii.length; e++) {
                    double eps = radii[e];
                    List<AttackRecord> at = nested.rows().stream().filter(r -> r.epsilon() == eps).toList();
                    int correct = (int) at.stream().filter(r -> r.prediction().equals(r.label())).count();
                    assertTrue(correct <= previousCorrect, kind + ": accuracy rose at " + eps);
                    previousCorrect = correct;
                    for (int i = 0; i < items; i++) {
                        AttackRecord row = at.get(i);
                        AttackRecord before = e == 0 ? null : nested.rows().get(i * (radii.length + 1) + e);
                        if (before != null && !before.prediction().equals(before.label())) {
                            carried++;
                            assertEquals(List.of(before.prediction(), before.linf(), before.l2(), before.snrDb()),
                                    List.of(row.prediction(), row.linf(), row.l2(), row.snrDb()), kind + " item " + i);
                            assertArrayEquals(item(nested.adversarial().get(radii[e - 1]), i),
                                    item(nested.adversarial().get(eps), i), kind + ": the same input, item " + i);
                        } else {
                            assertEquals(aloneRows.get(eps).get(i), row, kind + ": item " + i + " still right, "
                                    + "attacked as at " + eps + " alone");
                        }
                    }
                }
                assertTrue(carried > 0, kind + ": some beat is broken below the largest radius");
            }
        }
    }

    /**
     * Cancelled during a Square attack of 100,000 queries on one batch, the pass stops at the next forward, not at
     * the end of the batch: the check that sees the cancellation throws.
     */
    @Test
    void thePassStopsWithinOneForwardOfCancellation() {
        Values v = Values.of(AttackOperation.SCHEMA, Face.CLI, Map.of("attack", "square", "eps", "0.0001",
                "queries", 100_000, "seed", 5));
        CancelAfter progress = new CancelAfter(20);
        assertThrows(CancelledException.class, () -> pass(v, null, beats.size(), 0, beats.size(),
                RobustnessEvaluation.Keep.NONE, progress));
        assertEquals(21, progress.checks());
    }

    private static float[] item(Dataset data, int i) {
        int stride = data.leads() * data.length();
        return java.util.Arrays.copyOfRange(data.signals(), i * stride, (i + 1) * stride);
    }
}
