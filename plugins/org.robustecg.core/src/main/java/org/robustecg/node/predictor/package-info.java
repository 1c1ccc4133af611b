/**
 * The ECG Predictor node's step. May use node, node.tables and the core layers below.
 */
package org.robustecg.node.predictor;
