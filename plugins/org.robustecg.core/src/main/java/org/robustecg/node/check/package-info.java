/**
 * The Expectation Check node's step: assertions on a table for testflows and quality gates. May use node and the
 * core layers below.
 */
package org.robustecg.node.check;
