/**
 * numpy's .npy and .npz arrays, read and written without numpy. May use io only.
 */
package org.robustecg.io.npz;
