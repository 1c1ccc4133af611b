/**
 * The PhysioNet WFDB reader: headers, every signal storage format, annotations. May use io and ecg only.
 */
package org.robustecg.io.wfdb;
