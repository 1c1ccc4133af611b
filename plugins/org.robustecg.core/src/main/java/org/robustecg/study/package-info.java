/**
 * A whole robustness study from a study file: datasets, training, attacks, scores, the HTML report. A face of the
 * core like the command line and the nodes; may use every layer below it, never node, cli or knime.
 */
package org.robustecg.study;
