/**
 * The public ECG databases as datasets: MIT-BIH beats, CPSC2018 records, and their download from PhysioNet. May use
 * preprocess, data, io and ecg. A database is a source of records and labels; what it yields is a {@code data}
 * dataset.
 */
package org.robustecg.database;
