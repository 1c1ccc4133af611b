package org.robustecg.node;

import java.nio.file.Path;
import org.robustecg.progress.Progress;
import org.robustecg.train.TrainingListener;

/**
 * Where a step runs: its progress and cancellation, a folder for the files it makes (model files), and who
 * hears about training epochs (the learner's live view).
 */
public record StepContext(Progress progress, Path workFolder, TrainingListener training) {

    public static StepContext of(Progress progress, Path workFolder) {
        return new StepContext(progress, workFolder, new TrainingListener() {
        });
    }
}
