package org.robustecg.io.wfdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.robustecg.io.EcgFormatException;

/** Parses WFDB header files ({@code .hea}) in the full grammar of the WFDB header format. */
public final class WfdbHeaderParser {

    private static final double DEFAULT_FREQUENCY = 250;
    private static final double DEFAULT_GAIN = 200;
    private static final Pattern FREQUENCY = Pattern.compile("([^/]+)(?:/([^(]+)(?:\\((.+)\\))?)?");
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:x(\\d+))?(?::(\\d+))?(?:\\+(\\d+))?");
    private static final Pattern GAIN = Pattern.compile("([^(/]+)(?:\\((-?\\d+)\\))?(?:/(.*))?");

    private WfdbHeaderParser() {
    }

    public static WfdbHeader parse(Path headerFile) throws EcgFormatException {
        List<String> lines;
        try {
            lines = Files.readAllLines(headerFile, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new EcgFormatException(headerFile, null, "header file not found");
        } catch (IOException e) {
            throw new EcgFormatException(headerFile, null, "cannot read header: " + EcgFormatException.reason(e), e);
        }
        return parse(headerFile, lines);
    }

    /** Parses header lines; {@code source} names the file in error messages. */
    public static WfdbHeader parse(Path source, List<String> lines) throws EcgFormatException {
        List<String> comments = new ArrayList<>();
        List<String[]> content = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
            } else if (!line.isEmpty()) {
                content.add(line.split("\\s+"));
                lineNumbers.add(i + 1);
            }
        }
        if (content.isEmpty()) {
            throw new EcgFormatException(source, "line 1", "no record line in header");
        }
        Fields record = new Fields(source, lineNumbers.get(0), content.get(0));
        String[] nameAndSegments = record.text(0, null).split("/", -1);
        String name = nameAndSegments[0];
        int segments = nameAndSegments.length > 1 ? record.parseInt(nameAndSegments[1], "number of segments") : 0;
        int numberOfSignals = record.integer(1, 0, "number of signals");
        double fs = DEFAULT_FREQUENCY;
        double counterFrequency = DEFAULT_FREQUENCY;
        double baseCounter = 0;
        if (record.has(2)) {
            Matcher m = FREQUENCY.matcher(record.text(2, null));
            if (!m.matches()) {
                throw record.error("bad sampling frequency '" + record.text(2, null) + "'");
            }
            fs = record.parseDouble(m.group(1), "sampling frequency");
            counterFrequency = m.group(2) == null ? fs : record.parseDouble(m.group(2), "counter frequency");
            baseCounter = m.group(3) == null ? 0 : record.parseDouble(m.group(3), "base counter");
            if (!(fs > 0)) {
                throw record.error("sampling frequency must be positive, is " + fs);
            }
        }
        long numberOfSamples = record.has(3) ? record.parseLong(record.text(3, null), "number of samples") : -1;
        String baseTime = record.text(4, "");
        String baseDate = record.text(5, "");
        if (segments < 0 || numberOfSignals < 0) {
            throw record.error("negative count");
        }

        List<SignalSpec> signals = new ArrayList<>();
        List<SegmentSpec> segmentSpecs = new ArrayList<>();
        int expected = segments > 0 ? segments : numberOfSignals;
        if (content.size() - 1 < expected) {
            throw new EcgFormatException(source, "line " + (lines.size()),
                    "header declares " + expected + (segments > 0 ? " segments" : " signals") + " but has "
                            + (content.size() - 1) + " " + (segments > 0 ? "segment" : "signal") + " lines");
        }
        for (int k = 1; k <= expected; k++) {
            Fields f = new Fields(source, lineNumbers.get(k), content.get(k));
            if (segments > 0) {
                segmentSpecs.add(new SegmentSpec(f.text(0, null), f.parseLong(f.text(1, null), "segment length")));
            } else {
                signals.add(signal(f));
            }
        }
        return new WfdbHeader(name, segments, fs, counterFrequency, baseCounter, numberOfSamples, baseTime, baseDate,
                numberOfSignals, signals, segmentSpecs, comments);
    }

    private static SignalSpec signal(Fields f) throws EcgFormatException {
        String file = f.text(0, null);
        Matcher format = FORMAT.matcher(f.text(1, "0"));
        if (!format.matches()) {
            throw f.error("bad format field '" + f.text(1, "") + "'");
        }
        int code = f.parseInt(format.group(1), "format");
        if (!SignalFormat.isKnown(code) && !"~".equals(file)) {
            throw f.error("unknown signal format " + code);
        }
        int spf = format.group(2) == null ? 1 : f.parseInt(format.group(2), "samples per frame");
        int skew = format.group(3) == null ? 0 : f.parseInt(format.group(3), "skew");
        long offset = format.group(4) == null ? 0 : f.parseLong(format.group(4), "byte offset");
        if (spf < 1) {
            throw f.error("samples per frame must be at least 1");
        }
        double gain = DEFAULT_GAIN;
        Integer baseline = null;
        String units = "mV";
        if (f.has(2)) {
            Matcher g = GAIN.matcher(f.text(2, null));
            if (!g.matches()) {
                throw f.error("bad gain field '" + f.text(2, null) + "'");
            }
            gain = f.parseDouble(g.group(1), "ADC gain");
            baseline = g.group(2) == null ? null : f.parseInt(g.group(2), "baseline");
            units = g.group(3) == null || g.group(3).isEmpty() ? "mV" : g.group(3);
            if (gain == 0) {
                gain = DEFAULT_GAIN;
            }
        }
        int resolution = f.has(3) ? f.integer(3, 0, "ADC resolution") : 0;
        if (resolution == 0 && SignalFormat.isKnown(code)) {
            resolution = SignalFormat.of(code).defaultResolution();
        }
        int adcZero = f.integer(4, 0, "ADC zero");
        int initial = f.integer(5, adcZero, "initial value");
        Integer checksum = f.has(6) ? f.integer(6, 0, "checksum") : null;
        int blockSize = f.integer(7, 0, "block size");
        String description = f.rest(8);
        return new SignalSpec(file, code, spf, skew, offset, gain, baseline == null ? adcZero : baseline, units,
                resolution, adcZero, initial, checksum, blockSize, description);
    }

    /** The whitespace-separated fields of one header line, with errors that name file and line. */
    private record Fields(Path source, int line, String[] fields) {

        boolean has(int index) {
            return index < fields.length;
        }

        String text(int index, String fallback) throws EcgFormatException {
            if (has(index)) {
                return fields[index];
            }
            if (fallback == null) {
                throw error("field " + (index + 1) + " is missing");
            }
            return fallback;
        }

        String rest(int from) {
            return from >= fields.length ? "" : String.join(" ", java.util.Arrays.copyOfRange(fields, from, fields.length));
        }

        int integer(int index, int fallback, String what) throws EcgFormatException {
            return has(index) ? parseInt(fields[index], what) : fallback;
        }

        int parseInt(String text, String what) throws EcgFormatException {
            long value = parseLong(text, what);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw error(what + " out of range: '" + text + "'");
            }
            return (int) value;
        }

        long parseLong(String text, String what) throws EcgFormatException {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw error("bad " + what + " '" + text + "'");
            }
        }

        double parseDouble(String text, String what) throws EcgFormatException {
            try {
                double value = Double.parseDouble(text);
                if (!Double.isFinite(value)) {
                    throw error("bad " + what + " '" + text + "'");
                }
                return value;
            } catch (NumberFormatException e) {
                throw error("bad " + what + " '" + text + "'");
            }
        }

        EcgFormatException error(String problem) {
            return new EcgFormatException(source, "line " + line, problem);
        }
    }
}
