package org.robustecg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The 1-D residual ECG network of CASLCNet and its ablations (METHOD 3.2): a k=11 stride-2 stem, three
 * stages of two residual blocks (stride 2 each) at 128, 256 and 512 channels, a last stage of two blocks
 * at 512 channels followed by CAS modules (when the architecture has CAS), masked global average pooling,
 * and an l-inf distance head or a linear classifier.
 * <p>Inputs: {@code [x]} or {@code [x, mask]} with x {@code [B, leads, length]} and mask {@code [B, length]}.
 * In training the labels ({@code [B]}, int) come through DJL's labels argument of
 * {@link #forward(ParameterStore, NDList, NDList, PairList)} and the CAS modules use their rows. Outputs:
 * {@code [logits, aux logits 1..K]} (K = 0 without CAS).
 */
public final class EcgNetwork extends AbstractBlock implements EcgModel {

    private final ModelSettings settings;
    private final Conv1d stem;
    private final GroupNorm stemNorm;
    private final List<ResidualBlock> blocks = new ArrayList<>();
    private final List<CasModule> cas = new ArrayList<>();
    private final Block head;

    public EcgNetwork(ModelSettings settings) {
        this.settings = settings;
        int c0 = settings.width(64);
        stem = addChildBlock("stem", ResidualBlock.conv(c0, 11, 2, 5));
        stemNorm = addChildBlock("stem_norm", new GroupNorm(settings.groups(c0)));
        int[] widths = {settings.width(128), settings.width(128), settings.width(256), settings.width(256),
            settings.width(512), settings.width(512), settings.width(512), settings.width(512)};
        int[] strides = {2, 2, 2, 2, 2, 2, settings.casStride(), 1};
        for (int i = 0; i < widths.length; i++) {
            blocks.add(addChildBlock("block" + i, new ResidualBlock(widths[i], settings.groups(widths[i]), strides[i],
                    settings.leakySlope())));
        }
        if (settings.architecture().hasCas()) {
            for (int k = 0; k < ModelSettings.CAS_BLOCKS; k++) {
                cas.add(addChildBlock("cas" + k, new CasModule(settings.classes())));
            }
        }
        int features = settings.width(512);
        head = settings.architecture().hasLinfHead()
                ? addChildBlock("head", new LinfHead(features, settings.headDepth(), settings.classes()))
                : addChildBlock("head", Linear.builder().setUnits(settings.classes()).build());
    }

    @Override
    public ModelSettings settings() {
        return settings;
    }

    @Override
    public LinfHead linfHead() {
        return head instanceof LinfHead h ? h : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return run(store, inputs, null, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList data, NDList labels, PairList<String, Object> params) {
        return run(store, data, labels == null || labels.isEmpty() ? null : labels.head(), true);
    }

    @Override
    public NDArray features(ParameterStore store, NDList inputs) {
        return backbone(store, inputs, null, false).get(0);
    }

    private NDList run(ParameterStore store, NDList inputs, NDArray labels, boolean training) {
        NDList pooled = backbone(store, inputs, labels, training);
        NDList result = new NDList(head.forward(store, new NDList(pooled.get(0)), training).head());
        result.addAll(pooled.subNDList(1));
        return result;
    }

    /** Pooled features and the auxiliary logits of the CAS modules. */
    private NDList backbone(ParameterStore store, NDList inputs, NDArray labels, boolean training) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        if (mask != null) {
            x = x.mul(mask.expandDims(1));
        }
        mask = Masks.downsample(mask, 2);
        NDArray h = ResidualBlock.convolve(stem, store, x, training);
        h = stemNorm.forward(store, mask == null ? new NDList(h) : new NDList(h, mask), training).head();
        h = Masks.apply(Activation.leakyRelu(h, settings.leakySlope()), mask);
        List<NDArray> aux = new ArrayList<>();
        int casFrom = blocks.size() - ModelSettings.CAS_BLOCKS;
        for (int i = 0; i < blocks.size(); i++) {
            NDList out = blocks.get(i).forward(store, mask == null ? new NDList(h) : new NDList(h, mask), training);
            h = out.get(0);
            mask = out.size() > 1 ? out.get(1) : null;
            if (!cas.isEmpty() && i >= casFrom) {
                NDList suppressed = cas.get(i - casFrom).forward(store, h, mask, labels, training);
                h = suppressed.get(0);
                aux.add(suppressed.get(1));
            }
        }
        NDList result = new NDList(Masks.mean(h, mask));
        result.addAll(aux);
        return result;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        Shape[] out = new Shape[1 + cas.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Shape(batch, settings.classes());
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        stem.initialize(manager, dataType, s);
        s = stem.getOutputShapes(new Shape[] {s})[0];
        stemNorm.initialize(manager, dataType, s);
        int casFrom = blocks.size() - ModelSettings.CAS_BLOCKS;
        for (int i = 0; i < blocks.size(); i++) {
            blocks.get(i).initialize(manager, dataType, s);
            s = blocks.get(i).getOutputShapes(new Shape[] {s})[0];
            if (!cas.isEmpty() && i >= casFrom) {
                cas.get(i - casFrom).initialize(manager, dataType, s);
            }
        }
        head.initialize(manager, dataType, new Shape(s.get(0), s.get(1)));
    }
}
