package org.robustecg.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.robustecg.engine.Engines;
import org.robustecg.engine.Gradients;
import org.robustecg.model.Architecture;
import org.robustecg.model.Classifier;
import org.robustecg.model.GroupNorm;
import org.robustecg.model.InputGradient;
import org.robustecg.model.LinfDistance;
import org.robustecg.model.ModelInfo;
import org.robustecg.model.ModelSettings;
import org.robustecg.model.TrainedModel;
import org.robustecg.objective.Losses;
import org.robustecg.settings.SettingRanges;
import org.robustecg.train.Adamax;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code robustecg bench}: times the network's basic operations (a benchmark, not a test). */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Times, on random MIT-BIH-shaped input (1 x 187, 5 classes), a forward pass, a training step "
                + "(cross-entropy, Adamax) and a PGD step of the full-width ResNet18-1D backbone, two of its kernels "
                + "alone (a strided convolution, a GroupNorm on a narrow map), and the exact "
                + "l-inf distance layer in its fast (arg-max + gather) and plain broadcast forms. Prints the median "
                + "time per call and samples per second; bench/model-vs-pytorch.sh puts them beside PyTorch's.")
final class BenchCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--batch-size", defaultValue = "256", description = "batch of the network timings (${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--linf-batch-size", defaultValue = "512", description = "batch of the l-inf layer timings (${DEFAULT-VALUE})")
    private int linfBatch;

    @Option(names = "--width", defaultValue = "512", description = "l-inf layer width (${DEFAULT-VALUE})")
    private int width;

    @Option(names = "--repeats", defaultValue = "10", description = "timed repeats after 3 warm-up calls (${DEFAULT-VALUE})")
    private int repeats;

    @Option(names = "--pgd-curve", paramLabel = "<beats.npz>",
            description = "instead: time the PGD-100 curve over the MIT-BIH grid (0.01 ... 0.3) of full-width CASLCNet "
                    + "on the first --items beats of this dataset")
    private java.nio.file.Path pgdCurve;

    @Option(names = "--items", defaultValue = "1000", description = "beats of the --pgd-curve timing (${DEFAULT-VALUE})")
    private int items;

    @Option(names = "--square", paramLabel = "<beats.npz>",
            description = "instead: Square's queries per second on this dataset's beats at each --square-batches, on "
                    + "--model or an untrained CASLCNet of the demo's size (width x0.25)")
    private java.nio.file.Path square;

    @Option(names = "--square-batches", split = ",", defaultValue = "64,128,256,512,1000",
            description = "batch sizes of the --square timing (${DEFAULT-VALUE})")
    private int[] squareBatches;

    @Option(names = "--queries", defaultValue = "20", description = "Square queries per batch size (${DEFAULT-VALUE})")
    private int queries;

    @Option(names = "--model", paramLabel = "<model.recg>", description = "the model of the --square timing")
    private java.nio.file.Path squareModel;

    @Option(names = "--json", description = "print as JSON")
    private boolean json;

    /** PGD-100 (step eps/4, random start) over the whole MIT-BIH radius grid, one call, timed. */
    private Integer pgdCurve() throws Exception {
        var data = org.robustecg.data.DatasetFiles.load(pgdCurve);
        data = data.select(org.robustecg.data.Batch.range(0, Math.min(items, data.size())));
        ModelInfo info = ModelInfo.untrained(ModelSettings.mitBih(Architecture.CASLCNET), data.classNames(), 125, 0, 1,
                "bench");
        double[] grid = {0.01, 0.03, 0.05, 0.1, 0.2, 0.3};
        Map<String, Object> result = new LinkedHashMap<>();
        try (TrainedModel model = TrainedModel.untrained(info, 1)) {
            long start = System.nanoTime();
            var rows = org.robustecg.attack.RobustnessEvaluation.rows(model, data,
                    org.robustecg.attack.AttackSettings.defaults(org.robustecg.attack.AttackKind.PGD, 0, 1), grid, batch,
                    new ConsoleProgress("PGD-100 curve", !json, Interrupts.CANCELLED));
            double seconds = (System.nanoTime() - start) / 1e9;
            result.put("device", Engines.describe());
            result.put("items", data.size());
            result.put("radii", grid.length);
            result.put("rows", rows.size());
            result.put("seconds", Math.round(seconds * 10) / 10.0);
            result.put("pgd_steps_per_second", Math.round(data.size() * grid.length * 100 / seconds));
        }
        if (json) {
            Output.json(System.out, result);
        } else {
            result.forEach((k, v) -> System.out.println(k + ": " + v));
        }
        return 0;
    }

    /**
     * Square on one batch of the first beats at each batch size: beat-queries (one beat through one forward) per
     * second. The labels are the model's own predictions and the radius tiny, so no beat is broken and every query
     * is a whole batch; a warm-up run precedes each timing.
     */
    private Integer squareBatches() throws Exception {
        var data = org.robustecg.data.DatasetFiles.load(square);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("device", Engines.describe());
        result.put("queries", queries);
        ModelInfo untrained = ModelInfo.untrained(ModelSettings.builder(Architecture.CASLCNET, data.classNames().size(),
                data.leads(), data.length()).widthMultiplier(0.25).build(), data.classNames(), 125, 0, 1, "bench");
        try (TrainedModel net = squareModel == null ? TrainedModel.untrained(untrained, 1)
                : org.robustecg.model.ModelFile.load(squareModel);
                Classifier.Frozen frozen = net.classifier().frozen()) {
            result.put("model", squareModel == null ? "untrained CASLCNet x0.25" : squareModel.getFileName().toString());
            var settings = org.robustecg.attack.AttackSettings.defaults(org.robustecg.attack.AttackKind.SQUARE,
                    net.info().lower(), net.info().upper()).toBuilder().queries(queries).build();
            Map<String, Object> rates = new LinkedHashMap<>();
            for (int b : squareBatches) {
                int n = Math.min(b, data.size());
                try (NDManager s = net.manager().newSubManager()) {
                    var batch = org.robustecg.data.Batch.of(data, org.robustecg.data.Batch.range(0, n), s);
                    NDArray own = net.classifier().forward(batch.x(), batch.mask()).head().argMax(1);
                    org.robustecg.attack.Attacks.run(net.classifier(), batch.x(), batch.mask(), own, 1e-4,
                            settings.toBuilder().queries(2).build());
                    long start = System.nanoTime();
                    org.robustecg.attack.Attacks.run(net.classifier(), batch.x(), batch.mask(), own, 1e-4, settings);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    rates.put(Integer.toString(n), Math.round((double) n * queries / seconds));
                }
            }
            result.put("beat_queries_per_second_by_batch", rates);
        }
        if (json) {
            Output.json(System.out, result);
        } else {
            result.forEach((k, v) -> System.out.println(k + ": " + v));
        }
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        OptionChecks check = new OptionChecks(spec);
        check.count("--batch-size", SettingRanges.BATCH, batch);
        check.count("--linf-batch-size", SettingRanges.BATCH, linfBatch);
        check.count("--width", SettingRanges.LAYER_WIDTH, width);
        check.count("--repeats", SettingRanges.REPEATS, repeats);
        check.count("--items", SettingRanges.ITEMS, items);
        check.count("--queries", SettingRanges.QUERIES, queries);
        for (int b : squareBatches) {
            check.count("--square-batches", SettingRanges.BATCH, b);
        }
        if (pgdCurve != null) {
            return pgdCurve();
        }
        if (square != null) {
            return squareBatches();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("device", Engines.describe());
        result.put("batch_size", batch);
        ModelSettings settings = ModelSettings.mitBih(Architecture.RESNET18);
        ModelInfo info = ModelInfo.untrained(settings, java.util.List.of("N", "S", "V", "F", "Q"), 125, 0, 1, "bench");
        try (TrainedModel model = TrainedModel.untrained(info, 1)) {
            NDManager m = model.manager();
            NDArray x = m.randomUniform(0, 1, new Shape(batch, 1, 187));
            NDArray y = m.randomInteger(0, 5, new Shape(batch), ai.djl.ndarray.types.DataType.INT32);
            var classifier = model.classifier();
            try (Classifier.Frozen frozen = classifier.frozen()) {
                // Each call works on a copy of the batch in its own sub-manager, as the trainer and the attacks do:
                // an op whose first operand lives in the model's manager would keep every temporary there (METHOD 10.1).
                result.put("forward_ms", time(() -> {
                    try (NDManager s = m.newSubManager()) {
                        classifier.forward(batchCopy(x, s), null).head().toFloatArray();
                    }
                }));
                result.put("pgd_step_ms", time(() -> pgdStep(classifier, m, x, y)));
            }
            Adamax optimiser = new Adamax(classifier.trainableParameters(), 1e-3);
            result.put("backward_only_ms", time(() -> {
                try (NDManager s = m.newSubManager()) {
                    trainingPass(classifier, s, x, y);
                }
            }));
            result.put("optimiser_only_ms", time(() -> {
                try (NDManager s = m.newSubManager()) {
                    optimiser.step(s);
                }
            }));
            result.put("train_step_ms", time(() -> {
                try (NDManager s = m.newSubManager()) {
                    trainingPass(classifier, s, x, y);
                    optimiser.step(s);
                }
            }));
        }
        ModelInfo caslcnet = ModelInfo.untrained(ModelSettings.mitBih(Architecture.CASLCNET),
                java.util.List.of("N", "S", "V", "F", "Q"), 125, 0, 1, "bench");
        try (TrainedModel model = TrainedModel.untrained(caslcnet, 1)) {
            NDManager m = model.manager();
            NDArray x = m.randomUniform(0, 1, new Shape(128, 1, 187));
            NDArray y = m.randomInteger(0, 5, new Shape(128), ai.djl.ndarray.types.DataType.INT32);
            var classifier = model.classifier();
            try (Classifier.Frozen frozen = classifier.frozen()) {
                result.put("caslcnet_pgd_step_ms", time(() -> pgdStep(classifier, m, x, y)));
            }
        }
        try (NDManager m = NDManager.newBaseManager(Engines.device())) {
            // Single kernels, as in the reference: where the engines themselves differ, apart from this project.
            ai.djl.nn.convolutional.Conv1d conv = ai.djl.nn.convolutional.Conv1d.builder().setFilters(128)
                    .setKernelShape(new Shape(3)).optStride(new Shape(2)).optPadding(new Shape(1)).optBias(false).build();
            result.put("kernel_conv_ms", kernelStep(conv, m, new Shape(batch, 64, 94)));
            result.put("kernel_group_norm_ms", kernelStep(new GroupNorm(32), m, new Shape(batch, 512, 2)));
        }
        try (NDManager m = NDManager.newBaseManager(Engines.device())) {
            LinfDistance layer = new LinfDistance(width, false, true);
            layer.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(linfBatch, width));
            var store = new ai.djl.training.ParameterStore(m, false);
            NDArray w = layer.getParameters().get("weight").getArray();
            NDArray h = m.randomNormal(new Shape(linfBatch, width));
            result.put("linf_fast_ms", time(() -> {
                try (NDManager s = m.newSubManager()) {
                    NDArray leaf = h.duplicate();
                    leaf.attach(s);
                    leaf.setRequiresGradient(true);
                    try (GradientCollector c = Gradients.collector()) {
                        c.backward(layer.forward(store, new NDList(leaf), true).head().sum());
                    }
                    leaf.getGradient().toFloatArray();
                }
            }));
            result.put("linf_broadcast_ms", time(() -> {
                try (NDManager s = m.newSubManager()) {
                    NDArray leaf = h.duplicate();
                    leaf.attach(s);
                    leaf.setRequiresGradient(true);
                    try (GradientCollector c = Gradients.collector()) {
                        NDArray wl = w.expandDims(0);
                        wl.attach(s);
                        c.backward(leaf.expandDims(1).sub(wl).abs().max(new int[] {2}).sum());
                    }
                    leaf.getGradient().toFloatArray();
                }
            }));
        }
        double fwd = (double) result.get("forward_ms");
        result.put("forward_samples_per_s", Math.round(batch / fwd * 1000));
        result.put("train_samples_per_s", Math.round(batch / (double) result.get("train_step_ms") * 1000));
        result.put("pgd_samples_per_s", Math.round(batch / (double) result.get("pgd_step_ms") * 1000));
        result.put("linf_speedup", (double) result.get("linf_broadcast_ms") / (double) result.get("linf_fast_ms"));
        if (json) {
            Output.json(System.out, result);
        } else {
            result.forEach((k, v) -> System.out.println(k + ": " + v));
        }
        return 0;
    }

    /** Median milliseconds of {@code repeats} calls after three warm-up calls. */
    private double time(Runnable call) {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return Math.round(ms[repeats / 2] * 100) / 100.0;
    }

    /** One PGD step (input gradient with the parameters frozen, signed step, clamp) on a copy of the batch. */
    private static void pgdStep(Classifier classifier, NDManager m, NDArray x, NDArray y) {
        try (NDManager s = m.newSubManager()) {
            NDArray labels = batchCopy(y, s);
            InputGradient g = InputGradient.at(classifier, x, null, s, out -> Losses.crossEntropy(out.head(), labels));
            g.gradient().sign().mul(0.01).add(g.variable().stopGradient()).clip(0, 1).toFloatArray();
        }
    }

    /** Training-mode forward pass and backward pass (parameter gradients) on a copy of the batch in {@code s}. */
    private static void trainingPass(Classifier classifier, NDManager s, NDArray x, NDArray y) {
        try (GradientCollector c = Gradients.collector()) {
            NDArray labels = batchCopy(y, s);
            c.backward(Losses.crossEntropy(classifier.train(batchCopy(x, s), null, labels).head(), labels));
        }
    }

    /** Median time of forward and backward of one block (input and parameter gradients) on a random input. */
    private double kernelStep(ai.djl.nn.Block block, NDManager m, Shape shape) {
        block.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, shape);
        var store = new ai.djl.training.ParameterStore(m, false);
        NDArray x = m.randomNormal(shape);
        return time(() -> {
            try (NDManager s = m.newSubManager()) {
                NDArray leaf = batchCopy(x, s);
                leaf.setRequiresGradient(true);
                try (GradientCollector c = Gradients.collector()) {
                    c.backward(block.forward(store, new NDList(leaf), true).head().sum());
                }
                leaf.getGradient().sum().getFloat();
            }
        });
    }

    /** A copy of a long-lived array in the call's own manager. */
    private static NDArray batchCopy(NDArray a, NDManager s) {
        NDArray copy = a.duplicate();
        copy.attach(s);
        return copy;
    }
}
