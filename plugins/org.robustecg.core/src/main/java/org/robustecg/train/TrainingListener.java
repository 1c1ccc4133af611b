package org.robustecg.train;

import org.robustecg.model.EpochRecord;

/** Hears how training goes; every method has an empty default. */
public interface TrainingListener {

    /** After each step: 1-based epoch, 0-based batch, batches per epoch, the batch's loss. */
    default void batch(int epoch, int batch, int batches, double loss) {
    }

    default void epoch(EpochRecord record) {
    }
}
