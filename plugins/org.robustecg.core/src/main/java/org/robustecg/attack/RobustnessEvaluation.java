package org.robustecg.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.robustecg.data.Batch;
import org.robustecg.data.Dataset;
import org.robustecg.model.Inference;
import org.robustecg.model.TrainedModel;
import org.robustecg.progress.Progress;

/**
 * Runs one attack over a grid of radii on a range of a dataset in one pass: the predictions of every item, clean
 * and at every radius, and, when asked, the adversarial items behind those predictions. Nothing is attacked twice,
 * so a saved or plotted adversarial item is exactly the one that was scored. An item's result does not depend on
 * the batch or range it is attacked in (see {@link BeatRandom}): ranges of one dataset give, concatenated, the
 * rows of the whole.
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
        Inference.inBatches(data, from, to, batchSize, progress, name, (batch, start, end, part) -> {
            int n = end - start;
            int[] clean = predict(model, batch.x(), batch.mask());
            String[][] predicted = new String[epsilons.length][n];
            double[][][] size = new double[epsilons.length][][];
            for (int e = 0; e < epsilons.length; e++) {
                part.checkCancelled();
                // Each radius's arrays are freed before the next.
                try (NDManager step = batch.x().getManager().newSubManager()) {
                    NDArray x = batch.x().duplicate();
                    x.attach(step);
                    NDArray adversarial = Attacks.run(attacked.classifier(), x, batch.mask(), batch.labels(),
                            epsilons[e], settings);
                    int[] p = predict(model, adversarial, batch.mask());
                    for (int i = 0; i < n; i++) {
                        predicted[e][i] = classes.get(p[i]);
                    }
                    size[e] = sizes(x, adversarial);
                    float[] store = kept.get(epsilons[e]);
                    int keepTo = Math.min(end, from + keptItems);
                    if (store != null && start < keepTo) {
                        System.arraycopy(adversarial.toFloatArray(), 0, store, (start - from) * stride,
                                (keepTo - start) * stride);
                    }
                }
                part.update((e + 1) / (double) epsilons.length, name + " eps " + epsilons[e]);
            }
            for (int i = 0; i < n; i++) {
                int item = start + i;
                String label = classes.get(data.labels()[item]);
                String cleanPrediction = classes.get(clean[i]);
                rows.add(new AttackRecord(name, 0, item, label, cleanPrediction, cleanPrediction, 0, 0,
                        Double.POSITIVE_INFINITY));
                for (int e = 0; e < epsilons.length; e++) {
                    rows.add(new AttackRecord(name, epsilons[e], item, label, predicted[e][i], cleanPrediction,
                            size[e][0][i], size[e][1][i], size[e][2][i]));
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

    private static int[] predict(TrainedModel model, NDArray x, NDArray mask) {
        return model.classifier().forward(x, mask).get(0).argMax(1).toType(DataType.INT32, false).toIntArray();
    }
}
