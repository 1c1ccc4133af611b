/**
 * Datasets of items ready for a network (signals, labels, masks), their batches, splits and file formats (.npz, the
 * Kaggle heartbeat CSV). May use io only; never preprocessing, models or anything above.
 */
package org.robustecg.data;
