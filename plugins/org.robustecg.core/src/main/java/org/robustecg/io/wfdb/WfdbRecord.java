package org.robustecg.io.wfdb;

import java.util.List;
import org.robustecg.ecg.Record;

/**
 * A decoded WFDB record.
 *
 * @param header          the parsed header
 * @param signals         the signal lines the digital samples belong to (for a multi-segment record: the layout's)
 * @param digital         stored (digital) samples of each signal, {@code numberOfSamples * samplesPerFrame} values;
 *                        empty for a multi-segment record, whose segments may differ in gain
 * @param storedChecksums 16-bit sum of each signal's samples as its file stores them, including those a skew
 *                        shifts before sample 0: what the header's checksum covers; empty for a multi-segment record
 * @param record          the record in physical units
 */
public record WfdbRecord(WfdbHeader header, List<SignalSpec> signals, List<int[]> digital,
        List<Integer> storedChecksums, Record record) {

    public WfdbRecord {
        signals = List.copyOf(signals);
        digital = List.copyOf(digital);
        storedChecksums = List.copyOf(storedChecksums);
    }

    /**
     * Whether signal {@code i} sums to its header's checksum; null when the header gives none or for a
     * multi-segment record.
     */
    public Boolean checksumMatches(int i) {
        Integer stated = signals.get(i).checksum();
        if (stated == null || storedChecksums.isEmpty()) {
            return null;
        }
        return storedChecksums.get(i) == (short) (int) stated;
    }

    /** 16-bit checksum of a signal's digital samples, as WFDB headers state it (-32768..32767). */
    public static int checksum(int[] samples) {
        int sum = 0;
        for (int s : samples) {
            sum += s;
        }
        return (short) sum;
    }
}
