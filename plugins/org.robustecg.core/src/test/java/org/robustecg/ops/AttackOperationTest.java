package org.robustecg.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import org.robustecg.preprocess.BeatSettings;
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
        Values v = attack(kind);
        AttackKind k = AttackKind.ofCliName(kind);
        AttackSettings s = AttackOperation.settings(v, k, learned.model().info());
        return RobustnessEvaluation.run(learned.model(), null, beats, s, AttackOperation.radii(v, k), batch, from, to,
                keep, Progress.NONE);
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
}
