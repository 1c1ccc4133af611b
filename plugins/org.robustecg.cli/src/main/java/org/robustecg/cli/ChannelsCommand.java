package org.robustecg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.data.Splits;
import org.robustecg.metrics.ChannelActivation;
import org.robustecg.metrics.ChannelActivations;
import org.robustecg.model.ModelFile;
import org.robustecg.model.TrainedModel;
import org.robustecg.ops.ChannelsOperation;
import org.robustecg.ops.Schema;
import org.robustecg.ops.Values;
import org.robustecg.report.Charts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code robustecg channels}: the channel activation analysis of the last feature layer. */
@Command(name = "channels", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Per channel of the last feature layer: mean activation magnitude and activation frequency "
                + "(share of items above --threshold x the largest natural activation), natural vs adversarial, "
                + "channels ordered by natural frequency (the CASLCNet paper's figures 4-5).")
final class ChannelsCommand implements Callable<Integer>, SchemaOptions.Operated {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "<model.recg>")
    private Path model;

    @Option(names = "--data", required = true, paramLabel = "<data.npz>")
    private Path data;

    @Option(names = "--plots", paramLabel = "<dir>", description = "write channel-magnitude.png and channel-frequency.png")
    private Path plots;

    @Option(names = "--json", description = "print as JSON")
    private boolean json;

    @Override
    public Schema schema() {
        return ChannelsOperation.SCHEMA;
    }

    @Override
    public Integer call() throws Exception {
        Values v = SchemaOptions.values(spec, ChannelsOperation.SCHEMA);
        ChannelsOperation.check(v);
        Dataset d = DatasetFiles.load(data);
        if (v.has("per_class")) {
            d = Splits.sample(d, v.integer("per_class"), v.integer("seed"));
        }
        double level = ChannelsOperation.threshold(v, d);
        ChannelActivation result;
        try (TrainedModel m = ModelFile.load(model)) {
            ConsoleProgress progress = new ConsoleProgress("channels", !json, Interrupts.CANCELLED);
            try {
                result = ChannelsOperation.run(v, m, d, progress);
            } finally {
                progress.finish();
            }
        }
        String attack = v.text("attack");
        double eps = v.number("eps");
        if (plots != null) {
            Files.createDirectories(plots);
            String title = model.getFileName() + ", " + attack + " eps " + eps;
            Charts.channelActivation(result, false, "activation magnitude: " + title, plots.resolve("channel-magnitude.png"));
            Charts.channelActivation(result, true, "activation frequency: " + title, plots.resolve("channel-frequency.png"));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", d.size());
        summary.put("channels", result.order().length);
        summary.put("threshold", level);
        summary.put("mean_natural_frequency", mean(result.naturalFrequency()));
        summary.put("mean_adversarial_frequency", mean(result.adversarialFrequency()));
        summary.put("mean_natural_magnitude", mean(result.naturalMagnitude()));
        summary.put("mean_adversarial_magnitude", mean(result.adversarialMagnitude()));
        if (json) {
            summary.put("analysis", result);
            Output.json(System.out, summary);
        } else {
            summary.forEach((key, value) -> System.out.println(key + ": " + value));
        }
        return 0;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
