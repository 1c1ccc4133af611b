/**
 * Training a network: the trainer loop, Adamax, the learner that applies the paper's defaults for the data. May use
 * attack (the training adversary), model, objective, data and below.
 */
package org.robustecg.train;
