/**
 * The Model Writer and Model Reader nodes' factories. May use knime.node and their core steps.
 */
package org.robustecg.knime.modelio;
