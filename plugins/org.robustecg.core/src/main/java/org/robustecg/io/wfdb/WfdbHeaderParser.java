package org.robustecg.io.wfdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.robustecg.io.EcgFormatException;

/**
 * Parses WFDB header files ({@code .hea}) in the full grammar of the WFDB header format, checking every field
 * against the range the format allows. Base time and base date are told apart by their form, so that headers
 * that write the date first (the PhysioNet/CinC 2020 ones: {@code 12-May-2020 12:33:59}) read correctly.
 */
public final class WfdbHeaderParser {

    private static final double DEFAULT_FREQUENCY = 250;
    private static final double DEFAULT_GAIN = 200;
    /** Far beyond any real header (a multi-segment one of 100,000 segments is about 2 MB): not a header. */
    private static final long MAX_HEADER_BYTES = 64L << 20;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern FREQUENCY = Pattern.compile("([^/]+)(?:/([^(]+)(?:\\((.+)\\))?)?");
    private static final Pattern FORMAT = Pattern.compile("(-?\\d+)(?:x(-?\\d+))?(?::(-?\\d+))?(?:\\+(-?\\d+))?");
    private static final Pattern GAIN = Pattern.compile("([^(/]+)(?:\\((-?\\d+)\\))?(?:/(.*))?");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{1,2}):(\\d{1,2}(?:\\.\\d+)?)");
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    /** The date form of PhysioNet/CinC 2020 headers. */
    private static final Pattern NAMED_MONTH_DATE = Pattern.compile("(\\d{1,2})-([A-Za-z]{3})-(\\d{4})");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private WfdbHeaderParser() {
    }

    public static WfdbHeader parse(Path headerFile) throws EcgFormatException {
        requireHeaderSize(headerFile);
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

    /** Refuses a large (binary) file before reading it whole; a file that cannot be sized is reported by the read. */
    private static void requireHeaderSize(Path headerFile) throws EcgFormatException {
        long size;
        try {
            size = Files.size(headerFile);
        } catch (IOException e) {
            return;
        }
        if (size > MAX_HEADER_BYTES) {
            throw new EcgFormatException(headerFile, null, "is " + size + " bytes: a WFDB header is a short text file"
                    + " (at most " + MAX_HEADER_BYTES + " bytes here)");
        }
    }

    /** Parses header lines; {@code source} names the file in error messages. */
    public static WfdbHeader parse(Path source, List<String> lines) throws EcgFormatException {
        List<String> comments = new ArrayList<>();
        List<Fields> content = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            requireText(source, i + 1, lines.get(i));
            String line = lines.get(i).strip();
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
            } else if (!line.isEmpty()) {
                content.add(new Fields(source, i + 1, line.split("\\s+")));
            }
        }
        if (content.isEmpty()) {
            throw new EcgFormatException(source, null, "no record line: a WFDB header starts with "
                    + "'name number-of-signals [frequency [samples [time [date]]]]'");
        }
        Fields record = content.get(0);
        String[] nameAndSegments = record.text(0, "record name").split("/", -1);
        if (nameAndSegments.length > 2) {
            throw record.error("record name " + shown(record.text(0, "record name"))
                    + " has more than one '/' (allowed: name or name/number-of-segments)");
        }
        String name = name(record, nameAndSegments[0], "record name");
        int segments = nameAndSegments.length > 1
                ? (int) record.integer(nameAndSegments[1], "number of segments", 1, Integer.MAX_VALUE) : 0;
        int numberOfSignals = (int) record.integer(record.text(1, "number of signals"), "number of signals", 0,
                Integer.MAX_VALUE);
        double fs = DEFAULT_FREQUENCY;
        double counterFrequency = DEFAULT_FREQUENCY;
        double baseCounter = 0;
        if (record.has(2)) {
            Matcher m = FREQUENCY.matcher(record.fields[2]);
            if (!m.matches()) {
                throw record.error("bad sampling frequency field " + shown(record.fields[2])
                        + " (allowed: frequency[/counter-frequency[(base-counter)]], e.g. 360 or 360/1(0))");
            }
            fs = record.positive(m.group(1), "sampling frequency");
            counterFrequency = m.group(2) == null ? fs : record.positive(m.group(2), "counter frequency");
            baseCounter = m.group(3) == null ? 0 : record.number(m.group(3), "base counter");
        }
        long numberOfSamples = record.has(3)
                ? record.integer(record.fields[3], "number of samples", 0, Long.MAX_VALUE) : -1;
        String[] timeAndDate = timeAndDate(record);

        int expected = segments > 0 ? segments : numberOfSignals;
        String kind = segments > 0 ? "segment" : "signal";
        if (content.size() - 1 != expected) {
            throw record.error("declares " + expected + " " + kind + (expected == 1 ? "" : "s") + " but the header has "
                    + (content.size() - 1) + " " + kind + " line" + (content.size() == 2 ? "" : "s")
                    + " (one line per " + kind + ", comments start with '#')");
        }
        List<SignalSpec> signals = new ArrayList<>();
        List<SegmentSpec> segmentSpecs = new ArrayList<>();
        for (Fields f : content.subList(1, content.size())) {
            if (segments > 0) {
                segmentSpecs.add(segment(f));
            } else {
                signals.add(signal(f));
            }
        }
        if (segments > 0 && numberOfSamples >= 0) {
            long total = segmentSpecs.stream().mapToLong(SegmentSpec::numberOfSamples).sum();
            if (total != numberOfSamples) {
                throw record.error("declares " + numberOfSamples + " samples, its segments add up to " + total
                        + " (the record's length is the sum of its segments' lengths)");
            }
        }
        return new WfdbHeader(name, segments, fs, counterFrequency, baseCounter, numberOfSamples, timeAndDate[0],
                timeAndDate[1], numberOfSignals, signals, segmentSpecs, comments);
    }

    /** A header is text: control characters (other than tab) mean a binary file, not a header. */
    private static void requireText(Path source, int line, String text) throws EcgFormatException {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw new EcgFormatException(source, "line " + line, String.format(Locale.ROOT,
                        "control character 0x%02X at column %d: a WFDB header is a text file (binary data?)", (int) c,
                        k + 1));
            }
        }
    }

    private static String name(Fields f, String text, String what) throws EcgFormatException {
        if (!NAME.matcher(text).matches()) {
            throw f.error(what + " " + shown(text) + " is not a WFDB name (letters, digits, '_', '-', '.')");
        }
        return text;
    }

    /** Base time and base date after the number of samples, each recognised by its form, in either order. */
    private static String[] timeAndDate(Fields record) throws EcgFormatException {
        String time = "";
        String date = "";
        for (int k = 4; k < record.fields.length; k++) {
            String field = record.fields[k];
            if (field.contains(":")) {
                if (!time.isEmpty()) {
                    throw record.error("two base times, " + shown(time) + " and " + shown(field));
                }
                time = baseTime(record, field);
            } else if (field.contains("/") || field.contains("-")) {
                if (!date.isEmpty()) {
                    throw record.error("two base dates, " + shown(date) + " and " + shown(field));
                }
                date = baseDate(record, field);
            } else {
                throw record.error("unexpected field " + shown(field) + " after the number of samples (allowed: a"
                        + " base time hh:mm:ss and a base date dd/mm/yyyy)");
            }
        }
        return new String[] {time, date};
    }

    private static String baseTime(Fields record, String text) throws EcgFormatException {
        Matcher m = TIME.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(1)) > 23 || Integer.parseInt(m.group(2)) > 59
                || Double.parseDouble(m.group(3)) >= 60) {
            throw record.error("bad base time " + shown(text) + " (allowed: hh:mm:ss or hh:mm:ss.sss, a time of day)");
        }
        return text;
    }

    private static String baseDate(Fields record, String text) throws EcgFormatException {
        Matcher numeric = DATE.matcher(text);
        Matcher named = NAMED_MONTH_DATE.matcher(text);
        try {
            if (numeric.matches()) {
                LocalDate.of(Integer.parseInt(numeric.group(3)), Integer.parseInt(numeric.group(2)),
                        Integer.parseInt(numeric.group(1)));
                return text;
            }
            if (named.matches() && MONTHS.contains(named.group(2).toLowerCase(Locale.ROOT))) {
                LocalDate.of(Integer.parseInt(named.group(3)), MONTHS.indexOf(named.group(2).toLowerCase(Locale.ROOT))
                        + 1, Integer.parseInt(named.group(1)));
                return text;
            }
        } catch (DateTimeException e) {
            // not a calendar date: reported below
        }
        throw record.error("bad base date " + shown(text) + " (allowed: a calendar date dd/mm/yyyy, or dd-Mon-yyyy)");
    }

    private static SegmentSpec segment(Fields f) throws EcgFormatException {
        String recordName = f.text(0, "segment name");
        if (!"~".equals(recordName)) {
            name(f, recordName, "segment name");
        }
        long length = f.integer(f.text(1, "segment length"), "segment length", 0, Long.MAX_VALUE);
        if (f.has(2)) {
            throw f.error("unexpected field " + shown(f.fields[2]) + " (a segment line is 'name length')");
        }
        return new SegmentSpec(recordName, length);
    }

    private static SignalSpec signal(Fields f) throws EcgFormatException {
        String file = f.text(0, "signal file name");
        if (file.contains("/") || file.contains("\\")) {
            throw f.error("signal file " + shown(file) + " is a path: a signal file lies beside its header (a file name"
                    + " only)");
        }
        String formatField = f.text(1, "format");
        Matcher format = FORMAT.matcher(formatField);
        if (!format.matches()) {
            throw f.error("bad format field " + shown(formatField)
                    + " (allowed: format[xsamples-per-frame][:skew][+byte-offset], e.g. 212 or 16x2:3+24)");
        }
        int code = (int) f.integer(format.group(1), "format", 0, Integer.MAX_VALUE);
        if (!SignalFormat.isKnown(code) && !"~".equals(file)) {
            throw f.error("unknown signal format " + code + " (supported: " + Arrays.stream(SignalFormat.values())
                    .map(s -> Integer.toString(s.code())).collect(Collectors.joining(", ")) + ")");
        }
        int spf = format.group(2) == null ? 1
                : (int) f.integer(format.group(2), "samples per frame", 1, Integer.MAX_VALUE);
        int skew = format.group(3) == null ? 0 : (int) f.integer(format.group(3), "skew", 0, Integer.MAX_VALUE);
        long offset = format.group(4) == null ? 0 : f.integer(format.group(4), "byte offset", 0, Long.MAX_VALUE);
        double gain = DEFAULT_GAIN;
        Integer baseline = null;
        String units = "mV";
        if (f.has(2)) {
            Matcher g = GAIN.matcher(f.fields[2]);
            if (!g.matches()) {
                throw f.error("bad gain field " + shown(f.fields[2])
                        + " (allowed: gain[(baseline)][/units], e.g. 200 or 200(1024)/mV)");
            }
            gain = f.number(g.group(1), "ADC gain");
            if (gain < 0) {
                throw f.error("ADC gain " + g.group(1) + " is negative (allowed: a positive number of units per "
                        + "physical unit, or 0 for the default " + (int) DEFAULT_GAIN + ")");
            }
            baseline = g.group(2) == null ? null : (int) f.integer(g.group(2), "baseline", Integer.MIN_VALUE,
                    Integer.MAX_VALUE);
            units = g.group(3) == null || g.group(3).isEmpty() ? "mV" : g.group(3);
            if (gain == 0) {
                gain = DEFAULT_GAIN;
            }
        }
        int resolution = f.has(3) ? (int) f.integer(f.fields[3], "ADC resolution", 0, 32) : 0;
        if (resolution == 0 && SignalFormat.isKnown(code)) {
            resolution = SignalFormat.of(code).defaultResolution();
        }
        int adcZero = f.has(4) ? (int) f.integer(f.fields[4], "ADC zero", Integer.MIN_VALUE, Integer.MAX_VALUE) : 0;
        int initial = f.has(5)
                ? (int) f.integer(f.fields[5], "initial value", Integer.MIN_VALUE, Integer.MAX_VALUE) : adcZero;
        // A 16-bit sum, written signed or unsigned.
        Integer checksum = f.has(6) ? (int) f.integer(f.fields[6], "checksum", -32768, 65535) : null;
        int blockSize = f.has(7) ? (int) f.integer(f.fields[7], "block size", 0, Integer.MAX_VALUE) : 0;
        String description = f.rest(8);
        return new SignalSpec(file, code, spf, skew, offset, gain, baseline == null ? adcZero : baseline, units,
                resolution, adcZero, initial, checksum, blockSize, description);
    }

    /** A field as messages quote it: binary junk can make it very long. */
    private static String shown(String field) {
        return "'" + (field.length() > 40 ? field.substring(0, 40) + "..." : field) + "'";
    }

    /** The whitespace-separated fields of one header line, with errors that name file and line. */
    private record Fields(Path source, int line, String[] fields) {

        boolean has(int index) {
            return index < fields.length;
        }

        String text(int index, String what) throws EcgFormatException {
            if (!has(index)) {
                throw error(what + " (field " + (index + 1) + ") is missing");
            }
            return fields[index];
        }

        String rest(int from) {
            return from >= fields.length ? "" : String.join(" ", Arrays.copyOfRange(fields, from, fields.length));
        }

        long integer(String text, String what, long min, long max) throws EcgFormatException {
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw error("bad " + what + " " + shown(text) + " (allowed: a whole number" + range(min, max) + ")");
            }
            if (value < min || value > max) {
                throw error(what + " " + text + " is out of range (allowed: a whole number" + range(min, max) + ")");
            }
            return value;
        }

        private static String range(long min, long max) {
            if (min == Integer.MIN_VALUE || min == Long.MIN_VALUE) {
                return "";
            }
            if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE) {
                return ", " + min + " or more";
            }
            return " from " + min + " to " + max;
        }

        double number(String text, String what) throws EcgFormatException {
            // Double.parseDouble would also take "NaN", "Infinity" and hexadecimal: none is a WFDB number.
            if (!DECIMAL.matcher(text).matches() || !Double.isFinite(Double.parseDouble(text))) {
                throw error("bad " + what + " " + shown(text) + " (allowed: a finite decimal number)");
            }
            return Double.parseDouble(text);
        }

        double positive(String text, String what) throws EcgFormatException {
            double value = number(text, what);
            if (value <= 0) {
                throw error(what + " " + text + " must be positive");
            }
            return value;
        }

        EcgFormatException error(String problem) {
            return new EcgFormatException(source, "line " + line, problem);
        }
    }
}
