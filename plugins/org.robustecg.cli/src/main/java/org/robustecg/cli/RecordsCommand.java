package org.robustecg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.robustecg.data.Dataset;
import org.robustecg.data.Split;
import org.robustecg.database.Cpsc2018;
import org.robustecg.ops.DatasetOperation;
import org.robustecg.ops.Schema;
import org.robustecg.ops.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code robustecg records}: the CPSC2018 12-lead dataset. */
@Command(name = "records", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Builds the CPSC2018 dataset: single-label recordings, leads I, II, V1-V6, cropped "
                + "to --crop-length samples, each lead scaled by its largest absolute value, zero padded to "
                + "--padded-length samples with a validity mask. Reads the original MATLAB files or the "
                + "PhysioNet/CinC 2020 form.",
                "Writes <out>-train and <out>-test, or <out> alone with --split none; the paper's split is --split "
                + "per-class --test-per-class 50.",
                "The method: METHOD 2.7 in docs/METHOD.md."})
final class RecordsCommand implements Callable<Integer>, SchemaOptions.Operated {

    @Spec
    private CommandSpec spec;

    @Option(names = "--cpsc", required = true, paramLabel = "<dir>", description = "folder of CPSC2018 recordings")
    private Path cpsc;

    @Option(names = "--reference", required = true, paramLabel = "<REFERENCE.csv>", description = "the labels")
    private Path reference;

    @Option(names = "--out", required = true, paramLabel = "<file.npz>", description = "output dataset")
    private Path out;

    @Option(names = "--overwrite", description = "replace existing output files")
    private boolean overwrite;

    @Option(names = "--json", description = "print the summary as JSON")
    private boolean json;

    @Override
    public Schema schema() {
        return DatasetOperation.RECORDS_SCHEMA;
    }

    @Override
    public Integer call() throws Exception {
        Values v = SchemaOptions.values(spec, DatasetOperation.RECORDS_SCHEMA);
        DatasetOperation.check(v);
        Resources resources = new Resources();
        boolean whole = v.text("split").equals("none");
        DatasetOutput.checkWritable(overwrite, DatasetOutput.files(out, !whole));
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
        ConsoleProgress progress = new ConsoleProgress("reading CPSC2018", !json, Interrupts.CANCELLED);
        Dataset data;
        try {
            data = Cpsc2018.prepare(cpsc, labels, present, DatasetOperation.records(v), progress);
        } finally {
            progress.finish();
        }
        Split split = DatasetOperation.split(v, data);
        List<Map<String, Object>> outputs = whole ? DatasetOutput.save(out, overwrite, split.train(), null, null)
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
