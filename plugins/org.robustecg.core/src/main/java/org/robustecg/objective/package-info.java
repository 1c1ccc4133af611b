/**
 * Losses on logits (cross-entropy, TRADES, MART, margins, the Jacobian and NSR penalties) and the training
 * objective built from them: what both training and the attacks optimise. Depends only on DJL.
 */
package org.robustecg.objective;
