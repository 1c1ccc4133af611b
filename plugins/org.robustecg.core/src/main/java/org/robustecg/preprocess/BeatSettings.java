package org.robustecg.preprocess;

/**
 * How heartbeats are cut from a recording (Kachuee et al. 2018, the "Kaggle heartbeat" form of MIT-BIH).
 *
 * @param samplingFrequency rate the lead is resampled to (125 Hz)
 * @param beatLength        samples per beat after zero padding (187)
 * @param windowFactor      a beat lasts windowFactor x the record's median R-R interval from its R peak (1.2)
 * @param lead              preferred lead (MLII); the first lead is used when the record has no such lead
 * @param peaks             where R peaks come from
 */
public record BeatSettings(double samplingFrequency, int beatLength, double windowFactor, String lead,
        PeakSource peaks) {

    /** Where the R peaks of the beats come from. */
    public enum PeakSource {
        /** The reference annotations (labels and positions). */
        ANNOTATIONS,
        /** The R-peak detector; each detection takes the label of the annotated beat within 150 ms. */
        DETECTOR
    }

    /** The Kaggle heartbeat form: 125 Hz, 187 samples, 1.2 x median R-R, lead MLII, annotated R peaks. */
    public static final BeatSettings KAGGLE = new BeatSettings(125, 187, 1.2, "MLII", PeakSource.ANNOTATIONS);

    public BeatSettings {
        if (!(samplingFrequency > 0) || beatLength < 2 || !(windowFactor > 0)) {
            throw new IllegalArgumentException("beat settings need a positive rate, length and window factor");
        }
    }
}
