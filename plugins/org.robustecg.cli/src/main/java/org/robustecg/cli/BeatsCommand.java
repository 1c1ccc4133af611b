package org.robustecg.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.robustecg.data.Dataset;
import org.robustecg.data.Split;
import org.robustecg.data.Splits;
import org.robustecg.database.MitBih;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.preprocess.BeatSettings;
import org.robustecg.settings.SettingRanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code robustecg beats}: the MIT-BIH heartbeat dataset. */
@Command(name = "beats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Builds the MIT-BIH heartbeat dataset (Kachuee et al. 2018: lead MLII at 125 Hz, beats of "
                + "1.2 x the median R-R interval from each R peak, scaled to [0,1], zero padded to 187 samples, "
                + "AAMI classes N, S, V, F, Q) from the raw PhysioNet records.",
                "With --split, writes <out>-train and <out>-test instead of <out>."})
final class BeatsCommand implements Callable<Integer> {

    enum SplitKind { none, random, inter_patient }

    @Spec
    private CommandSpec spec;

    @Option(names = "--mitdb", required = true, paramLabel = "<dir>", description = "folder of MIT-BIH records")
    private Path mitdb;

    @Option(names = "--records", split = ",", paramLabel = "<name>",
            description = "records to use (default: all in the folder's RECORDS file)")
    private List<String> records;

    @Option(names = "--split", defaultValue = "none", paramLabel = "none|random|inter-patient",
            converter = SplitConverter.class,
            description = "random: stratified by class (--test-fraction); inter-patient: de Chazal DS1 / DS2. "
                    + "Default: ${DEFAULT-VALUE}")
    private SplitKind split;

    @Option(names = "--test-fraction", defaultValue = "0.2", description = "test share of a random split (${DEFAULT-VALUE})")
    private double testFraction;

    @Option(names = "--balance", description = "up-sample every class of the training part to the largest class")
    private boolean balance;

    @Option(names = "--balance-test", description = "also up-sample the test part (as the CASLCNet paper does)")
    private boolean balanceTest;

    @Option(names = "--peaks", defaultValue = "annotations", paramLabel = "annotations|detector",
            description = "R peaks from the .atr annotations or from the R-peak detector (${DEFAULT-VALUE})")
    private String peaks;

    @Option(names = "--seed", defaultValue = "1", description = "seed of splits and up-sampling (${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "<file.npz|file.csv>", description = "output dataset")
    private Path out;

    @Option(names = "--overwrite", description = "replace existing output files")
    private boolean overwrite;

    @Option(names = "--json", description = "print the summary as JSON")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        OptionChecks check = new OptionChecks(spec);
        check.number("--test-fraction", SettingRanges.TEST_FRACTION, testFraction);
        if (records != null) {
            records.forEach(r -> check.fileName("--records: record", r));
        }
        BeatSettings.PeakSource source = switch (peaks) {
            case "annotations" -> BeatSettings.PeakSource.ANNOTATIONS;
            case "detector" -> BeatSettings.PeakSource.DETECTOR;
            default -> throw check.usage("--peaks is '" + peaks + "': must be annotations or detector");
        };
        Resources resources = new Resources();
        DatasetOutput.checkWritable(overwrite, DatasetOutput.files(out, split != SplitKind.none));
        List<String> names = records != null ? records : MitBih.records(mitdb);
        ConsoleProgress progress = new ConsoleProgress("reading MIT-BIH", !json, Interrupts.CANCELLED);
        Dataset beats;
        try {
            beats = MitBih.beats(mitdb, names, BeatSettings.KAGGLE.withPeaks(source), WfdbReadOptions.STRICT, progress);
        } finally {
            progress.finish();
        }
        List<Map<String, Object>> outputs;
        if (split == SplitKind.none) {
            outputs = DatasetOutput.save(out, overwrite, balance ? Splits.upsample(beats, seed) : beats, null, null);
        } else {
            Split parts = split == SplitKind.random ? Splits.stratified(beats, testFraction, seed)
                    : Splits.byRecord(beats, MitBih.DS1, MitBih.DS2);
            outputs = DatasetOutput.save(out, overwrite, null, balance ? Splits.upsample(parts.train(), seed) : parts.train(),
                    balanceTest ? Splits.upsample(parts.test(), seed + 1) : parts.test());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("records", names.size());
        summary.put("beats", beats.size());
        summary.put("outputs", outputs);
        summary.put("seconds", Math.round(resources.seconds() * 100) / 100.0);
        summary.put("peak_memory_mib", Math.round(Resources.peakMemoryMiB()));
        if (json) {
            Output.json(System.out, summary);
        } else {
            System.out.printf("%d beats from %d records in %.1f s (peak memory %d MiB)%n", beats.size(), names.size(),
                    resources.seconds(), summary.get("peak_memory_mib"));
            outputs.forEach(o -> System.out.print(DatasetOutput.table(o)));
        }
        return 0;
    }

    /** Accepts "inter-patient" for the enum constant inter_patient. */
    static final class SplitConverter implements picocli.CommandLine.ITypeConverter<SplitKind> {
        @Override
        public SplitKind convert(String value) {
            for (SplitKind kind : SplitKind.values()) {
                if (kind.name().equals(value.replace('-', '_'))) {
                    return kind;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a split: must be none, "
                    + "random or inter-patient");
        }
    }
}
