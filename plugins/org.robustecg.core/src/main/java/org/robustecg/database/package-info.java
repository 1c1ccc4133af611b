/**
 * The public ECG databases as datasets: MIT-BIH beats, CPSC2018 records, and their download from PhysioNet. May use
 * preprocess, data, io and ecg.
 */
package org.robustecg.database;
