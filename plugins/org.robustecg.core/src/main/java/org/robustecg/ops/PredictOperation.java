package org.robustecg.ops;

import java.util.List;
import org.robustecg.data.Dataset;
import org.robustecg.model.Inference;
import org.robustecg.model.TrainedModel;
import org.robustecg.progress.Progress;
import org.robustecg.settings.SettingRanges;

/**
 * The predict operation: the class and class probabilities of a model for every item. The command line's
 * {@code predict}, the ECG Predictor node, and a study's clean test predictions (with the defaults).
 */
public final class PredictOperation {

    public static final Schema SCHEMA = new Schema("predict", List.of(
            Parameter.integer("batch_size", "Batch size", 256, SettingRanges.BATCH, "items", "Items predicted "
                    + "together; the predictions do not depend on it.").only(Face.CLI, Face.NODE),
            Parameter.bool("probabilities", "Class probabilities", true, "Also give the probability of every class "
                    + "(one column per class).").only(Face.CLI, Face.NODE)));

    private PredictOperation() {
    }

    public static Inference.Predictions run(Values v, TrainedModel model, Dataset data, Progress progress) {
        return Inference.predict(model, data, v.integer("batch_size"), progress);
    }
}
