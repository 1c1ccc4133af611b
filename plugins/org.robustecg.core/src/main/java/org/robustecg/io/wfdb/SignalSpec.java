package org.robustecg.io.wfdb;

/**
 * One signal line of a WFDB header.
 *
 * @param fileName        signal file ("~" in a layout segment means no file)
 * @param format          storage format code (8, 16, 24, 32, 61, 80, 160, 212, 310, 311)
 * @param samplesPerFrame samples of this signal in each frame (the "x" suffix, default 1)
 * @param skew            frames by which the signal is delayed in its file (the ":" suffix, default 0)
 * @param byteOffset      bytes to skip at the start of the file (the "+" suffix, default 0)
 * @param adcGain         digital units per physical unit (default 200)
 * @param baseline        digital value of physical zero (default: the ADC zero)
 * @param units           physical units (default "mV")
 * @param adcResolution   bits of resolution (0 = the format's default)
 * @param adcZero         digital value in the middle of the ADC range
 * @param initialValue    value of the first sample (used by first-difference format 8)
 * @param checksum        16-bit sum of all samples of the signal, or null if the header gives none
 * @param blockSize       block size of the file (0 = not block structured)
 * @param description     signal description, used as the lead name (e.g. "MLII", "V5")
 */
public record SignalSpec(String fileName, int format, int samplesPerFrame, int skew, long byteOffset, double adcGain,
        int baseline, String units, int adcResolution, int adcZero, int initialValue, Integer checksum, int blockSize,
        String description) {

    /** Physical value of a digital sample; NaN for the format's "invalid sample" code. */
    public double toPhysical(int digital) {
        if (digital == SignalFormat.of(format).invalidValue()) {
            return Double.NaN;
        }
        return (digital - baseline) / adcGain;
    }
}
