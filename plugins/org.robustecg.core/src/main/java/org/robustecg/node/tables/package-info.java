/**
 * Conversions between the nodes' tables and the core's records, datasets and attack rows. May use table and the
 * core layers below, never a node step.
 */
package org.robustecg.node.tables;
