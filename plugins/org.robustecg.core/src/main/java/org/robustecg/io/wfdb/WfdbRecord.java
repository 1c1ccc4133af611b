package org.robustecg.io.wfdb;

import java.util.List;
import org.robustecg.ecg.Record;

/**
 * A decoded WFDB record.
 *
 * @param header  the parsed header
 * @param signals the signal lines the digital samples belong to (for a multi-segment record: the layout's)
 * @param digital stored (digital) samples of each signal, {@code numberOfSamples * samplesPerFrame} values;
 *                empty for a multi-segment record, whose segments may differ in gain
 * @param record  the record in physical units
 */
public record WfdbRecord(WfdbHeader header, List<SignalSpec> signals, List<int[]> digital, Record record) {

    public WfdbRecord {
        signals = List.copyOf(signals);
        digital = List.copyOf(digital);
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
