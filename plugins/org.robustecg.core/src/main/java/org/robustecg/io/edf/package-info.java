/**
 * The EDF/EDF+ reader. May use io and ecg only.
 */
package org.robustecg.io.edf;
