/**
 * The CASLCNet Learner node's factory and its view of loss and accuracy per epoch. May use knime.node, its core
 * step and the core's model.
 */
package org.robustecg.knime.learner;
