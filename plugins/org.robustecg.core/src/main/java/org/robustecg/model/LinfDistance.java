package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A layer of l-inf distance neurons (Zhang et al., ICML 2021): {@code u_j(x) = ||x - w_j||_p + b_j}. With
 * p = infinity the layer is 1-Lipschitz in the l-inf norm. During training p may be finite (the l-p
 * relaxation), computed stably as {@code m * ||d / m||_p} with {@code m = max |d|}. The exact l-inf form
 * finds each output's arg-max input without gradient, in chunks of bounded size, then gathers the winning
 * {@code |x_i - w_ji|} with gradient.
 * <p>Hidden layers use mean-shift normalisation: the batch mean of each unit is subtracted in training
 * (and tracked), the running mean at inference; no scaling.
 */
public final class LinfDistance extends AbstractBlock {

    /** Temporaries of one chunk stay near this many bytes. */
    private static final long CHUNK_BYTES = 16L << 20;
    private static final float RUNNING_MOMENTUM = 0.1f;
    /** The "identity" initialisation puts this weight on input j mod n for unit j. */
    private static final float IDENTITY_WEIGHT = -10f;

    private final int units;
    private final boolean meanShift;
    private final boolean identity;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter runningMean;
    private double p = Double.POSITIVE_INFINITY;

    /**
     * @param meanShift subtract the batch mean of each unit (hidden layers)
     * @param identity  start each unit close to one input (only meaningful where the layer has at least as many
     *                  units as inputs: every input then has a unit that copies it); else plain N(0, 1) weights
     */
    public LinfDistance(int units, boolean meanShift, boolean identity) {
        this.units = units;
        this.meanShift = meanShift;
        this.identity = identity;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optInitializer(this::initialWeights).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
        runningMean = meanShift ? addParameter(Parameter.builder().setName("running_mean")
                .setType(Parameter.Type.RUNNING_MEAN).optRequiresGrad(false).build()) : null;
    }

    /** N(0, 1) weights; with the identity initialisation also w[j, j mod n_in] = -10. */
    private NDArray initialWeights(NDManager manager, Shape shape, DataType dataType) {
        int out = (int) shape.get(0);
        int in = (int) shape.get(1);
        float[] w = manager.randomNormal(0, 1, shape, DataType.FLOAT32).toFloatArray();
        if (identity) {
            for (int j = 0; j < out; j++) {
                w[j * in + j % in] = IDENTITY_WEIGHT;
            }
        }
        return manager.create(w, shape).toType(dataType, false);
    }

    /** The norm used: a finite p during the relaxation phase of training, infinity otherwise. */
    public void setP(double p) {
        if (!(p >= 1)) {
            throw new IllegalArgumentException("p must be at least 1, is " + p);
        }
        this.p = p;
    }

    public double getP() {
        return p;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray distance = Double.isInfinite(p) ? linf(x, w) : lp(x, w, p);
        NDArray out = distance.add(Masks.local(store.getValue(bias, x.getDevice(), training).expandDims(0), x));
        if (meanShift) {
            NDArray running = store.getValue(runningMean, x.getDevice(), training);
            if (training) {
                NDArray mean = out.mean(new int[] {0});
                NDArray update = mean.stopGradient().sub(running).mul(RUNNING_MOMENTUM);
                running.addi(update);
                out = out.sub(mean.expandDims(0));
            } else {
                out = out.sub(Masks.local(running.expandDims(0), x));
            }
        }
        return new NDList(out);
    }

    /** Exact l-inf distances {@code [B, units]}. */
    private static NDArray linf(NDArray x, NDArray w) {
        NDArray index = decidingInputs(x, w);
        NDArray xWinners = x.gather(index, 1);
        NDArray wWinners = Masks.local(w.gather(index.transpose(), 1), x).transpose();
        return xWinners.sub(wWinners).abs();
    }

    /**
     * For each item and unit, the input whose distance decides the l-inf norm ({@code [B, units]}, int64, no
     * gradient), in chunks whose temporaries stay near {@link #CHUNK_BYTES}; the result lives in x's manager.
     */
    private static NDArray decidingInputs(NDArray x, NDArray w) {
        long batch = x.getShape().get(0);
        long chunk = chunkSize(w.getShape().get(0), x.getShape().get(1));
        List<NDArray> winners = new ArrayList<>();
        try (NDManager scratch = x.getManager().newSubManager()) {
            NDArray xs = x.stopGradient();
            NDArray ws = w.stopGradient();
            xs.attach(scratch);
            ws.attach(scratch);
            for (long start = 0; start < batch; start += chunk) {
                long end = Math.min(batch, start + chunk);
                NDArray d = xs.get(start + ":" + end).expandDims(1).sub(ws.expandDims(0)).abs();
                NDArray index = d.argMax(2);
                index.attach(x.getManager());
                winners.add(index);
            }
        }
        return winners.size() == 1 ? winners.get(0) : NDArrays.concat(new NDList(winners), 0);
    }

    /**
     * This layer in inference mode at p = infinity: its outputs and, for each item and unit, the deciding input
     * index. The diagnostic behind "does the head learn": a unit whose deciding input never changes computes a
     * fixed readout of one input.
     */
    NDList inferWithDecidingInputs(ParameterStore store, NDArray x) {
        NDArray w = store.getValue(weight, x.getDevice(), false);
        NDArray index = decidingInputs(x, w);
        NDArray out = x.gather(index, 1).sub(Masks.local(w.gather(index.transpose(), 1), x).transpose()).abs()
                .add(Masks.local(store.getValue(bias, x.getDevice(), false).expandDims(0), x));
        if (meanShift) {
            out = out.sub(Masks.local(store.getValue(runningMean, x.getDevice(), false).expandDims(0), x));
        }
        return new NDList(out, index);
    }

    /** l-p distances {@code [B, units]}, by chunks of the batch. */
    private static NDArray lp(NDArray x, NDArray w, double p) {
        long batch = x.getShape().get(0);
        long chunk = chunkSize(w.getShape().get(0), x.getShape().get(1));
        NDArray wRow = Masks.local(w.expandDims(0), x);
        List<NDArray> parts = new ArrayList<>();
        for (long start = 0; start < batch; start += chunk) {
            long end = Math.min(batch, start + chunk);
            NDArray d = x.get(start + ":" + end).expandDims(1).sub(wRow).abs();
            NDArray m = d.max(new int[] {2}, true).stopGradient().maximum(1e-12f);
            parts.add(d.div(m).pow((float) p).sum(new int[] {2}).pow((float) (1 / p)).mul(m.squeeze(2)));
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 0);
    }

    private static long chunkSize(long out, long in) {
        return Math.max(1, CHUNK_BYTES / (4 * out * in));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), units)};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(units, inputShapes[0].get(1)));
        bias.setShape(new Shape(units));
        if (runningMean != null) {
            runningMean.setShape(new Shape(units));
        }
    }
}
