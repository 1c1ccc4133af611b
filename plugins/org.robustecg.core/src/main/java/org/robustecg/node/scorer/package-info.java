/**
 * The Robustness Scorer node's step and settings. May use node, node.tables and the core layers below.
 */
package org.robustecg.node.scorer;
