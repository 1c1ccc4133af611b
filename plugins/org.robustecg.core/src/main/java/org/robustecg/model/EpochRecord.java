package org.robustecg.model;

import java.util.List;

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
 * @param headChanged      per l-inf head layer, the share of (item, unit) pairs whose deciding input differs from the
 *                         one at initialisation, on up to 256 fixed validation items (empty without an l-inf head; may
 *                         be null in model files written before it was recorded)
 * @param seconds          wall time of the epoch
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double robustAccuracy, double learningRate, double p, List<Double> headChanged,
        double seconds) {

    public EpochRecord {
        headChanged = headChanged == null ? null : List.copyOf(headChanged);
    }
}
