/**
 * A small column-typed table (the form the KNIME nodes exchange), free of KNIME's classes. Depends on nothing else
 * of RobustECG. The conversions between such tables and ECG records or datasets are the nodes' concern
 * ({@code node.tables}).
 */
package org.robustecg.table;
