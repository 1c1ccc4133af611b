package org.robustecg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.robustecg.attack.AttackKind;
import org.robustecg.attack.AttackSettings;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.data.Splits;
import org.robustecg.metrics.ChannelActivation;
import org.robustecg.metrics.ChannelActivations;
import org.robustecg.model.ModelFile;
import org.robustecg.model.TrainedModel;
import org.robustecg.report.Charts;
import org.robustecg.settings.SettingRanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code robustecg channels}: the channel activation analysis of the last feature layer. */
@Command(name = "channels", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Per channel of the last feature layer: mean activation magnitude and activation frequency "
                + "(share of samples above --threshold x the largest natural activation), natural vs adversarial, "
                + "channels ordered by natural frequency (the CASLCNet paper's figures 4-5).")
final class ChannelsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "<model.recg>")
    private Path model;

    @Option(names = "--data", required = true, paramLabel = "<data.npz>")
    private Path data;

    @Option(names = "--attack", defaultValue = "pgd", description = "attack making the adversarial inputs (${DEFAULT-VALUE})")
    private String attack;

    @Option(names = "--eps", defaultValue = "0.1", description = "radius (${DEFAULT-VALUE})")
    private double eps;

    @Option(names = "--steps", description = "attack iterations")
    private Integer steps;

    @Option(names = "--threshold", description = "activation threshold as a fraction of the maximum (0.2 one lead, 0.7 multi-lead)")
    private Double threshold;

    @Option(names = "--subset", description = "at most this many samples per class (seeded)")
    private Integer subset;

    @Option(names = "--batch", defaultValue = "128", description = "samples per batch (${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--plots", paramLabel = "<dir>", description = "write channel-magnitude.png and channel-frequency.png")
    private Path plots;

    @Option(names = "--json", description = "print as JSON")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        OptionChecks check = new OptionChecks(spec);
        AttackKind kind = check.attacks("--attack", java.util.List.of(attack)).get(0);
        check.radii("--eps", java.util.List.of(kind), java.util.List.of(eps));
        check.optional("--steps", SettingRanges.ATTACK_STEPS, steps);
        check.optional("--threshold", SettingRanges.THRESHOLD, threshold);
        check.optional("--subset", SettingRanges.PER_CLASS, subset);
        check.count("--batch", SettingRanges.BATCH, batch);
        Dataset d = DatasetFiles.load(data);
        if (subset != null) {
            d = Splits.sample(d, subset, 1);
        }
        double level = threshold != null ? threshold : d.leads() > 1 ? 0.7 : 0.2;
        ChannelActivation result;
        try (TrainedModel m = ModelFile.load(model)) {
            AttackSettings.Builder settings = AttackSettings.defaults(kind, m.info().lower(), m.info().upper())
                    .toBuilder();
            if (steps != null) {
                settings.steps(steps);
            }
            ConsoleProgress progress = new ConsoleProgress("channels", !json, Interrupts.CANCELLED);
            try {
                result = ChannelActivations.measure(m, d, settings.build(), eps, level, batch, progress);
            } finally {
                progress.finish();
            }
        }
        if (plots != null) {
            Files.createDirectories(plots);
            String title = model.getFileName() + ", " + kind.cliName() + " eps " + eps;
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
            summary.forEach((k, v) -> System.out.println(k + ": " + v));
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
