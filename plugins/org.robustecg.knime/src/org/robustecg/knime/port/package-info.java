/**
 * The RobustECG model port of KNIME: a model file and its description passed between nodes. May use the core's
 * model and node packages, and KNIME.
 */
package org.robustecg.knime.port;
