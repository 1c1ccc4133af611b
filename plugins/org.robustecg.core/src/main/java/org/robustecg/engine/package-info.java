/**
 * The deep-learning engine (DJL's PyTorch) and its device: loading, thread settings, which CPU or GPU runs. Depends
 * on nothing else of RobustECG.
 */
package org.robustecg.engine;
