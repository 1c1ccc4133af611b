package org.robustecg.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.robustecg.data.Batch;
import org.robustecg.data.Dataset;
import org.robustecg.model.Inference;
import org.robustecg.model.TrainedModel;
import org.robustecg.progress.Progress;

/** Runs one attack over a grid of radii on a dataset, batch by batch, with the parameters frozen. */
public final class RobustnessEvaluation {

    private RobustnessEvaluation() {
    }

    /**
     * Rows for every sample: one clean row (radius 0) and one per radius of the grid.
     *
     * @param epsilons radii, each > 0
     */
    public static List<AttackRecord> run(TrainedModel model, Dataset data, AttackSettings settings, double[] epsilons,
            int batchSize, Progress progress) {
        return run(model, null, data, settings, epsilons, batchSize, progress);
    }

    /**
     * As {@link #run(TrainedModel, Dataset, AttackSettings, double[], int, Progress)}, but the adversarial
     * examples are made on {@code source} and transferred to {@code model} (a check for gradient masking:
     * a model that only hides its gradients falls to examples made on another model). Attack names get the
     * prefix "transfer-".
     */
    public static List<AttackRecord> run(TrainedModel model, TrainedModel source, Dataset data, AttackSettings settings,
            double[] epsilons, int batchSize, Progress progress) {
        Inference.check(model, data);
        if (source != null) {
            Inference.check(source, data);
        }
        TrainedModel attacked = source == null ? model : source;
        List<String> classes = model.info().classNames();
        String name = (source == null ? "" : "transfer-") + settings.kind().cliName();
        List<AttackRecord> rows = new ArrayList<>();
        model.classifier().freeze(true);
        attacked.classifier().freeze(true);
        try {
            int batches = (data.size() + batchSize - 1) / batchSize;
            for (int b = 0; b < batches; b++) {
                int from = b * batchSize;
                int to = Math.min(data.size(), from + batchSize);
                try (NDManager scratch = model.manager().newSubManager()) {
                    Batch batch = Batch.of(data, Batch.range(from, to), scratch);
                    int[] clean = predict(model, batch.x(), batch.mask());
                    for (int i = 0; i < clean.length; i++) {
                        int label = data.labels()[from + i];
                        rows.add(new AttackRecord(name, 0, from + i, classes.get(label), classes.get(clean[i]),
                                classes.get(clean[i]), 0, 0, Double.POSITIVE_INFINITY));
                    }
                    for (int e = 0; e < epsilons.length; e++) {
                        progress.checkCancelled();
                        try (NDManager step = scratch.newSubManager()) {
                            NDArray x = batch.x().duplicate();
                            x.attach(step);
                            NDArray adversarial = Attacks.run(attacked.classifier(), x, batch.mask(), batch.labels(),
                                    epsilons[e], settings.withSeed(settings.seed() + 1000L * b + e));
                            int[] predicted = predict(model, adversarial, batch.mask());
                            NDArray delta = adversarial.sub(x);
                            float[] linf = delta.abs().reshape(delta.getShape().get(0), -1).max(new int[] {1}).toFloatArray();
                            float[] energy = delta.square().sum(new int[] {1, 2}).toFloatArray();
                            float[] signal = x.square().sum(new int[] {1, 2}).toFloatArray();
                            for (int i = 0; i < predicted.length; i++) {
                                int label = data.labels()[from + i];
                                double snr = energy[i] == 0 ? Double.POSITIVE_INFINITY
                                        : 10 * Math.log10(signal[i] / energy[i]);
                                rows.add(new AttackRecord(name, epsilons[e], from + i, classes.get(label),
                                        classes.get(predicted[i]), classes.get(clean[i]), linf[i], Math.sqrt(energy[i]),
                                        snr));
                            }
                        }
                        progress.update((b * epsilons.length + e + 1) / (double) (batches * epsilons.length),
                                name + " eps " + epsilons[e]);
                    }
                }
            }
        } finally {
            model.classifier().freeze(false);
            attacked.classifier().freeze(false);
        }
        return rows;
    }

    private static int[] predict(TrainedModel model, NDArray x, NDArray mask) {
        return model.classifier().forward(x, mask).get(0).argMax(1).toType(DataType.INT32, false).toIntArray();
    }
}
