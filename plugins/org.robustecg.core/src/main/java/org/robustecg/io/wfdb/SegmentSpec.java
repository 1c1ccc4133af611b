package org.robustecg.io.wfdb;

/**
 * One segment of a multi-segment WFDB record.
 *
 * @param recordName the segment's record name, or "~" for a null segment (no signals, just a gap)
 * @param numberOfSamples frames in the segment (0 marks the layout segment of a variable-layout record)
 */
public record SegmentSpec(String recordName, long numberOfSamples) {

    public boolean isNull() {
        return "~".equals(recordName);
    }
}
