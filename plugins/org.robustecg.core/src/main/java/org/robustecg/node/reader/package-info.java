/**
 * The ECG Reader node's step and settings: WFDB, EDF, CPSC2018 and Kaggle files to a records table. May use node,
 * node.tables and the core layers below.
 */
package org.robustecg.node.reader;
