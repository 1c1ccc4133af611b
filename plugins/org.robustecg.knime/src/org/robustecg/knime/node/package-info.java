/**
 * The generic KNIME node model, dialog, factory and table converter that run a core node step. May use knime.port,
 * the core's node package and the layers below it, and KNIME.
 */
package org.robustecg.knime.node;
