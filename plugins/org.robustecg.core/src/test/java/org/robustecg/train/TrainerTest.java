package org.robustecg.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.robustecg.TestData;
import org.robustecg.attack.Pgd;
import org.robustecg.attack.PgdSettings;
import org.robustecg.data.Batch;
import org.robustecg.data.Dataset;
import org.robustecg.data.Splits;
import org.robustecg.database.MitBih;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.model.Architecture;
import org.robustecg.model.Classifier;
import org.robustecg.model.EcgModel;
import org.robustecg.model.EcgNetwork;
import org.robustecg.model.EpochRecord;
import org.robustecg.model.InputGradient;
import org.robustecg.model.ModelSettings;
import org.robustecg.model.TrainSettings;
import org.robustecg.objective.LossSettings;
import org.robustecg.objective.Losses;
import org.robustecg.objective.Objective;
import org.robustecg.preprocess.BeatSettings;
import org.robustecg.progress.CancelledException;
import org.robustecg.progress.Progress;

/** Training on real MIT-BIH beats at a tiny width (1/16) and a few steps. */
class TrainerTest {

    private static Dataset beats;

    @BeforeAll
    static void beats() throws Exception {
        Dataset all = MitBih.beats(TestData.mitdb(), List.of("100", "119", "208", "213", "232"), BeatSettings.KAGGLE,
                WfdbReadOptions.STRICT, Progress.NONE);
        beats = Splits.sample(all, 24, 1);
    }

    private static Classifier network(Architecture a, NDManager m, long seed) {
        return network(a, m, seed, 1.0 / 16);
    }

    private static Classifier network(Architecture a, NDManager m, long seed, double width) {
        Engine.getInstance().setRandomSeed((int) seed);
        EcgNetwork net = new EcgNetwork(ModelSettings.builder(a, 5, 1, 187).widthMultiplier(width).build());
        net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 187));
        return new Classifier(net, m);
    }

    private static TrainSettings tiny(Objective objective) {
        return TrainSettings.mitBih(LossSettings.of(objective)).toBuilder().epochs(4).batchSize(32).learningRate(1e-2)
                .attackSteps(2).robustSamples(16).build();
    }

    @Test
    void theLinfHeadsOutputLayerLearnsWhereItsDecidingInputsChange() {
        try (NDManager m = NDManager.newBaseManager()) {
            Classifier model = network(Architecture.CASLCNET, m, 3);
            TrainingResult result = Trainer.train(model, m, beats, beats,
                    tiny(Objective.CE).toBuilder().robustSamples(0).build(),
                    new TrainingListener() { }, Progress.NONE);
            for (EpochRecord r : result.history()) {
                assertEquals(5, r.headChanged().size(), "one share per head layer");
                r.headChanged().forEach(share -> assertTrue(share >= 0 && share <= 1, "a share: " + share));
            }
            // Started at identity, the output layer would read logit k off input k for good (share 0).
            List<Double> last = result.history().get(result.history().size() - 1).headChanged();
            assertTrue(last.get(4) > 0.1, "the output layer's deciding inputs moved: " + last);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingResult linear = Trainer.train(network(Architecture.RESNET18, m, 3), m, beats, beats,
                    tiny(Objective.CE).toBuilder().epochs(1).robustSamples(0).build(), new TrainingListener() { },
                    Progress.NONE);
            assertEquals(List.of(), linear.history().get(0).headChanged(), "no l-inf head, no shares");
        }
    }

    @Test
    void crossEntropyTrainingLowersTheLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            Classifier model = network(Architecture.RESNET18, m, 1, 1.0 / 4);
            TrainingResult result = Trainer.train(model, m, beats, beats,
                    tiny(Objective.CE).toBuilder().epochs(8).batchSize(16).learningRate(3e-3).build(),
                    new TrainingListener() { }, Progress.NONE);
            List<EpochRecord> h = result.history();
            System.out.println("CE training history: " + h);
            assertEquals(8, h.size());
            assertTrue(h.get(h.size() - 1).trainLoss() < h.get(0).trainLoss(), "training loss falls");
            assertTrue(h.get(result.bestEpoch() - 1).validationAccuracy() > 1.5 / beats.classNames().size(),
                    "better than chance");
        }
    }

    @Test
    void martTrainsCaslcnetWithRobustValidation() {
        try (NDManager m = NDManager.newBaseManager()) {
            Classifier model = network(Architecture.CASLCNET, m, 2);
            TrainingResult result = Trainer.train(model, m, beats, beats,
                    tiny(Objective.MART).toBuilder().epochs(2).build(),
                    new TrainingListener() { }, Progress.NONE);
            for (EpochRecord r : result.history()) {
                assertTrue(Double.isFinite(r.trainLoss()) && r.robustAccuracy() >= 0 && r.robustAccuracy() <= 1, r.toString());
            }
            assertTrue(result.history().get(0).p() > 8, "the l-p schedule ran");
            assertEquals(Double.POSITIVE_INFINITY, model.network().linfHead().getP());
        }
    }

    @Test
    void jacobianAndNsrRegularisationTrain() {
        for (Objective objective : new Objective[] {Objective.JACOBIAN, Objective.NSR}) {
            try (NDManager m = NDManager.newBaseManager()) {
                Classifier model = network(Architecture.RESNET18, m, 6);
                TrainingResult result = Trainer.train(model, m, beats, beats,
                        tiny(objective).toBuilder().epochs(2).build(),
                        new TrainingListener() { }, Progress.NONE);
                assertTrue(result.history().stream().allMatch(r -> Double.isFinite(r.trainLoss())), objective.name());
            }
        }
    }

    @Test
    void theNsrProbeMeasuresTheL1NormOfTheInputGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(8);
            EcgModel net = EcgModel.of(ModelSettings.builder(Architecture.RESNET18, 5, 1, 187).widthMultiplier(1.0 / 8)
                    .build());
            net.initialize(m, DataType.FLOAT64, new Shape(1, 1, 187));
            Classifier model = new Classifier(net, m);
            NDArray x = m.create(beats.item(0)).toType(DataType.FLOAT64, false).reshape(1, 1, 187);
            NDArray label = m.create(new int[] {beats.labels()[0]});
            NDArray g;
            try (Classifier.Frozen frozen = model.frozen()) {
                g = InputGradient.at(model, x, null, m, out -> out.get(0).mul(Losses.oneHot(label, out.get(0)))
                        .sum(new int[] {1})).gradient();
            }
            double l1 = g.abs().sum().getDouble();
            double h = 1e-6;
            double zy = model.forward(x, null).get(0).getDouble(0, beats.labels()[0]);
            double zyProbe = model.forward(x.add(g.sign().mul(h)), null).get(0).getDouble(0, beats.labels()[0]);
            assertEquals(l1, (zyProbe - zy) / h, 1e-3 * l1);
        }
    }

    @Test
    void theAdversaryAddsNoGradientToTheParameters() {
        try (NDManager m = NDManager.newBaseManager()) {
            Classifier model = network(Architecture.CASLCNET, m, 3);
            Batch batch = Batch.of(beats, Batch.range(0, 8), m);
            float[] before = trainingGradient(model, batch);
            try (Classifier.Frozen frozen = model.frozen()) {
                Pgd.perturb(model, batch.x(), null, new PgdSettings(0.1, 0.01, 3, true, 0, 1),
                        out -> Losses.crossEntropy(out.get(0), batch.labels()));
            }
            // Closing the handle thawed the parameters: training computes their gradient as before.
            assertArrayEquals(before, trainingGradient(model, batch), "identical with and without the attack");
        }
    }

    /** The gradient of the first parameter for one training loss, then the gradients zeroed again. */
    private static float[] trainingGradient(Classifier model, Batch batch) {
        Parameter first = model.trainableParameters().get(0);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList out = model.train(batch.x(), null, batch.labels());
            collector.backward(LossSettings.of(Objective.CE).compute(out, null, batch.labels()));
        }
        NDArray g = first.getArray().getGradient();
        float[] values = g.toFloatArray();
        for (Parameter p : model.trainableParameters()) {
            NDArray gp = p.getArray().getGradient();
            gp.subi(gp);
            gp.close();
        }
        g.close();
        return values;
    }

    @Test
    void sameSeedGivesBitIdenticalParameters() {
        float[][] runs = new float[2][];
        for (int r = 0; r < 2; r++) {
            try (NDManager m = NDManager.newBaseManager()) {
                Classifier model = network(Architecture.CASLCNET, m, 9);
                Trainer.train(model, m, beats, null, tiny(Objective.MART).toBuilder().epochs(1).seed(5).build(),
                        new TrainingListener() { }, Progress.NONE);
                runs[r] = allParameters(model);
            }
        }
        assertArrayEquals(runs[0], runs[1]);
    }

    private static float[] allParameters(Classifier model) {
        java.io.ByteArrayOutputStream values = new java.io.ByteArrayOutputStream();
        for (Parameter p : model.network().getParameters().values()) {
            for (float v : p.getArray().toFloatArray()) {
                int bits = Float.floatToRawIntBits(v);
                values.write(bits);
                values.write(bits >> 8);
                values.write(bits >> 16);
                values.write(bits >> 24);
            }
        }
        java.nio.FloatBuffer f = java.nio.ByteBuffer.wrap(values.toByteArray()).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer();
        float[] out = new float[f.remaining()];
        f.get(out);
        return out;
    }

    @Test
    void memoryStaysFlatOver200Steps() {
        try (NDManager m = NDManager.newBaseManager()) {
            Classifier model = network(Architecture.CASLCNET, m, 4);
            Dataset small = beats.select(Batch.range(0, 8));
            TrainSettings one = tiny(Objective.MART).toBuilder().epochs(210).batchSize(8).attackSteps(1)
                    .robustSamples(0).build();
            int[] open = new int[2];
            Trainer.train(model, m, small, null, one, new TrainingListener() {
                @Override
                public void batch(int epoch, int batch, int batches, double loss) {
                    if (epoch == 10 || epoch == 210) {
                        open[epoch == 10 ? 0 : 1] = m.getManagedArrays().size();
                    }
                }
            }, Progress.NONE);
            int after10 = open[0];
            int after210 = open[1];
            System.out.println("open arrays after 10 steps: " + after10 + ", after 210 steps: " + after210);
            assertTrue(after210 <= after10 + 2, after10 + " -> " + after210);
        }
    }

    @Test
    void aNonFiniteGradientSkipsTheStepAndLeavesWeightsAndGradientsClean() {
        try (NDManager m = NDManager.newBaseManager()) {
            Classifier model = network(Architecture.RESNET18, m, 9);
            Adamax optimiser = new Adamax(model.trainableParameters(), 1e-3);
            Parameter first = model.trainableParameters().get(0);
            float[] before = first.getArray().toFloatArray();
            try (NDManager scratch = m.newSubManager()) {
                Batch batch = Batch.of(beats, Batch.range(0, 4), scratch);
                NDArray huge = batch.x().mul(1e38f).mul(1e38f); // inf inputs: the loss and the gradients are not finite
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = Losses.crossEntropy(model.train(huge, batch.mask(), batch.labels()).get(0),
                            batch.labels());
                    collector.backward(loss);
                }
                assertTrue(!optimiser.step(scratch), "the step is skipped");
                assertArrayEquals(before, first.getArray().toFloatArray(), "weights untouched");
                for (Parameter p : model.trainableParameters()) {
                    try (NDManager local = scratch.newSubManager()) {
                        NDArray g = p.getArray().getGradient();
                        g.attach(local);
                        assertEquals(0.0, g.abs().sum().toType(DataType.FLOAT64, false).getDouble(), p.getName());
                    }
                }
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    collector.backward(Losses.crossEntropy(model.train(batch.x(), batch.mask(), batch.labels()).get(0),
                            batch.labels()));
                }
                assertTrue(optimiser.step(scratch), "a finite step is applied");
                float[] after = first.getArray().toFloatArray();
                assertTrue(!java.util.Arrays.equals(before, after), "weights moved");
                for (float v : after) {
                    assertTrue(Float.isFinite(v));
                }
            }
        }
    }

    @Test
    void cancellationStopsWithinOneBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Classifier model = network(Architecture.RESNET18, m, 5);
            AtomicInteger batches = new AtomicInteger();
            Progress cancelAfterTwo = new Progress() {
                @Override
                public void update(double fraction, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return batches.get() >= 2;
                }
            };
            TrainingListener counter = new TrainingListener() {
                @Override
                public void batch(int epoch, int batch, int total, double loss) {
                    batches.incrementAndGet();
                }
            };
            assertThrows(CancelledException.class,
                    () -> Trainer.train(model, m, beats, null, tiny(Objective.CE).toBuilder().batchSize(8).build(),
                            counter, cancelAfterTwo));
            assertEquals(2, batches.get());
        }
    }
}
