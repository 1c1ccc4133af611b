package org.robustecg.io.edf;

/**
 * One ordinary signal of an EDF/EDF+ file, in physical units.
 *
 * @param label             signal label (e.g. "ECG", "EEG Fpz-Cz")
 * @param units             physical dimension (e.g. "uV")
 * @param samplingFrequency samples per second
 * @param samples           physical values
 */
public record EdfSignal(String label, String units, double samplingFrequency, double[] samples) {
}
