package org.robustecg.train;

import java.util.List;
import org.robustecg.model.EpochRecord;

/**
 * The outcome of training.
 *
 * @param history      one record per epoch run
 * @param bestEpoch    the epoch whose parameters the model now holds (lowest validation loss)
 * @param stoppedEarly true if early stopping ended training before the last epoch
 * @param skippedSteps steps left out because their loss or a gradient was not finite (a diverging run fails
 *                     after {@value Trainer#MAX_BAD_STEPS} in a row)
 */
public record TrainingResult(List<EpochRecord> history, int bestEpoch, boolean stoppedEarly, int skippedSteps) {

    public TrainingResult {
        history = List.copyOf(history);
    }
}
