package org.robustecg.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.robustecg.data.Batch;
import org.robustecg.data.Dataset;
import org.robustecg.model.AttackTarget;
import org.robustecg.model.Inference;
import org.robustecg.model.TrainedModel;
import org.robustecg.progress.Progress;

/**
 * Runs one attack over a grid of radii on a range of a dataset in one pass: the predictions of every item, clean
 * and at every radius, and, when asked, the adversarial items behind those predictions. Nothing is attacked twice,
 * so a saved or plotted adversarial item is exactly the one that was scored. The radii are nested (METHOD 5.12):
 * an item broken at a radius keeps that adversarial item at every larger radius and is attacked only until then,
 * so the accuracy never rises with the radius and the large radii cost only the items still standing. An item's
 * result does not depend on the batch or range it is attacked in (see {@link BeatRandom}): ranges of one dataset
 * give, concatenated, the rows of the whole. Every forward pass of the attack first checks for cancellation.
 */
public final class RobustnessEvaluation {

    private RobustnessEvaluation() {
    }

    /**
     * Which adversarial items a pass keeps.
     *
     * @param radii the radii whose adversarial items are kept
     * @param items how many items from the start of the range are kept at each (all for {@link Integer#MAX_VALUE})
     */
    public record Keep(double[] radii, int items) {

        public static final Keep NONE = new Keep(new double[0], 0);

        public Keep {
            radii = radii.clone();
        }

        /** Every item at every one of these radii. */
        public static Keep all(double... radii) {
            return new Keep(radii, Integer.MAX_VALUE);
        }

        boolean at(double eps) {
            return items > 0 && Arrays.stream(radii).anyMatch(r -> r == eps);
        }
    }

    /**
     * @param rows        per item of the range in order, its clean row (radius 0), then one row per radius
     * @param adversarial per kept radius, the kept items as attacked (labels, record ids, positions, mask kept)
     */
    public record Result(List<AttackRecord> rows, Map<Double, Dataset> adversarial) {
    }

    /** Every item of the dataset, nothing kept: the rows only. */
    public static List<AttackRecord> rows(TrainedModel model, Dataset data, AttackSettings settings, double[] epsilons,
            int batchSize, Progress progress) {
        return run(model, null, data, settings, epsilons, batchSize, 0, data.size(), Keep.NONE, progress).rows();
    }

    /**
     * The pass over items {@code [from, to)}. With {@code source} non-null the adversarial examples are made on
     * the source and transferred to {@code model} (a check for gradient masking: a model that only hides its
     * gradients falls to examples made on another model); attack names get the prefix "transfer-".
     *
     * @param epsilons radii, each > 0
     */
    public static Result run(TrainedModel model, TrainedModel source, Dataset data, AttackSettings settings,
            double[] epsilons, int batchSize, int from, int to, Keep keep, Progress progress) {
        Inference.check(model, data);
        if (source != null) {
            Inference.check(source, data);
        }
        TrainedModel attacked = source == null ? model : source;
        List<String> classes = model.info().classNames();
        String name = (source == null ? "" : "transfer-") + settings.kind().cliName();
        List<AttackRecord> rows = new ArrayList<>();
        int stride = data.leads() * data.length();
        int keptItems = (int) Math.min(to - from, (long) keep.items());
        Map<Double, float[]> kept = new LinkedHashMap<>();
        for (double eps : epsilons) {
            if (keep.at(eps)) {
                kept.put(eps, new float[keptItems * stride]);
            }
        }
        // Radii ascending: a beat broken at one radius is broken, with the same point, at every larger one.
        int[] ascending = IntStream.range(0, epsilons.length).boxed()
                .sorted(Comparator.comparingDouble(e -> epsilons[e])).mapToInt(Integer::intValue).toArray();
        Inference.inBatches(data, from, to, batchSize, progress, name, (batch, start, end, part) -> {
            int n = end - start;
            NestedBeats beats = new NestedBeats(batch, attacked.classifier().stoppedBy(part),
                    model.classifier().stoppedBy(part), settings);
            int[] clean = beats.predict(batch.x(), batch.mask());
            int[][] predicted = new int[epsilons.length][];
            double[][][] size = new double[epsilons.length][][];
            for (int k = 0; k < ascending.length; k++) {
                int e = ascending[k];
                beats.attack(epsilons[e]);
                predicted[e] = beats.prediction.clone();
                size[e] = new double[][] {beats.size[0].clone(), beats.size[1].clone(), beats.size[2].clone()};
                float[] store = kept.get(epsilons[e]);
                int keepTo = Math.min(end, from + keptItems);
                if (store != null && start < keepTo) {
                    System.arraycopy(beats.points, 0, store, (start - from) * stride, (keepTo - start) * stride);
                }
                part.update((k + 1) / (double) epsilons.length, name + " eps " + epsilons[e]);
            }
            for (int i = 0; i < n; i++) {
                int item = start + i;
                String label = classes.get(data.labels()[item]);
                String cleanPrediction = classes.get(clean[i]);
                rows.add(new AttackRecord(name, 0, item, label, cleanPrediction, cleanPrediction, 0, 0,
                        Double.POSITIVE_INFINITY));
                for (int e = 0; e < epsilons.length; e++) {
                    rows.add(new AttackRecord(name, epsilons[e], item, label, classes.get(predicted[e][i]),
                            cleanPrediction, size[e][0][i], size[e][1][i], size[e][2][i]));
                }
            }
        }, model, attacked);
        Map<Double, Dataset> adversarial = new LinkedHashMap<>();
        kept.forEach((eps, signals) -> adversarial.put(eps, attackedItems(data, from, keptItems, signals)));
        return new Result(rows, adversarial);
    }

    /** Per item: the l-inf and l2 norms of the perturbation and the SNR in dB (infinite for no change). */
    private static double[][] sizes(NDArray x, NDArray adversarial) {
        NDArray delta = adversarial.sub(x);
        float[] linf = delta.abs().reshape(delta.getShape().get(0), -1).max(new int[] {1}).toFloatArray();
        float[] energy = delta.square().sum(new int[] {1, 2}).toFloatArray();
        float[] signal = x.square().sum(new int[] {1, 2}).toFloatArray();
        double[][] out = new double[3][linf.length];
        for (int i = 0; i < linf.length; i++) {
            out[0][i] = linf[i];
            out[1][i] = Math.sqrt(energy[i]);
            out[2][i] = energy[i] == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal[i] / energy[i]);
        }
        return out;
    }

    /** Items {@code [from, from + count)} of the data with the given signals. */
    private static Dataset attackedItems(Dataset data, int from, int count, float[] signals) {
        Dataset items = data.select(Batch.range(from, from + count));
        return new Dataset(signals, count, data.leads(), data.length(), items.labels(), data.classNames(),
                items.recordIds(), items.positions(), items.mask(), data.samplingFrequency());
    }

    /**
     * One batch's beats over the radii in ascending order. The model's answer on a beat at a radius is the point the
     * attack made there; once the model gets the beat wrong (its prediction differs from its label, as the scorer
     * counts a broken beat), that point lies in every larger ball (same norm, same value range), so it stays the
     * beat's point, prediction and sizes at every larger radius and the beat is not attacked again.
     */
    private static final class NestedBeats {

        private final Batch batch;
        private final AttackTarget attacked;
        private final AttackTarget evaluated;
        private final AttackSettings settings;
        private final float[] signals;
        private final float[] maskValues;
        private final int[] truth;
        private final int stride;
        private final boolean[] broken;
        /** Per beat: its latest adversarial point, the evaluated model's prediction there and its sizes. */
        final float[] points;
        final int[] prediction;
        final double[][] size;

        NestedBeats(Batch batch, AttackTarget attacked, AttackTarget evaluated, AttackSettings settings) {
            this.batch = batch;
            this.attacked = attacked;
            this.evaluated = evaluated;
            this.settings = settings;
            int n = (int) batch.x().getShape().get(0);
            signals = batch.x().toType(DataType.FLOAT32, false).toFloatArray();
            maskValues = batch.mask() == null ? null : batch.mask().toType(DataType.FLOAT32, false).toFloatArray();
            truth = batch.labels().toType(DataType.INT32, false).toIntArray();
            stride = signals.length / n;
            broken = new boolean[n];
            points = signals.clone();
            prediction = new int[n];
            size = new double[3][n];
        }

        /** Attacks at radius eps the beats not yet broken (at a radius below eps). */
        void attack(double eps) {
            int[] open = IntStream.range(0, broken.length).filter(i -> !broken[i]).toArray();
            if (open.length == 0) {
                return;
            }
            NDArray whole = batch.x();
            Shape shape = whole.getShape();
            int length = (int) shape.get(2);
            // Each radius's arrays are freed before the next.
            try (NDManager step = whole.getManager().newSubManager()) {
                NDArray x = step.create(rows(signals, open, stride), new Shape(open.length, shape.get(1), length))
                        .toType(whole.getDataType(), false);
                NDArray mask = maskValues == null ? null : step.create(rows(maskValues, open, length),
                        new Shape(open.length, length)).toType(batch.mask().getDataType(), false);
                NDArray labels = step.create(Arrays.stream(open).map(i -> truth[i]).toArray())
                        .toType(batch.labels().getDataType(), false);
                NDArray adversarial = Attacks.run(attacked, x, mask, labels, eps, settings);
                int[] p = predict(adversarial, mask);
                double[][] s = sizes(x, adversarial);
                float[] a = adversarial.toType(DataType.FLOAT32, false).toFloatArray();
                for (int j = 0; j < open.length; j++) {
                    int i = open[j];
                    prediction[i] = p[j];
                    for (int k = 0; k < 3; k++) {
                        size[k][i] = s[k][j];
                    }
                    System.arraycopy(a, j * stride, points, i * stride, stride);
                    broken[i] = p[j] != truth[i];
                }
            }
        }

        /** The evaluated model's predicted class per item. */
        int[] predict(NDArray x, NDArray mask) {
            return evaluated.forward(x, mask).get(0).argMax(1).toType(DataType.INT32, false).toIntArray();
        }

        /** The rows {@code rows} ({@code stride} values each) of {@code values}, in that order. */
        private static float[] rows(float[] values, int[] rows, int stride) {
            float[] out = new float[rows.length * stride];
            for (int j = 0; j < rows.length; j++) {
                System.arraycopy(values, rows[j] * stride, out, j * stride, stride);
            }
            return out;
        }
    }
}
