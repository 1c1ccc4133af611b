/**
 * The ECG Preprocessor node's step and settings: records to beats or padded records, splits. May use node,
 * node.tables and the core layers below.
 */
package org.robustecg.node.preprocessor;
