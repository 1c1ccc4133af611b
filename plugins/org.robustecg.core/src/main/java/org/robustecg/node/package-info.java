/**
 * The KNIME nodes' logic without KNIME: a step per node with its options and ports, run by the KNIME bundle. May
 * use every core layer below it, never the study, the command line or KNIME's classes.
 */
package org.robustecg.node;
