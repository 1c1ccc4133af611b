package org.robustecg.cli;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.io.AtomicFiles;
import org.robustecg.metrics.ConfusionMatrix;
import org.robustecg.model.Inference;
import org.robustecg.model.ModelFile;
import org.robustecg.model.TrainedModel;
import org.robustecg.ops.PredictOperation;
import org.robustecg.ops.Schema;
import org.robustecg.ops.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code robustecg predict}: class predictions and probabilities of a model on a dataset. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predicts every item of a dataset with a model file; writes one CSV row per item "
                + "(sample_id, record_id, position, label, prediction, one probability column per class unless "
                + "--no-probabilities) and prints "
                + "accuracy, balanced accuracy and macro F1.")
final class PredictCommand implements Callable<Integer>, SchemaOptions.Operated {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "<model.recg>")
    private Path model;

    @Option(names = "--data", required = true, paramLabel = "<data.npz>")
    private Path data;

    @Option(names = "--out", required = true, paramLabel = "<predictions.csv>")
    private Path out;

    @Option(names = "--overwrite", description = "replace an existing output file")
    private boolean overwrite;

    @Option(names = "--json", description = "print the summary as JSON")
    private boolean json;

    @Override
    public Schema schema() {
        return PredictOperation.SCHEMA;
    }

    @Override
    public Integer call() throws Exception {
        Values v = SchemaOptions.values(spec, PredictOperation.SCHEMA);
        boolean probabilities = v.bool("probabilities");
        DatasetOutput.checkWritable(overwrite, out);
        Dataset d = DatasetFiles.load(data);
        Map<String, Object> summary = new LinkedHashMap<>();
        try (TrainedModel m = ModelFile.load(model)) {
            ConsoleProgress progress = new ConsoleProgress("predicting", !json, Interrupts.CANCELLED);
            Inference.Predictions p;
            try {
                p = PredictOperation.run(v, m, d, progress);
            } finally {
                progress.finish();
            }
            AtomicFiles.write(out, overwrite, stream -> {
                Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                StringBuilder header = new StringBuilder("sample_id,record_id,position,label,prediction");
                for (String c : probabilities ? d.classNames() : List.<String>of()) {
                    header.append(",prob_").append(c);
                }
                w.write(header.append('\n').toString());
                for (int i = 0; i < d.size(); i++) {
                    StringBuilder row = new StringBuilder();
                    row.append(i).append(',').append(d.recordIds()[i]).append(',').append(d.positions()[i]).append(',')
                            .append(d.classNames().get(d.labels()[i])).append(',')
                            .append(d.classNames().get(p.predictions()[i]));
                    for (int k = 0; probabilities && k < p.classes(); k++) {
                        row.append(',').append(p.probabilities()[i * p.classes() + k]);
                    }
                    w.write(row.append('\n').toString());
                }
                w.flush();
            });
            ConfusionMatrix c = ConfusionMatrix.of(d.labels(), p.predictions(), p.classes());
            summary.put("items", d.size());
            summary.put("accuracy", c.accuracy());
            summary.put("balanced_accuracy", c.balancedAccuracy());
            summary.put("macro_f1", c.macroF1());
            summary.put("predictions", out.toAbsolutePath().normalize().toString());
        }
        if (json) {
            Output.json(System.out, summary);
        } else {
            System.out.printf("%d items: accuracy %.2f %%, balanced accuracy %.2f %%, macro F1 %.2f %%%nwrote %s%n",
                    d.size(), 100 * (double) summary.get("accuracy"), 100 * (double) summary.get("balanced_accuracy"),
                    100 * (double) summary.get("macro_f1"), summary.get("predictions"));
        }
        return 0;
    }
}
