/**
 * The operations of the product (dataset, train, predict, attack, score, channels), each with one schema of its
 * settings ({@link org.robustecg.ops.Schema}): the command line's options, the KNIME nodes' settings, dialogs and
 * descriptions, and the study files' keys are all made from it and checked by it ({@link org.robustecg.ops.Values}),
 * so every face offers the same settings under one name with one default. The faces call the operations; the
 * operations call the compute core (datasets, training, attacks, metrics).
 */
package org.robustecg.ops;
