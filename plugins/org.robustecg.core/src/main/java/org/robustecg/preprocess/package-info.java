/**
 * Signal processing that turns records into items: filters, resampling, R-peak detection, beat extraction. May use
 * data and ecg.
 */
package org.robustecg.preprocess;
