package org.robustecg.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.robustecg.model.AttackTarget;

/**
 * Attacks run one after another, each only on the beats that the model still classifies correctly, as
 * AutoAttack runs its members: a beat's result is the point of the first member that broke it (the clean beat
 * if none did). The members draw their random numbers per beat ({@link BeatRandom}), so each does on a beat
 * what it does when run alone on the whole batch: per beat the sequence is at least as strong as each member.
 * Beats the model gets wrong on clean input are not attacked.
 */
final class Ensemble {

    /** One run on a sub-batch; {@code rows} are the sub-batch's rows in the whole batch. */
    @FunctionalInterface
    private interface Member {
        NDArray attack(NDArray x, NDArray mask, NDArray labels, int[] rows);
    }

    private Ensemble() {
    }

    /** AutoAttack's standard sequence: APGD-CE, APGD-T (targeted DLR, each target class in turn), Square. */
    static NDArray run(AttackTarget target, NDArray x, NDArray mask, NDArray labels, double eps, AttackSettings s) {
        List<Member> members = new ArrayList<>();
        AttackSettings apgd = s.toBuilder().kind(AttackKind.APGD).build();
        AttackSettings square = s.toBuilder().kind(AttackKind.SQUARE).build();
        members.add((sx, sm, sl, rows) -> Apgd.run(target, sx, sm, sl, eps, apgd, Apgd.Loss.CE, null));
        members.addAll(targetedRuns(target, x, mask, labels, eps, s));
        members.add((sx, sm, sl, rows) -> Square.run(target, sx, sm, sl, eps, square));
        return sweep(target, x, mask, labels, members);
    }

    /** APGD-T: targeted DLR towards each of the top-k other classes of the clean logits in turn. */
    static NDArray targeted(AttackTarget target, NDArray x, NDArray mask, NDArray labels, double eps,
            AttackSettings s) {
        return sweep(target, x, mask, labels, targetedRuns(target, x, mask, labels, eps, s));
    }

    private static List<Member> targetedRuns(AttackTarget target, NDArray x, NDArray mask, NDArray labels, double eps,
            AttackSettings s) {
        int[][] others = othersByLogit(target, x, mask, labels);
        int k = Math.min(s.targets(), others.length == 0 ? 0 : others[0].length);
        AttackSettings apgdT = s.toBuilder().kind(AttackKind.APGD_T).build();
        List<Member> runs = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            int rank = r;
            runs.add((sx, sm, sl, rows) -> {
                int[] t = new int[rows.length];
                for (int j = 0; j < rows.length; j++) {
                    t[j] = others[rows[j]][rank];
                }
                NDArray targets = sx.getManager().create(t).toType(sl.getDataType(), false);
                return Apgd.run(target, sx, sm, sl, eps, apgdT, Apgd.Loss.DLR_TARGETED, targets);
            });
        }
        return runs;
    }

    /** Per beat, the classes other than its label, by clean logit, largest first. */
    private static int[][] othersByLogit(AttackTarget target, NDArray x, NDArray mask, NDArray labels) {
        int n = (int) x.getShape().get(0);
        int[] truth = labels.toType(DataType.INT32, false).toIntArray();
        float[] logits;
        try (NDManager scratch = x.getManager().newSubManager()) {
            AttackState.borrow(scratch, x);
            AttackState.borrow(scratch, mask);
            logits = target.forward(x, mask).get(0).toType(DataType.FLOAT32, false).toFloatArray();
        }
        int classes = logits.length / n;
        int[][] others = new int[n][];
        for (int i = 0; i < n; i++) {
            int row = i;
            others[i] = java.util.stream.IntStream.range(0, classes).filter(k -> k != truth[row]).boxed()
                    .sorted((a, b) -> Float.compare(logits[row * classes + b], logits[row * classes + a]))
                    .mapToInt(Integer::intValue).toArray();
        }
        return others;
    }

    private static NDArray sweep(AttackTarget target, NDArray x, NDArray mask, NDArray labels, List<Member> members) {
        Shape shape = x.getShape();
        int n = (int) shape.get(0);
        int stride = (int) (shape.size() / n);
        int maskStride = mask == null ? 0 : (int) (mask.getShape().size() / n);
        float[] clean = x.toType(DataType.FLOAT32, false).toFloatArray();
        float[] maskValues = mask == null ? null : mask.toType(DataType.FLOAT32, false).toFloatArray();
        int[] truth = labels.toType(DataType.INT32, false).toIntArray();
        float[] result = clean.clone();
        boolean[] open = new boolean[n];
        int[] everyRow = java.util.stream.IntStream.range(0, n).toArray();
        boolean[] right = correct(target, x, mask, truth, everyRow);
        System.arraycopy(right, 0, open, 0, n);
        for (Member member : members) {
            int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> open[i]).toArray();
            if (rows.length == 0) {
                break;
            }
            try (NDManager scratch = x.getManager().newSubManager()) {
                NDArray sx = scratch.create(gather(clean, rows, stride), subShape(shape, rows.length))
                        .toType(x.getDataType(), false);
                NDArray sm = mask == null ? null : scratch.create(gather(maskValues, rows, maskStride),
                        subShape(mask.getShape(), rows.length)).toType(mask.getDataType(), false);
                int[] subTruth = new int[rows.length];
                for (int j = 0; j < rows.length; j++) {
                    subTruth[j] = truth[rows[j]];
                }
                NDArray sl = scratch.create(subTruth).toType(labels.getDataType(), false);
                NDArray adversarial = member.attack(sx, sm, sl, rows);
                float[] a = adversarial.toType(DataType.FLOAT32, false).toFloatArray();
                boolean[] stillRight = correct(target, adversarial, sm, truth, rows);
                for (int j = 0; j < rows.length; j++) {
                    if (!stillRight[j]) {
                        System.arraycopy(a, j * stride, result, rows[j] * stride, stride);
                        open[rows[j]] = false;
                    }
                }
            }
        }
        return x.getManager().create(result, shape).toType(x.getDataType(), false);
    }

    /** Whether the model classifies each row of {@code x} (batch rows {@code rows}) correctly. */
    private static boolean[] correct(AttackTarget target, NDArray x, NDArray mask, int[] truth, int[] rows) {
        int[] predicted;
        try (NDManager scratch = x.getManager().newSubManager()) {
            AttackState.borrow(scratch, x);
            AttackState.borrow(scratch, mask);
            predicted = target.forward(x, mask).get(0).argMax(1).toType(DataType.INT32, false).toIntArray();
        }
        boolean[] right = new boolean[rows.length];
        for (int j = 0; j < rows.length; j++) {
            right[j] = predicted[j] == truth[rows[j]];
        }
        return right;
    }

    private static float[] gather(float[] values, int[] rows, int stride) {
        float[] out = new float[rows.length * stride];
        for (int j = 0; j < rows.length; j++) {
            System.arraycopy(values, rows[j] * stride, out, j * stride, stride);
        }
        return out;
    }

    private static Shape subShape(Shape shape, int rows) {
        long[] dims = shape.getShape().clone();
        dims[0] = rows;
        return new Shape(dims);
    }
}
