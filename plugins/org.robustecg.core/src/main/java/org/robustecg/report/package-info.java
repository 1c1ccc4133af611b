/**
 * Charts (PNG) of curves, confusion matrices, channel activations and attacked examples. May use metrics, attack,
 * model, data and io.
 */
package org.robustecg.report;
