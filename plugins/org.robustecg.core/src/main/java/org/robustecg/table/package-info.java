/**
 * A small column-typed table (the form the KNIME nodes exchange), free of KNIME's classes. Depends on nothing else
 * of RobustECG.
 */
package org.robustecg.table;
