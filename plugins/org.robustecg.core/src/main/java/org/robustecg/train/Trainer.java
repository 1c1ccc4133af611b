package org.robustecg.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.robustecg.attack.Pgd;
import org.robustecg.attack.PgdSettings;
import org.robustecg.data.Batch;
import org.robustecg.data.Dataset;
import org.robustecg.engine.Gradients;
import org.robustecg.model.Classifier;
import org.robustecg.model.EpochRecord;
import org.robustecg.model.InputGradient;
import org.robustecg.model.LinfHead;
import org.robustecg.model.TrainSettings;
import org.robustecg.objective.Losses;
import org.robustecg.objective.Objective;
import org.robustecg.progress.Progress;

/**
 * Trains a {@link Classifier} (METHOD 4.1-4.6): seeded shuffling, the PGD adversary in inference mode with
 * frozen parameters, the chosen loss with its CAS auxiliary term, Adamax, the learning rate cut x0.1 when
 * the validation loss stops improving, the l-p schedule of an l-inf head, the best epoch's parameters kept,
 * optional early stopping. Every batch's arrays live in a sub-manager closed after the step; cancellation
 * is checked before every batch.
 */
public final class Trainer {

    private static final double PLATEAU_THRESHOLD = 1e-4;

    /** Steps in a row with a non-finite loss or gradient after which training is reported as diverged. */
    static final int MAX_BAD_STEPS = 10;

    private Trainer() {
    }

    public static TrainingResult train(Classifier model, NDManager manager, Dataset train, Dataset validation,
            TrainSettings settings, TrainingListener listener, Progress progress) {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        Random shuffle = new Random(settings.seed());
        LinfHead head = model.network().linfHead();
        Adamax optimiser = new Adamax(model.trainableParameters(), settings.learningRate());
        HeadProbe headProbe = head == null ? null : new HeadProbe(model, manager,
                validation != null && validation.size() > 0 ? validation : train);
        int batches = (train.size() + settings.batchSize() - 1) / settings.batchSize();
        long totalSteps = (long) batches * settings.epochs();
        long step = 0;
        List<EpochRecord> history = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        byte[] bestParameters = null;
        int sinceImprovement = 0;
        int sincePlateau = 0;
        double plateauBest = Double.POSITIVE_INFINITY;
        boolean stoppedEarly = false;
        int skippedSteps = 0;
        int badInARow = 0;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            long start = System.nanoTime();
            int[] order = permutation(train.size(), shuffle);
            double lossSum = 0;
            long counted = 0;
            long correct = 0;
            for (int b = 0; b < batches; b++) {
                progress.checkCancelled();
                if (head != null) {
                    head.setP(settings.pAt(step, totalSteps));
                }
                int from = b * settings.batchSize();
                int[] indices = java.util.Arrays.copyOfRange(order, from, Math.min(train.size(), from + settings.batchSize()));
                try (NDManager scratch = manager.newSubManager()) {
                    Batch batch = Batch.of(train, indices, scratch);
                    NDArray adversarial = settings.loss().objective().adversarial()
                            ? adversary(model, batch, settings) : null;
                    NDArray probe = settings.loss().objective().probed() ? probe(model, batch, settings) : null;
                    double loss;
                    try (GradientCollector collector = Gradients.collector()) {
                        NDList natural = model.train(batch.x(), batch.mask(), batch.labels());
                        NDList attacked = adversarial == null ? null
                                : model.train(adversarial, batch.mask(), batch.labels());
                        NDList probed = probe == null ? null : model.train(probe, batch.mask(), batch.labels());
                        NDArray value = settings.loss().compute(natural, attacked, probed, batch.labels(),
                                (long) train.leads() * train.length());
                        collector.backward(value);
                        loss = scalar(value);
                        correct += natural.get(0).argMax(1).toType(batch.labels().getDataType(), false)
                                .eq(batch.labels()).sum().getLong();
                    }
                    boolean updated = optimiser.step(scratch) && Double.isFinite(loss);
                    if (updated) {
                        lossSum += loss * indices.length;
                        counted += indices.length;
                        badInARow = 0;
                    } else {
                        skippedSteps++;
                        if (++badInARow >= MAX_BAD_STEPS) {
                            throw new IllegalStateException("training diverged: loss " + loss + " at epoch " + epoch
                                    + ", batch " + b + ", " + MAX_BAD_STEPS + " steps in a row with a non-finite loss "
                                    + "or gradient (lower the learning rate)");
                        }
                    }
                }
                step++;
                double meanLoss = lossSum / Math.max(1, counted);
                listener.batch(epoch, b, batches, meanLoss);
                progress.update(((epoch - 1) * (double) batches + b + 1) / totalSteps,
                        String.format("epoch %d/%d, loss %.4f", epoch, settings.epochs(), meanLoss));
            }
            double trainLoss = counted == 0 ? Double.NaN : lossSum / counted;
            Evaluation eval = validation == null ? null : evaluate(model, manager, validation, settings);
            double monitored = eval == null ? trainLoss : eval.loss;
            EpochRecord record = new EpochRecord(epoch, trainLoss, correct / (double) train.size(),
                    eval == null ? Double.NaN : eval.loss, eval == null ? Double.NaN : eval.accuracy,
                    eval == null ? Double.NaN : eval.robustAccuracy, optimiser.learningRate(),
                    head == null ? Double.NaN : head.getP(), headProbe == null ? List.of() : headProbe.changedShares(),
                    (System.nanoTime() - start) / 1e9);
            history.add(record);
            listener.epoch(record);
            if (monitored < best) {
                best = monitored;
                bestEpoch = epoch;
                bestParameters = snapshot(model);
                sinceImprovement = 0;
            } else {
                sinceImprovement++;
            }
            if (monitored < plateauBest * (1 - PLATEAU_THRESHOLD)) {
                plateauBest = monitored;
                sincePlateau = 0;
            } else if (++sincePlateau > settings.plateauPatience()) {
                optimiser.setLearningRate(optimiser.learningRate() * 0.1);
                sincePlateau = 0;
            }
            if (settings.earlyStopping() > 0 && sinceImprovement >= settings.earlyStopping() && epoch < settings.epochs()) {
                stoppedEarly = true;
                break;
            }
        }
        if (bestParameters != null && bestEpoch != history.size()) {
            restore(model, manager, bestParameters);
        }
        if (head != null) {
            head.setP(Double.POSITIVE_INFINITY);
        }
        return new TrainingResult(history, bestEpoch, stoppedEarly, skippedSteps);
    }

    /**
     * The deciding inputs of the l-inf head's units on a fixed set of items at the start of training, and the share
     * of (item, unit) pairs of each layer whose deciding input has changed since: zero everywhere means the head
     * still computes its initial fixed readout.
     */
    private static final class HeadProbe {
        private static final int ITEMS = 256;
        private final Classifier model;
        private final NDManager manager;
        private final Dataset data;
        private final int[] items;
        private final List<long[]> initial;

        HeadProbe(Classifier model, NDManager manager, Dataset data) {
            this.model = model;
            this.manager = manager;
            this.data = data;
            this.items = Batch.range(0, Math.min(ITEMS, data.size()));
            this.initial = decidingInputs();
        }

        private List<long[]> decidingInputs() {
            try (Classifier.Frozen frozen = model.frozen(); NDManager scratch = manager.newSubManager()) {
                Batch b = Batch.of(data, items, scratch);
                return model.headDecidingInputs(b.x(), b.mask()).stream().map(NDArray::toLongArray).toList();
            }
        }

        List<Double> changedShares() {
            List<long[]> now = decidingInputs();
            List<Double> shares = new ArrayList<>();
            for (int layer = 0; layer < now.size(); layer++) {
                long[] a = initial.get(layer);
                long[] b = now.get(layer);
                long changed = 0;
                for (int i = 0; i < a.length; i++) {
                    changed += a[i] != b[i] ? 1 : 0;
                }
                shares.add(changed / (double) a.length);
            }
            return shares;
        }
    }

    /** PGD examples of a batch, made with the parameters frozen (no gradient reaches them). */
    private static NDArray adversary(Classifier model, Batch batch, TrainSettings settings) {
        if (settings.epsilon() == 0 || settings.attackSteps() == 0) {
            return batch.x();
        }
        try (Classifier.Frozen frozen = model.frozen()) {
            Function<NDList, NDArray> objective;
            if (settings.loss().objective() == Objective.TRADES) {
                NDArray natural = model.forward(batch.x(), batch.mask()).get(0).stopGradient();
                objective = out -> Losses.klPerSample(natural, out.get(0)).sum();
            } else {
                objective = out -> Losses.crossEntropy(out.get(0), batch.labels());
            }
            PgdSettings pgd = new PgdSettings(settings.epsilon(), settings.stepSize(), settings.attackSteps(), true,
                    settings.lower(), settings.upper());
            return Pgd.perturb(model, batch.x(), batch.mask(), pgd, objective).stopGradient();
        }
    }

    /**
     * The input moved by the probe step along a direction: a random unit direction per sample (Jacobian),
     * or the sign of the true logit's input gradient, found with the parameters frozen (NSR).
     */
    private static NDArray probe(Classifier model, Batch batch, TrainSettings settings) {
        NDArray x = batch.x();
        NDArray direction;
        if (settings.loss().objective() == Objective.JACOBIAN) {
            NDArray u = x.getManager().randomNormal(x.getShape());
            if (batch.mask() != null) {
                u = u.mul(batch.mask().expandDims(1));
            }
            direction = u.div(u.square().sum(new int[] {1, 2}, true).sqrt().maximum(1e-12f));
        } else {
            try (Classifier.Frozen frozen = model.frozen()) {
                NDArray trueLogit = InputGradient.at(model, x, batch.mask(), x.getManager(), out -> out.get(0)
                        .mul(Losses.oneHot(batch.labels(), out.get(0))).sum(new int[] {1})).gradient();
                direction = trueLogit.sign();
            }
        }
        return x.add(direction.mul(settings.loss().probeStep())).stopGradient();
    }

    private record Evaluation(double loss, double accuracy, double robustAccuracy) {
    }

    /** Natural loss and accuracy on the validation set, and accuracy under the adversary on a subset of it. */
    private static Evaluation evaluate(Classifier model, NDManager manager, Dataset validation, TrainSettings settings) {
        LinfHead head = model.network().linfHead();
        double p = head == null ? Double.NaN : head.getP();
        if (head != null) {
            head.setP(Double.POSITIVE_INFINITY);
        }
        try (Classifier.Frozen frozen = model.frozen()) {
            double loss = 0;
            long correct = 0;
            for (int from = 0; from < validation.size(); from += settings.batchSize()) {
                try (NDManager scratch = manager.newSubManager()) {
                    Batch b = Batch.of(validation, Batch.range(from, Math.min(validation.size(), from + settings.batchSize())),
                            scratch);
                    NDArray logits = model.forward(b.x(), b.mask()).get(0);
                    loss += scalar(Losses.crossEntropy(logits, b.labels())) * b.indices().length;
                    correct += logits.argMax(1).toType(b.labels().getDataType(), false).eq(b.labels()).sum().getLong();
                }
            }
            double robust = Double.NaN;
            int n = Math.min(settings.robustSamples(), validation.size());
            if (n > 0 && settings.epsilon() > 0) {
                long robustCorrect = 0;
                int[] subset = permutation(validation.size(), new Random(settings.seed() + 7));
                for (int from = 0; from < n; from += settings.batchSize()) {
                    try (NDManager scratch = manager.newSubManager()) {
                        int[] idx = java.util.Arrays.copyOfRange(subset, from, Math.min(n, from + settings.batchSize()));
                        Batch b = Batch.of(validation, idx, scratch);
                        PgdSettings pgd = new PgdSettings(settings.epsilon(), settings.stepSize(),
                                Math.max(1, settings.attackSteps()), true, settings.lower(), settings.upper());
                        NDArray adv = Pgd.perturb(model, b.x(), b.mask(), pgd,
                                out -> Losses.crossEntropy(out.get(0), b.labels()));
                        robustCorrect += model.forward(adv, b.mask()).get(0).argMax(1)
                                .toType(b.labels().getDataType(), false).eq(b.labels()).sum().getLong();
                    }
                }
                robust = robustCorrect / (double) n;
            }
            return new Evaluation(loss / validation.size(), correct / (double) validation.size(), robust);
        } finally {
            if (head != null) {
                head.setP(p);
            }
        }
    }

    private static double scalar(NDArray value) {
        return value.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
    }

    private static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static byte[] snapshot(Classifier model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.network().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void restore(Classifier model, NDManager manager, byte[] parameters) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            model.network().loadParameters(manager, in);
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("cannot restore the best epoch's parameters", e);
        }
    }
}
