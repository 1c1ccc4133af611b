package org.robustecg.io.wfdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed WFDB header ({@code .hea}): the record line, the signal lines (single-segment record) or the
 * segment lines (multi-segment record), and the comment lines.
 *
 * @param recordName        record name
 * @param numberOfSegments  0 for a single-segment record
 * @param samplingFrequency frames per second (default 250)
 * @param counterFrequency  counter frequency (defaults to the sampling frequency)
 * @param baseCounter       counter value of sample 0 (default 0)
 * @param numberOfSamples   frames per signal, or -1 when the header does not say
 * @param baseTime          time of day of sample 0 as written, or empty
 * @param baseDate          date of sample 0 as written, or empty
 * @param numberOfSignals   signals declared on the record line
 * @param signals           the signal lines (empty for a multi-segment record)
 * @param segments          the segment lines (empty for a single-segment record)
 * @param comments          comment lines without the leading '#', trimmed
 */
public record WfdbHeader(String recordName, int numberOfSegments, double samplingFrequency, double counterFrequency,
        double baseCounter, long numberOfSamples, String baseTime, String baseDate, int numberOfSignals,
        List<SignalSpec> signals, List<SegmentSpec> segments, List<String> comments) {

    public WfdbHeader {
        signals = List.copyOf(signals);
        segments = List.copyOf(segments);
        comments = List.copyOf(comments);
    }

    public boolean isMultiSegment() {
        return numberOfSegments > 0;
    }

    /**
     * "Key: value" facts of the comment lines, keys lower-cased without angle brackets: "#Age: 74" gives
     * age=74, "#Dx: 59118001" gives dx=59118001, "# sex: female" gives sex=female; and
     * "&lt;age&gt;: 25 &lt;sex&gt;: M" (PTB-XL style) gives age=25, sex=M.
     */
    public Map<String, String> commentFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String comment : comments) {
            if (comment.startsWith("<")) {
                String[] parts = comment.split("<");
                for (String part : parts) {
                    int close = part.indexOf(">:");
                    if (close > 0) {
                        facts.putIfAbsent(part.substring(0, close).trim().toLowerCase(Locale.ROOT),
                                part.substring(close + 2).trim());
                    }
                }
                continue;
            }
            int colon = comment.indexOf(':');
            if (colon > 0 && colon < 40) {
                String key = comment.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = comment.substring(colon + 1).trim();
                if (!key.isEmpty() && !value.isEmpty()) {
                    facts.putIfAbsent(key, value);
                }
            }
        }
        return facts;
    }
}
