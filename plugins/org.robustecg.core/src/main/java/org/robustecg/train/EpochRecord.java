package org.robustecg.train;

/**
 * What one training epoch achieved.
 *
 * @param epoch            1-based epoch number
 * @param trainLoss        mean training loss
 * @param trainAccuracy    accuracy on the natural training examples seen
 * @param validationLoss   natural cross-entropy on the validation set (NaN without one)
 * @param validationAccuracy accuracy on the validation set
 * @param robustAccuracy   accuracy under the training adversary on a validation subset (NaN if not measured)
 * @param learningRate     learning rate used
 * @param p                norm of the l-inf head at the end of the epoch (NaN without one)
 * @param seconds          wall time of the epoch
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double robustAccuracy, double learningRate, double p, double seconds) {
}
