package org.robustecg.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.engine.Engines;
import org.robustecg.model.Architecture;
import org.robustecg.model.EpochRecord;
import org.robustecg.model.ModelFile;
import org.robustecg.objective.Objective;
import org.robustecg.ops.Schema;
import org.robustecg.ops.TrainOperation;
import org.robustecg.ops.Values;
import org.robustecg.train.Learner;
import org.robustecg.train.TrainingListener;
import org.robustecg.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code robustecg train}: trains a network on a dataset file and writes a model file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains CASLCNet or a baseline on a dataset (.npz or Kaggle .csv) and "
                + "writes a model file. Defaults follow the paper for the data's kind (beats: batch size 512, "
                + "learning rate 1e-3, eps 0.1; multi-lead records: batch size 64, learning rate 1e-4, eps 0.01, MSE "
                + "term).",
                "The method: METHOD 3-4 in docs/METHOD.md."})
final class TrainCommand implements Callable<Integer>, SchemaOptions.Operated {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "<train.npz>", description = "training dataset")
    private Path data;

    @Option(names = "--val", paramLabel = "<val.npz>",
            description = "validation dataset (else --validation-fraction of the training data)")
    private Path validation;

    @Option(names = "--out", required = true, paramLabel = "<model.recg>", description = "model file to write")
    private Path out;

    @Option(names = "--overwrite", description = "replace an existing model file")
    private boolean overwrite;

    @Option(names = "--json", description = "print the summary as JSON")
    private boolean json;

    @Override
    public Schema schema() {
        return TrainOperation.SCHEMA;
    }

    @Override
    public Integer call() throws Exception {
        Values v = SchemaOptions.values(spec, TrainOperation.SCHEMA);
        Architecture architecture = Architecture.ofCliName(v.text("architecture"));
        Objective objective = Objective.ofCliName(v.text("loss"));
        DatasetOutput.checkWritable(overwrite, out);
        Resources resources = new Resources();
        Dataset train = DatasetFiles.load(data);
        Dataset val = validation == null ? null : DatasetFiles.load(validation);
        if (!json) {
            System.err.printf("training %s with %s on %s on %s%n", architecture.cliName(), objective.cliName(), data,
                    Engines.describe());
        }
        ConsoleProgress progress = new ConsoleProgress("training", !json, Interrupts.CANCELLED);
        TrainingResult result;
        int trainItems;
        int valItems;
        try (Learner.Learned learned = learn(v, train, val, progress)) {
            result = learned.result();
            trainItems = learned.trainingItems();
            valItems = learned.validationItems();
            ModelFile.save(learned.model(), out, overwrite);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", out.toAbsolutePath().normalize().toString());
        summary.put("architecture", architecture.cliName());
        summary.put("loss", objective.cliName());
        summary.put("training_items", trainItems);
        summary.put("validation_items", valItems);
        summary.put("best_epoch", result.bestEpoch());
        summary.put("stopped_early", result.stoppedEarly());
        summary.put("device", Engines.describe());
        summary.put("seconds", Math.round(resources.seconds() * 10) / 10.0);
        summary.put("history", result.history());
        if (json) {
            Output.json(System.out, summary);
        } else {
            System.out.printf("wrote %s (best epoch %d of %d) in %.1f s%n", summary.get("model"), result.bestEpoch(),
                    result.history().size(), resources.seconds());
        }
        return 0;
    }

    /** ", head changed 12% 30% ..." for a model with an l-inf head, else nothing. */
    private static String headChanged(EpochRecord r) {
        if (r.headChanged() == null || r.headChanged().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(", head changed");
        r.headChanged().forEach(share -> text.append(String.format(" %.0f%%", 100 * share)));
        return text.toString();
    }

    private Learner.Learned learn(Values v, Dataset train, Dataset val, ConsoleProgress progress) {
        try {
            return TrainOperation.run(v, train, val, new TrainingListener() {
                @Override
                public void epoch(EpochRecord r) {
                    if (!json) {
                        progress.finish();
                        System.err.printf("epoch %d: loss %.4f, train acc %.4f, val loss %.4f, val acc %.4f, "
                                + "robust acc %.4f, lr %.1e%s, %.1f s%n", r.epoch(), r.trainLoss(), r.trainAccuracy(),
                                r.validationLoss(), r.validationAccuracy(), r.robustAccuracy(), r.learningRate(),
                                headChanged(r), r.seconds());
                    }
                }
            }, progress);
        } finally {
            progress.finish();
        }
    }
}
