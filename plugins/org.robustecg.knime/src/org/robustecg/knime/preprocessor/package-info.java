/**
 * The ECG Preprocessor node's factory. May use knime.node and its core step.
 */
package org.robustecg.knime.preprocessor;
