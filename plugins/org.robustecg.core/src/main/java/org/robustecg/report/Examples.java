package org.robustecg.report;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.robustecg.attack.AttackSettings;
import org.robustecg.attack.Attacks;
import org.robustecg.data.Batch;
import org.robustecg.data.Dataset;
import org.robustecg.model.Classifier;
import org.robustecg.model.TrainedModel;

/** Charts of single attacked inputs. */
public final class Examples {

    private Examples() {
    }

    /** Draws the first lead of item {@code index}, clean and attacked at {@code eps}, with the perturbation. */
    public static void adversarialExample(TrainedModel model, Dataset data, int index, AttackSettings settings,
            double eps, String title, Path png) throws IOException {
        try (NDManager scratch = model.manager().newSubManager()) {
            Batch b = Batch.of(data, new int[] {index}, scratch);
            float[] adversarial;
            try (Classifier.Frozen frozen = model.classifier().frozen()) {
                adversarial = Attacks.run(model.classifier(), b.x(), b.mask(), b.labels(), eps, settings).toFloatArray();
            }
            int length = data.length();
            Charts.adversarialExample(Arrays.copyOf(b.x().toFloatArray(), length), Arrays.copyOf(adversarial, length),
                    data.samplingFrequency(), title, png);
        }
    }
}
