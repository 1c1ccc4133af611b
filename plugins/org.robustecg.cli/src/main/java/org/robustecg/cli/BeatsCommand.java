package org.robustecg.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.robustecg.data.Dataset;
import org.robustecg.data.Split;
import org.robustecg.database.MitBih;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.ops.DatasetOperation;
import org.robustecg.ops.Schema;
import org.robustecg.ops.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code robustecg beats}: the MIT-BIH heartbeat dataset. */
@Command(name = "beats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Builds the MIT-BIH heartbeat dataset (Kachuee et al. 2018: lead MLII at 125 Hz, beats of "
                + "1.2 x the median R-R interval from each R peak, scaled to [0,1], zero padded to 187 samples, "
                + "AAMI classes N, S, V, F, Q) from the raw PhysioNet records.",
                "Writes <out>-train and <out>-test, or <out> alone with --split none."})
final class BeatsCommand implements Callable<Integer>, SchemaOptions.Operated {

    @Spec
    private CommandSpec spec;

    @Option(names = "--mitdb", required = true, paramLabel = "<dir>", description = "folder of MIT-BIH records")
    private Path mitdb;

    @Option(names = "--records", split = ",", paramLabel = "<name>",
            description = "records to use (default: all in the folder's RECORDS file)")
    private List<String> records;

    @Option(names = "--out", required = true, paramLabel = "<file.npz|file.csv>", description = "output dataset")
    private Path out;

    @Option(names = "--overwrite", description = "replace existing output files")
    private boolean overwrite;

    @Option(names = "--json", description = "print the summary as JSON")
    private boolean json;

    @Override
    public Schema schema() {
        return DatasetOperation.BEATS_SCHEMA;
    }

    @Override
    public Integer call() throws Exception {
        Values v = SchemaOptions.values(spec, DatasetOperation.BEATS_SCHEMA);
        DatasetOperation.check(v);
        OptionChecks check = new OptionChecks(spec);
        if (records != null) {
            records.forEach(r -> check.fileName("--records: record", r));
        }
        Resources resources = new Resources();
        boolean whole = v.text("split").equals("none");
        DatasetOutput.checkWritable(overwrite, DatasetOutput.files(out, !whole));
        List<String> names = records != null ? records : MitBih.records(mitdb);
        ConsoleProgress progress = new ConsoleProgress("reading MIT-BIH", !json, Interrupts.CANCELLED);
        Dataset beats;
        try {
            beats = MitBih.beats(mitdb, names, DatasetOperation.beats(v), WfdbReadOptions.STRICT, progress);
        } finally {
            progress.finish();
        }
        Split parts = DatasetOperation.split(v, beats);
        List<Map<String, Object>> outputs = DatasetOutput.save(out, overwrite, whole, parts);
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
}
