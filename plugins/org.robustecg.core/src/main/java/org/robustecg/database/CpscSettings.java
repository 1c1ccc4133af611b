package org.robustecg.database;

import java.util.List;

/**
 * How CPSC2018 recordings become model input (METHOD 2.7, following the public reference code).
 *
 * @param leads          leads kept, in this order (I, II, V1-V6: the derived limb leads are dropped)
 * @param cropLength     longer recordings are cut to this many samples (30,720 = 61.44 s at 500 Hz)
 * @param paddedLength   every item is zero padded to this length (33,792, the model's input length)
 * @param samplingFrequency recordings at another rate are resampled to it (500 Hz)
 */
public record CpscSettings(List<String> leads, int cropLength, int paddedLength, double samplingFrequency) {

    public static final CpscSettings DEFAULT = new CpscSettings(
            List.of("I", "II", "V1", "V2", "V3", "V4", "V5", "V6"), 30720, 33792, 500);

    public CpscSettings {
        leads = List.copyOf(leads);
        if (leads.isEmpty() || cropLength < 1 || paddedLength < cropLength || !(samplingFrequency > 0)) {
            throw new IllegalArgumentException("CPSC settings need leads and 0 < crop length <= padded length");
        }
    }
}
