package org.robustecg.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.robustecg.model.AttackTarget;

/**
 * Square Attack (Andriushchenko et al., ECCV 2020), l-inf, adapted to signals: a random search that reads only
 * the model's outputs, so masked or shattered gradients do not stop it. It starts with every valid sample of
 * every lead at x + eps or x - eps (random sign). Each further query changes, per beat, one window of
 * contiguous valid samples, the same window in every lead (as the paper's square spans the colour channels)
 * with a new random sign per lead, and keeps the change when it lowers the margin z_y - max_{k != y} z_k. The
 * window covers a share p of the beat's valid samples; p starts at {@code squareInit} and halves on the paper's
 * schedule, rescaled to the query budget. A beat stops once its margin is not positive. Padded samples
 * (mask 0) keep their value; with clamping, values stay in the data range.
 */
final class Square {

    /** The paper's iterations (of 10,000) after which p halves. */
    private static final int[] HALVINGS = {10, 50, 200, 500, 1000, 2000, 4000, 6000, 8000};
    /** Draws of new signs before a window that changes nothing is accepted as it is. */
    private static final int REDRAWS = 10;

    private Square() {
    }

    static NDArray run(AttackTarget target, NDArray x, NDArray mask, NDArray labels, double eps, AttackSettings s) {
        Shape shape = x.getShape();
        int n = (int) shape.get(0);
        int leads = (int) shape.get(1);
        int length = (int) shape.get(2);
        float[] clean = x.toType(DataType.FLOAT32, false).toFloatArray();
        float[] maskValues = mask == null ? null : mask.toType(DataType.FLOAT32, false).toFloatArray();
        int[] truth = labels.toType(DataType.INT32, false).toIntArray();
        PgdSettings range = s.pgd(eps, false);
        int[][] valid = new int[n][];
        for (int i = 0; i < n; i++) {
            int count = 0;
            int[] positions = new int[length];
            for (int t = 0; t < length; t++) {
                if (maskValues == null || maskValues[i * length + t] != 0) {
                    positions[count++] = t;
                }
            }
            valid[i] = java.util.Arrays.copyOf(positions, count);
        }
        SplittableRandom[] random = BeatRandom.streams(clean, n, s.seed());
        float[] adversarial = clean.clone();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < leads; c++) {
                for (int t : valid[i]) {
                    int at = (i * leads + c) * length + t;
                    adversarial[at] = corner(clean[at], random[i].nextBoolean(), eps, range);
                }
            }
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        float[] margin = margins(target, x, mask, adversarial, maskValues, truth, all);
        int stride = leads * length;
        for (int q = 1; q < s.queries(); q++) {
            int[] active = java.util.stream.IntStream.range(0, n).filter(i -> margin[i] > 0 && valid[i].length > 0)
                    .toArray();
            if (active.length == 0) {
                break;
            }
            double p = share(q - 1, s.queries(), s.squareInit());
            float[] candidates = new float[active.length * stride];
            for (int j = 0; j < active.length; j++) {
                int i = active[j];
                System.arraycopy(adversarial, i * stride, candidates, j * stride, stride);
                int[] positions = valid[i];
                int window = (int) Math.max(1, Math.min(positions.length, Math.round(p * positions.length)));
                int start = random[i].nextInt(positions.length - window + 1);
                boolean changed = false;
                for (int draw = 0; draw < REDRAWS && !changed; draw++) {
                    for (int c = 0; c < leads; c++) {
                        boolean up = random[i].nextBoolean();
                        for (int w = start; w < start + window; w++) {
                            int t = positions[w];
                            float v = corner(clean[(i * leads + c) * length + t], up, eps, range);
                            int at = j * stride + c * length + t;
                            changed |= v != candidates[at];
                            candidates[at] = v;
                        }
                    }
                }
            }
            float[] next = margins(target, x, mask, candidates, maskValues, truth, active);
            for (int j = 0; j < active.length; j++) {
                if (next[j] < margin[active[j]]) {
                    margin[active[j]] = next[j];
                    System.arraycopy(candidates, j * stride, adversarial, active[j] * stride, stride);
                }
            }
        }
        return x.getManager().create(adversarial, shape).toType(x.getDataType(), false);
    }

    /** x moved by eps up or down, in the range. */
    private static float corner(float clean, boolean up, double eps, PgdSettings range) {
        float v = (float) (up ? clean + eps : clean - eps);
        return Math.min(Math.max(v, range.lower()), range.upper());
    }

    /**
     * The share of valid samples changed at query {@code iteration} (0 = the first after the start) of a
     * budget: {@code init} halved once for each of the paper's thresholds passed, rescaled to the budget.
     */
    static double share(int iteration, int budget, double init) {
        int scaled = (int) ((long) iteration * 10000 / budget);
        double p = init;
        for (int threshold : HALVINGS) {
            if (scaled > threshold) {
                p /= 2;
            }
        }
        return p;
    }

    /** The margin z_y - max_{k != y} z_k of each of {@code rows} (the batch rows the signals belong to). */
    private static float[] margins(AttackTarget target, NDArray like, NDArray mask, float[] signals,
            float[] maskValues, int[] truth, int[] rows) {
        int leads = (int) like.getShape().get(1);
        int length = (int) like.getShape().get(2);
        try (NDManager scratch = like.getManager().newSubManager()) {
            NDArray x = scratch.create(signals, new Shape(rows.length, leads, length)).toType(like.getDataType(), false);
            NDArray m = null;
            if (maskValues != null) {
                float[] sub = new float[rows.length * length];
                for (int j = 0; j < rows.length; j++) {
                    System.arraycopy(maskValues, rows[j] * length, sub, j * length, length);
                }
                m = scratch.create(sub, new Shape(rows.length, length)).toType(mask.getDataType(), false);
            }
            float[] logits = target.forward(x, m).get(0).toType(DataType.FLOAT32, false).toFloatArray();
            int classes = logits.length / rows.length;
            float[] margin = new float[rows.length];
            for (int j = 0; j < rows.length; j++) {
                int y = truth[rows[j]];
                float other = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    if (k != y) {
                        other = Math.max(other, logits[j * classes + k]);
                    }
                }
                margin[j] = logits[j * classes + y] - other;
            }
            return margin;
        }
    }
}
