/**
 * The ECG domain types every reader produces: records, leads, annotations and the AAMI heartbeat classes. Depends
 * on nothing else of RobustECG.
 */
package org.robustecg.ecg;
