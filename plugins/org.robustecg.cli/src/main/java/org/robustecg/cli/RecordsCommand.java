package org.robustecg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.robustecg.data.Dataset;
import org.robustecg.data.Split;
import org.robustecg.data.Splits;
import org.robustecg.database.Cpsc2018;
import org.robustecg.database.CpscSettings;
import org.robustecg.settings.SettingRanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code robustecg records}: the CPSC2018 12-lead dataset. */
@Command(name = "records", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Builds the CPSC2018 dataset: single-label recordings, leads I, II, V1-V6, cropped "
                + "to --crop samples, each lead scaled by its largest absolute value, zero padded to --length "
                + "samples with a validity mask. Reads the original MATLAB files or the PhysioNet/CinC 2020 form.",
                "With --test-per-class N > 0, writes <out>-train and <out>-test (N recordings of each class).",
                "The method: METHOD 2.7 in docs/METHOD.md."})
final class RecordsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--cpsc", required = true, paramLabel = "<dir>", description = "folder of CPSC2018 recordings")
    private Path cpsc;

    @Option(names = "--reference", required = true, paramLabel = "<REFERENCE.csv>", description = "the labels")
    private Path reference;

    @Option(names = "--crop", defaultValue = "30720", description = "samples kept of long recordings (${DEFAULT-VALUE})")
    private int crop;

    @Option(names = "--length", defaultValue = "33792", description = "padded length (${DEFAULT-VALUE})")
    private int length;

    @Option(names = "--test-per-class", defaultValue = "0",
            description = "recordings of each class held out for testing (the paper: 50; default ${DEFAULT-VALUE}: no split)")
    private int testPerClass;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the test split (${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "<file.npz>", description = "output dataset")
    private Path out;

    @Option(names = "--overwrite", description = "replace existing output files")
    private boolean overwrite;

    @Option(names = "--json", description = "print the summary as JSON")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        OptionChecks check = new OptionChecks(spec);
        check.count("--crop", SettingRanges.CROP_LENGTH, crop);
        check.count("--length", SettingRanges.PADDED_LENGTH, length);
        if (crop > length) {
            throw check.usage("--crop " + crop + " is above --length " + length + ": a recording is cropped, then "
                    + "zero padded to --length");
        }
        if (testPerClass != 0) {
            check.count("--test-per-class", SettingRanges.PER_CLASS, testPerClass);
        }
        Resources resources = new Resources();
        DatasetOutput.checkWritable(overwrite, DatasetOutput.files(out, testPerClass > 0));
        Map<String, List<Integer>> labels = Cpsc2018.reference(reference);
        List<String> present = new ArrayList<>();
        for (String name : labels.keySet()) {
            if (Cpsc2018.exists(cpsc, name)) {
                present.add(name);
            }
        }
        if (present.isEmpty()) {
            throw new java.io.FileNotFoundException(cpsc + " holds none of the " + labels.size()
                    + " recordings named in " + reference);
        }
        CpscSettings settings = new CpscSettings(CpscSettings.DEFAULT.leads(), crop, length,
                CpscSettings.DEFAULT.samplingFrequency());
        ConsoleProgress progress = new ConsoleProgress("reading CPSC2018", !json, Interrupts.CANCELLED);
        Dataset data;
        try {
            data = Cpsc2018.prepare(cpsc, labels, present, settings, progress);
        } finally {
            progress.finish();
        }
        Split split = testPerClass > 0 ? Splits.perClass(data, testPerClass, seed) : null;
        List<Map<String, Object>> outputs = split == null ? DatasetOutput.save(out, overwrite, data, null, null)
                : DatasetOutput.save(out, overwrite, null, split.train(), split.test());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("labelled", labels.size());
        summary.put("found", present.size());
        summary.put("single_label", data.size());
        summary.put("outputs", outputs);
        summary.put("seconds", Math.round(resources.seconds() * 100) / 100.0);
        if (json) {
            Output.json(System.out, summary);
        } else {
            System.out.printf("%d of %d labelled recordings found, %d single-label ones kept (%.1f s)%n", present.size(),
                    labels.size(), data.size(), resources.seconds());
            outputs.forEach(o -> System.out.print(DatasetOutput.table(o)));
        }
        return 0;
    }
}
