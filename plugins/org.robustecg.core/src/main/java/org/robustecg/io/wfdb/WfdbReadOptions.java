package org.robustecg.io.wfdb;

/**
 * How strictly a WFDB record is read.
 *
 * @param verifyChecksums check every signal against its header checksum (a mismatch is an error)
 * @param strictLength    a signal file shorter or longer than the header says is an error; when false, a
 *                        short file gives invalid (NaN) samples at the end and extra bytes are ignored
 */
public record WfdbReadOptions(boolean verifyChecksums, boolean strictLength) {

    /** Checksums verified, lengths strict. */
    public static final WfdbReadOptions STRICT = new WfdbReadOptions(true, true);

    /** Proceed past checksum and length mismatches. */
    public static final WfdbReadOptions LENIENT = new WfdbReadOptions(false, false);
}
