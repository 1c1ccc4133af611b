/**
 * The Model Writer and Model Reader nodes' steps. May use node and the core layers below.
 */
package org.robustecg.node.modelio;
