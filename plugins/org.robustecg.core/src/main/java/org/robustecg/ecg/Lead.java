package org.robustecg.ecg;

/**
 * One lead (signal channel) of a recording, in physical units.
 *
 * @param name    lead name as the source file gives it (e.g. "MLII", "V1")
 * @param units   physical units (e.g. "mV")
 * @param samples the samples in physical units; the array is owned by the lead, do not modify
 */
public record Lead(String name, String units, double[] samples) {

    public int length() {
        return samples.length;
    }
}
