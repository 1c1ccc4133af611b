package org.robustecg.io.wfdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.robustecg.ecg.Lead;
import org.robustecg.ecg.Record;
import org.robustecg.io.EcgFormatException;

/**
 * Reads WFDB records: the header, then each signal file (several signals may share one file, frame by
 * frame), in any WFDB storage format, with samples per frame, skew and byte offset; multi-segment records
 * are joined. Signal files may be MATLAB v4 {@code .mat} files: their header is skipped by the byte offset.
 */
public final class WfdbRecordReader {

    /** More samples per frame than any real record has: a corrupt header. */
    private static final int MAX_FRAME = 1 << 20;

    private WfdbRecordReader() {
    }

    /** Reads record {@code name} of {@code folder} ({@code folder/name.hea}). */
    public static WfdbRecord read(Path folder, String name, WfdbReadOptions options) throws EcgFormatException {
        return read(folder.resolve(name + ".hea"), options);
    }

    public static WfdbRecord read(Path headerFile, WfdbReadOptions options) throws EcgFormatException {
        WfdbHeader header = WfdbHeaderParser.parse(headerFile);
        if (header.isMultiSegment()) {
            return readSegments(headerFile, header, options);
        }
        Signals read = readSignals(headerFile, header, options);
        return new WfdbRecord(header, header.signals(), read.digital(), read.storedChecksums(),
                toRecord(header, read.digital()));
    }

    /** Digital samples of each signal and the 16-bit sum of its samples as stored (skew included). */
    private record Signals(List<int[]> digital, List<Integer> storedChecksums) {
    }

    private static Signals readSignals(Path headerFile, WfdbHeader header, WfdbReadOptions options)
            throws EcgFormatException {
        List<SignalSpec> signals = header.signals();
        if (signals.isEmpty()) {
            throw new EcgFormatException(headerFile, "line 1", "record " + header.recordName()
                    + " declares no signals: there are no samples to read");
        }
        int[][] out = new int[signals.size()][];
        Integer[] sums = new Integer[signals.size()];
        // Signals stored in the same file, in header order.
        Map<String, List<Integer>> files = new LinkedHashMap<>();
        for (int i = 0; i < signals.size(); i++) {
            if ("~".equals(signals.get(i).fileName())) {
                throw new EcgFormatException(headerFile, "signal " + i, "no signal file ('~'): only the layout "
                        + "segment of a multi-segment record may have signals without samples");
            }
            files.computeIfAbsent(signals.get(i).fileName(), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> file : files.entrySet()) {
            readFile(headerFile, header, file.getKey(), file.getValue(), options, out, sums);
        }
        return new Signals(Arrays.asList(out), Arrays.asList(sums));
    }

    private static void readFile(Path headerFile, WfdbHeader header, String fileName, List<Integer> members,
            WfdbReadOptions options, int[][] out, Integer[] sums) throws EcgFormatException {
        List<SignalSpec> signals = header.signals();
        SignalSpec first = signals.get(members.get(0));
        Path file = headerFile.resolveSibling(fileName);
        SignalFormat format = SignalFormat.of(first.format());
        long frameSize = 0;
        int maxSkew = 0;
        for (int i : members) {
            SignalSpec s = signals.get(i);
            if (s.format() != first.format() || s.byteOffset() != first.byteOffset()) {
                throw new EcgFormatException(headerFile, "signal " + i,
                        "signals of file " + fileName + " disagree on format or byte offset");
            }
            frameSize += s.samplesPerFrame();
            maxSkew = Math.max(maxSkew, s.skew());
        }
        if (frameSize > MAX_FRAME) {
            throw new EcgFormatException(headerFile, null, "frames of " + frameSize + " samples in " + fileName
                    + " are beyond any ECG format");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EcgFormatException(file, null, "signal file of record " + header.recordName() + " not found");
        } catch (IOException e) {
            throw new EcgFormatException(file, null, "cannot read signal file: " + EcgFormatException.reason(e), e);
        } catch (OutOfMemoryError e) {
            throw new EcgFormatException(file, null, "signal file too large to read");
        }
        long offset = first.byteOffset();
        if (offset > bytes.length) {
            throw new EcgFormatException(file, "byte offset " + offset, "file has only " + bytes.length + " bytes");
        }
        long storedFrames = format.samplesIn(bytes.length - offset) / frameSize;
        long frames = header.numberOfSamples() >= 0 ? header.numberOfSamples() : storedFrames;
        if (frames * frameSize > Integer.MAX_VALUE - 8) {
            throw new EcgFormatException(headerFile, "line 1", "record of " + frames + " frames is too long to read");
        }
        if (options.strictLength()) {
            long expectedBytes = offset + format.bytesFor(frames * frameSize);
            if (bytes.length < expectedBytes) {
                throw new EcgFormatException(file, "byte " + bytes.length, "truncated: header says " + frames
                        + " frames of " + frameSize + " samples (" + expectedBytes + " bytes), file has "
                        + bytes.length + " bytes");
            }
            if (bytes.length > expectedBytes + frameSize * 4L) {
                throw new EcgFormatException(file, "byte " + expectedBytes, "longer than the header says: "
                        + frames + " frames need " + expectedBytes + " bytes, file has " + bytes.length);
            }
        }
        if (frames > storedFrames && frames - storedFrames > Math.max(storedFrames, MAX_FRAME)) {
            // Even a lenient read does not invent most of a record.
            throw new EcgFormatException(file, "byte " + bytes.length, "header says " + frames
                    + " frames, the file holds only " + storedFrames);
        }
        long wantedFrames = Math.min(storedFrames, frames + maxSkew);
        if (wantedFrames * frameSize > Integer.MAX_VALUE - 8) {
            throw new EcgFormatException(file, null, "too many samples for one record: " + wantedFrames * frameSize);
        }
        int[] stream = format.decode(bytes, (int) offset, (int) (wantedFrames * frameSize));
        int frame = (int) frameSize;
        int position = 0;
        for (int i : members) {
            SignalSpec s = signals.get(i);
            int spf = s.samplesPerFrame();
            if (format == SignalFormat.DIFF8) {
                accumulate(stream, frame, position, spf, s.initialValue());
            }
            int[] samples = new int[Math.toIntExact(frames * spf)];
            int[] stored = new int[Math.toIntExact(Math.min(frames, wantedFrames) * spf)];
            for (long t = 0; t < frames; t++) {
                long storedFrame = t + s.skew();
                for (int k = 0; k < spf; k++) {
                    samples[(int) (t * spf + k)] = storedFrame < wantedFrames
                            ? stream[(int) (storedFrame * frame + position + k)] : format.invalidValue();
                    if (t < wantedFrames) {
                        stored[(int) (t * spf + k)] = stream[(int) (t * frame + position + k)];
                    }
                }
            }
            // The header's checksum sums the signal as stored, so it includes the frames a skew shifts away.
            sums[i] = WfdbRecord.checksum(stored);
            if (options.verifyChecksums() && s.checksum() != null && sums[i] != (short) (int) s.checksum()) {
                throw new EcgFormatException(file, "signal " + i + " (" + s.description() + ")", "checksum mismatch: "
                        + "header says " + s.checksum() + ", data sum to " + sums[i]);
            }
            out[i] = samples;
            position += spf;
        }
    }

    /** Turns first differences into values, in place, for one signal of a frame-interleaved stream. */
    private static void accumulate(int[] stream, int frameSize, int position, int spf, int initial) {
        int value = initial;
        for (int f = 0; f * frameSize < stream.length; f++) {
            for (int k = 0; k < spf; k++) {
                int at = f * frameSize + position + k;
                value += stream[at];
                stream[at] = value;
            }
        }
    }

    /**
     * Physical leads. When all signals have the same samples per frame, the record keeps every sample
     * (rate = frame rate x samples per frame); otherwise each frame is averaged, as WFDB's frame-rate
     * readers do.
     */
    static Record toRecord(WfdbHeader header, List<int[]> digital) {
        List<SignalSpec> signals = header.signals();
        boolean uniform = signals.stream().mapToInt(SignalSpec::samplesPerFrame).distinct().count() <= 1;
        int spfAll = signals.isEmpty() ? 1 : signals.get(0).samplesPerFrame();
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            SignalSpec s = signals.get(i);
            int[] d = digital.get(i);
            double[] physical;
            if (uniform) {
                physical = new double[d.length];
                for (int k = 0; k < d.length; k++) {
                    physical[k] = s.toPhysical(d[k]);
                }
            } else {
                int spf = s.samplesPerFrame();
                physical = new double[d.length / spf];
                for (int t = 0; t < physical.length; t++) {
                    double sum = 0;
                    for (int k = 0; k < spf; k++) {
                        sum += s.toPhysical(d[t * spf + k]);
                    }
                    physical[t] = sum / spf;
                }
            }
            leads.add(new Lead(leadName(s, i), s.units(), physical));
        }
        double fs = header.samplingFrequency() * (uniform ? spfAll : 1);
        return new Record(header.recordName(), fs, leads, metadata(header));
    }

    private static String leadName(SignalSpec s, int index) {
        return s.description().isEmpty() ? "signal " + index : s.description();
    }

    private static Map<String, String> metadata(WfdbHeader header) {
        Map<String, String> metadata = new LinkedHashMap<>(header.commentFacts());
        if (!header.baseTime().isEmpty()) {
            metadata.put("base_time", header.baseTime());
        }
        if (!header.baseDate().isEmpty()) {
            metadata.put("base_date", header.baseDate());
        }
        if (!header.comments().isEmpty()) {
            metadata.put("comments", String.join("\n", header.comments()));
        }
        return metadata;
    }

    /**
     * A multi-segment record: segments are read as records of their own and joined. With a layout segment
     * (the first, of length 0), signals are matched by description to the layout's signals; a signal or
     * segment that is missing ("~") gives NaN samples.
     */
    private static WfdbRecord readSegments(Path headerFile, WfdbHeader header, WfdbReadOptions options)
            throws EcgFormatException {
        List<SegmentSpec> segments = header.segments();
        List<SignalSpec> layout = null;
        int from = 0;
        if (!segments.isEmpty() && segments.get(0).numberOfSamples() == 0 && !segments.get(0).isNull()) {
            layout = WfdbHeaderParser.parse(headerFile.resolveSibling(segments.get(0).recordName() + ".hea")).signals();
            from = 1;
        }
        List<Record> parts = new ArrayList<>();
        List<Long> lengths = new ArrayList<>();
        for (int k = from; k < segments.size(); k++) {
            SegmentSpec segment = segments.get(k);
            lengths.add(segment.numberOfSamples());
            if (segment.isNull()) {
                parts.add(null);
                continue;
            }
            Path segmentHeader = headerFile.resolveSibling(segment.recordName() + ".hea");
            WfdbHeader partHeader = WfdbHeaderParser.parse(segmentHeader);
            if (partHeader.isMultiSegment()) {
                throw new EcgFormatException(segmentHeader, null, "a segment cannot itself have segments");
            }
            if (partHeader.signals().isEmpty()) {
                parts.add(null);
                continue;
            }
            WfdbRecord part = new WfdbRecord(partHeader, partHeader.signals(), List.of(), List.of(),
                    toRecord(partHeader, readSignals(segmentHeader, partHeader, options).digital()));
            if (part.record().length() != segment.numberOfSamples()) {
                throw new EcgFormatException(headerFile, "segment " + segment.recordName(), "segment has "
                        + part.record().length() + " samples, the record header says " + segment.numberOfSamples());
            }
            parts.add(part.record());
            if (layout == null) {
                layout = part.signals();
            }
        }
        if (layout == null) {
            throw new EcgFormatException(headerFile, null, "multi-segment record without any signals");
        }
        long total = lengths.stream().mapToLong(Long::longValue).sum();
        List<Lead> leads = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < layout.size(); i++) {
            SignalSpec s = layout.get(i);
            String name = leadName(s, i);
            int occurrence = seen.merge(name, 1, Integer::sum) - 1;
            double[] joined = new double[Math.toIntExact(total)];
            int at = 0;
            for (int k = 0; k < parts.size(); k++) {
                int len = Math.toIntExact(lengths.get(k));
                Lead lead = parts.get(k) == null ? null : nth(parts.get(k), name, occurrence);
                for (int t = 0; t < len; t++) {
                    joined[at + t] = lead == null ? Double.NaN : lead.samples()[t];
                }
                at += len;
            }
            leads.add(new Lead(name, s.units(), joined));
        }
        Record record = new Record(header.recordName(), header.samplingFrequency(), leads, metadata(header));
        return new WfdbRecord(header, layout, List.of(), List.of(), record);
    }

    private static Lead nth(Record record, String name, int occurrence) {
        int found = 0;
        for (Lead lead : record.leads()) {
            if (lead.name().equals(name) && found++ == occurrence) {
                return lead;
            }
        }
        return null;
    }
}
