/**
 * Scores of predictions and attacks: confusion matrices, ACC_robust and F1_robust with intervals, worst case,
 * masking checks, channel activations, the predictions table. May use attack, model, data and below; never
 * training.
 */
package org.robustecg.metrics;
