package org.robustecg.data;

/** A dataset divided into a training part and a test part. */
public record Split(Dataset train, Dataset test) {
}
