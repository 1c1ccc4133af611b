package org.robustecg.train;

import java.util.List;

/**
 * The outcome of training.
 *
 * @param history      one record per epoch run
 * @param bestEpoch    the epoch whose parameters the model now holds (lowest validation loss)
 * @param stoppedEarly true if early stopping ended training before the last epoch
 */
public record TrainingResult(List<EpochRecord> history, int bestEpoch, boolean stoppedEarly) {

    public TrainingResult {
        history = List.copyOf(history);
    }
}
