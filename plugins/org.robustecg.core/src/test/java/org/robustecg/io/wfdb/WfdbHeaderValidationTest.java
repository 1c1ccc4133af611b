package org.robustecg.io.wfdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.robustecg.TestData;
import org.robustecg.ecg.Record;
import org.robustecg.io.EcgFormatException;

/**
 * Real headers (MIT-BIH 100, CinC 2020 A0001, wfdb-python test01_00s) with one field or line made invalid:
 * each is refused with one line that names the file, the line, the field and what is allowed.
 */
class WfdbHeaderValidationTest {

    /** The variants below, counted for the report of the bad-input suite. */
    static Stream<Arguments> badHeaders() {
        return Stream.of(
                // Record line.
                bad("negative sample count", "mitdb/100", line(1, "100 2 360 -86400"), 1, "number of samples -86400"),
                bad("NaN sampling frequency", "mitdb/100", line(1, "100 2 NaN 86400"), 1, "sampling frequency 'NaN'"),
                bad("zero sampling frequency", "mitdb/100", line(1, "100 2 0 86400"), 1, "must be positive"),
                bad("negative sampling frequency", "mitdb/100", line(1, "100 2 -360 86400"), 1, "must be positive"),
                bad("infinite sampling frequency", "mitdb/100", line(1, "100 2 1e999 86400"), 1, "finite"),
                bad("hexadecimal sampling frequency", "mitdb/100", line(1, "100 2 0x168p0 86400"), 1,
                        "sampling frequency"),
                bad("negative counter frequency", "mitdb/100", line(1, "100 2 360/-1 86400"), 1, "counter frequency"),
                bad("NaN base counter", "mitdb/100", line(1, "100 2 360/1(NaN) 86400"), 1, "base counter"),
                bad("negative number of signals", "mitdb/100", line(1, "100 -2 360 86400"), 1, "number of signals -2"),
                bad("words for the number of signals", "mitdb/100", line(1, "100 two 360 86400"), 1,
                        "number of signals 'two'"),
                bad("number of signals missing", "mitdb/100", line(1, "100"), 1, "number of signals (field 2) is missing"),
                bad("zero segments", "mitdb/100", line(1, "100/0 2 360 86400"), 1, "number of segments 0"),
                bad("two slashes in the record name", "mitdb/100", line(1, "100/2/3 2 360 86400"), 1, "more than one '/'"),
                bad("record name with a '$'", "mitdb/100", line(1, "10$0 2 360 86400"), 1, "not a WFDB name"),
                bad("hour 25", "mitdb/100", line(1, "100 2 360 86400 25:00:00"), 1, "bad base time '25:00:00'"),
                bad("minute 61", "mitdb/100", line(1, "100 2 360 86400 12:61:00"), 1, "bad base time"),
                bad("time without seconds", "mitdb/100", line(1, "100 2 360 86400 12:30"), 1, "hh:mm:ss"),
                bad("31 February", "mitdb/100", line(1, "100 2 360 86400 12:00:00 31/02/2020"), 1,
                        "bad base date '31/02/2020'"),
                bad("year first", "mitdb/100", line(1, "100 2 360 86400 12:00:00 2020/05/12"), 1, "dd/mm/yyyy"),
                bad("unknown month name", "mitdb/100", line(1, "100 2 360 86400 12-Foo-2020 12:00:00"), 1,
                        "bad base date"),
                bad("two base times", "mitdb/100", line(1, "100 2 360 86400 12:00:00 13:00:00"), 1, "two base times"),
                bad("two base dates", "mitdb/100", line(1, "100 2 360 86400 1/1/2000 2/1/2000"), 1, "two base dates"),
                bad("a word after the samples", "mitdb/100", line(1, "100 2 360 86400 noon"), 1,
                        "unexpected field 'noon'"),
                bad("three fields after the samples", "mitdb/100", line(1, "100 2 360 86400 12:00:00 1/1/2000 x"), 1,
                        "unexpected field 'x'"),
                // Signal lines.
                bad("negative gain", "mitdb/100", line(2, "100.dat 212 -200 11 1024 995 -25080 0 MLII"), 2,
                        "ADC gain -200 is negative"),
                bad("NaN gain", "mitdb/100", line(2, "100.dat 212 NaN 11 1024 995 -25080 0 MLII"), 2, "ADC gain 'NaN'"),
                bad("infinite gain", "mitdb/100", line(3, "100.dat 212 1e400 11 1024 1011 20052 0 V5"), 3, "ADC gain"),
                bad("unknown format", "mitdb/100", line(2, "100.dat 999 200 11 1024 995 -25080 0 MLII"), 2,
                        "unknown signal format 999 (supported: 8, 16,"),
                bad("malformed format field", "mitdb/100", line(2, "100.dat 212y 200 11 1024 995 -25080 0 MLII"), 2,
                        "bad format field '212y'"),
                bad("format missing", "mitdb/100", line(2, "100.dat"), 2, "format (field 2) is missing"),
                bad("zero samples per frame", "mitdb/100", line(2, "100.dat 212x0 200 11 1024 995 -25080 0 MLII"), 2,
                        "samples per frame 0"),
                bad("negative skew", "mitdb/100", line(2, "100.dat 212:-3 200 11 1024 995 -25080 0 MLII"), 2, "skew -3"),
                bad("negative byte offset", "mitdb/100", line(2, "100.dat 212+-24 200 11 1024 995 -25080 0 MLII"), 2,
                        "byte offset -24"),
                bad("ADC resolution 40 bits", "mitdb/100", line(2, "100.dat 212 200 40 1024 995 -25080 0 MLII"), 2,
                        "ADC resolution 40 is out of range (allowed: a whole number from 0 to 32)"),
                bad("negative ADC resolution", "mitdb/100", line(2, "100.dat 212 200 -1 1024 995 -25080 0 MLII"), 2,
                        "ADC resolution -1"),
                bad("fractional ADC zero", "mitdb/100", line(2, "100.dat 212 200 11 1024.5 995 -25080 0 MLII"), 2,
                        "bad ADC zero '1024.5'"),
                bad("fractional initial value", "mitdb/100", line(2, "100.dat 212 200 11 1024 99.5 -25080 0 MLII"), 2,
                        "bad initial value '99.5'"),
                bad("checksum beyond 16 bits", "mitdb/100", line(2, "100.dat 212 200 11 1024 995 70000 0 MLII"), 2,
                        "checksum 70000 is out of range"),
                bad("negative block size", "mitdb/100", line(2, "100.dat 212 200 11 1024 995 -25080 -1 MLII"), 2,
                        "block size -1"),
                bad("baseline that is not a number", "mitdb/100", line(2, "100.dat 212 200(abc)/mV 11 1024 995 0 0 MLII"),
                        2, "bad gain field"),
                bad("signal file given as a path", "mitdb/100", line(2, "../100.dat 212 200 11 1024 995 -25080 0 MLII"),
                        2, "is a path"),
                bad("CinC header with a negative gain", "cinc/A0001", line(5, "A0001.mat 16+24 -1000/mV 16 0 -17 3680 0 aVR"),
                        5, "ADC gain -1000 is negative"),
                bad("CinC header with 32 May", "cinc/A0001", line(1, "A0001 12 500 7500 32-May-2020 12:33:59"), 1,
                        "bad base date '32-May-2020'"),
                bad("CinC header with an unsupported format", "cinc/A0001", line(13, "A0001.mat 17+24 1000/mV 16 0 -16 -3112 0 V6"),
                        13, "unknown signal format 17"),
                // Lines that do not match the count.
                bad("more signals declared than lines", "mitdb/100", line(1, "100 3 360 86400"), 1,
                        "declares 3 signals but the header has 2 signal lines"),
                bad("fewer signals declared than lines", "formats/test01_00s", line(1, "test01_00s 3 500 4000"), 1,
                        "declares 3 signals but the header has 4 signal lines"),
                bad("a signal line dropped", "formats/test01_00s", dropLine(3), 1, "declares 4 signals but the header has 3"),
                bad("header cut inside the first signal line", "mitdb/100", cut(28), 1,
                        "declares 2 signals but the header has 1 signal line"),
                bad("header cut inside the last signal line", "mitdb/100", cut(67), 3, "unknown signal format 2 "),
                bad("no signals at all", "mitdb/100", text -> "100 0 360 86400\n", 1, "declares no signals"),
                // Not text at all.
                bad("empty file", "mitdb/100", text -> "", 0, "no record line"),
                bad("comments only", "mitdb/100", text -> "# 69 M 1085 1629 x1\n# Aldomet, Inderal\n", 0, "no record line"),
                bad("NUL byte in the record line", "mitdb/100", line(1, "100 2 360\u0000 86400"), 1,
                        "control character 0x00 at column 10"),
                bad("DEL character in a description", "mitdb/100", line(3, "100.dat 212 200 11 1024 1011 20052 0 V5\u007F"),
                        3, "control character 0x7F"),
                bad("random bytes", "mitdb/100", text -> randomBytes(4096), -1, "a WFDB header is a text file"),
                bad("a MATLAB signal file renamed to .hea", "cinc/A0001",
                        text -> bytesOf("cpsc2018/cinc2020/A0001.mat"), 1, "control character 0x1E at column 1"),
                bad("a 212 signal file renamed to .hea", "mitdb/100", text -> bytesOf("mitdb/100.dat"), 2,
                        "control character 0x18 at column 3"),
                bad("Latin-1 junk without control characters", "mitdb/100", text -> "\u00e33\u00f3".repeat(300), 1,
                        "is not a WFDB name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHeaders")
    void badHeaderIsRefusedWithFileLineAndReason(String variant, String record, UnaryOperator<String> damage, int line,
            String reason, @TempDir Path dir) throws Exception {
        Path header = copyRecord(record, dir);
        Files.write(header, damage.apply(Files.readString(header, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1));
        EcgFormatException e = assertThrows(EcgFormatException.class,
                () -> WfdbRecordReader.read(header, WfdbReadOptions.STRICT), variant);
        String message = e.getMessage();
        assertTrue(message.startsWith(header.toString()), message);
        if (line > 0) {
            assertTrue(message.contains("(line " + line + ")"), message);
        }
        assertTrue(message.contains(reason), message);
        assertFalse(message.contains("\n") || message.contains("Exception") || message.contains("java."), message);
    }

    @Test
    void baseTimeAndDateAreToldApartByTheirForm(@TempDir Path dir) throws Exception {
        // PhysioNet/CinC 2020 headers write the date first.
        Record cinc = WfdbRecordReader.read(TestData.file("cpsc2018/cinc2020/A0001.hea"), WfdbReadOptions.STRICT).record();
        assertEquals("12:33:59", cinc.metadata().get("base_time"));
        assertEquals("12-May-2020", cinc.metadata().get("base_date"));
        WfdbHeader generator = WfdbHeaderParser.parse(TestData.file("wfdb-formats/test_generator_2.hea"));
        assertEquals("12:44:02", generator.baseTime());
        assertEquals("10/12/2009", generator.baseDate());

        Path header = copyRecord("mitdb/100", dir);
        String original = Files.readString(header, StandardCharsets.ISO_8859_1);
        Files.writeString(header, line(1, "100 2 360 86400 13:5:0").apply(original), StandardCharsets.ISO_8859_1);
        WfdbHeader timeOnly = WfdbHeaderParser.parse(header);
        assertEquals("13:5:0", timeOnly.baseTime());
        assertEquals("", timeOnly.baseDate());
        Files.writeString(header, line(1, "100 2 360 86400 25/4/1989 19:44:07.664").apply(original),
                StandardCharsets.ISO_8859_1);
        WfdbHeader dateFirst = WfdbHeaderParser.parse(header);
        assertEquals("19:44:07.664", dateFirst.baseTime());
        assertEquals("25/4/1989", dateFirst.baseDate());
        assertEquals(86400, WfdbRecordReader.read(header, WfdbReadOptions.STRICT).record().length());
    }

    @Test
    void fieldsTheGrammarAllowsStillRead(@TempDir Path dir) throws Exception {
        Path header = copyRecord("mitdb/100", dir);
        String original = Files.readString(header, StandardCharsets.ISO_8859_1);
        // Gain 0 means "uncalibrated, use the default 200"; an unsigned 16-bit checksum; a counter frequency.
        Files.writeString(header, line(1, "100 2 360/1.5(-7) 86400").andThen(
                line(2, "100.dat 212 0(1024)/mV 11 1024 995 40456 0 MLII")).apply(original), StandardCharsets.ISO_8859_1);
        WfdbRecord r = WfdbRecordReader.read(header, WfdbReadOptions.STRICT);
        assertEquals(200.0, r.signals().get(0).adcGain());
        assertEquals(1.5, r.header().counterFrequency());
        assertEquals(-7.0, r.header().baseCounter());
        assertEquals(Boolean.TRUE, r.checksumMatches(0), "40456 is -25080 written unsigned");
    }

    @Test
    void skewedSignalsPassTheirChecksums(@TempDir Path dir) throws Exception {
        Path formats = TestData.file("wfdb-formats");
        for (String name : List.of("test01_00s_skew", "test01_00s_skewframe")) {
            WfdbRecord r = WfdbRecordReader.read(formats, name, new WfdbReadOptions(false, false));
            for (int i = 0; i < r.signals().size(); i++) {
                assertEquals(Boolean.TRUE, r.checksumMatches(i), name + " signal " + i);
            }
        }
        // A checksum that is wrong by one is still caught for the skewed signal.
        Files.copy(formats.resolve("test01_00s.dat"), dir.resolve("test01_00s.dat"));
        Files.writeString(dir.resolve("test01_00s_skew.hea"), Files.readString(formats.resolve("test01_00s_skew.hea"))
                .replace(" -8 941 0 ECG_2", " -8 942 0 ECG_2"));
        WfdbRecord damaged = WfdbRecordReader.read(dir, "test01_00s_skew", new WfdbReadOptions(false, false));
        assertEquals(Boolean.FALSE, damaged.checksumMatches(1));
        assertEquals(Boolean.TRUE, damaged.checksumMatches(0));
        EcgFormatException e = assertThrows(EcgFormatException.class,
                () -> WfdbRecordReader.read(dir, "test01_00s_skew", WfdbReadOptions.STRICT));
        assertTrue(e.getMessage().contains("checksum mismatch: header says 942, data sum to 941"), e.getMessage());
        assertEquals(Boolean.TRUE, WfdbRecordReader.read(TestData.mitdb(), "100", WfdbReadOptions.STRICT).checksumMatches(0));
    }

    @Test
    void badSegmentLinesAreRefused(@TempDir Path dir) throws Exception {
        Path multi = dir.resolve("multi.hea");
        for (String[] variant : new String[][] {
                {"multi/2 0 360 2000\ns1 1000\ns2 -1000\n", "(line 3)", "segment length -1000"},
                {"multi/2 0 360 2500\ns1 1000\ns2 1000\n", "(line 1)", "declares 2500 samples, its segments add up to 2000"},
                {"multi/2 0 360 2000\ns1 1000 7\ns2 1000\n", "(line 2)", "unexpected field '7'"},
                {"multi/3 0 360 2000\ns1 1000\ns2 1000\n", "(line 1)", "declares 3 segments but the header has 2"}}) {
            Files.writeString(multi, variant[0]);
            EcgFormatException e = assertThrows(EcgFormatException.class,
                    () -> WfdbRecordReader.read(multi, WfdbReadOptions.LENIENT), variant[0]);
            assertTrue(e.getMessage().contains(variant[1]) && e.getMessage().contains(variant[2]), e.getMessage());
        }
    }

    private static Arguments bad(String variant, String record, UnaryOperator<String> damage, int line, String reason) {
        return Arguments.of(variant, record, damage, line, reason);
    }

    /** Replaces line {@code number} (1-based, counting every line). */
    private static UnaryOperator<String> line(int number, String replacement) {
        return text -> {
            String[] lines = text.split("\r?\n", -1);
            lines[number - 1] = replacement;
            return String.join("\n", lines);
        };
    }

    private static UnaryOperator<String> dropLine(int number) {
        return text -> {
            List<String> lines = new java.util.ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
            lines.remove(number - 1);
            return String.join("\n", lines);
        };
    }

    private static UnaryOperator<String> cut(int length) {
        return text -> text.substring(0, length);
    }

    private static String randomBytes(int n) {
        byte[] junk = new byte[n];
        new Random(11).nextBytes(junk);
        return new String(junk, StandardCharsets.ISO_8859_1);
    }

    private static String bytesOf(String file) {
        try (var in = Files.newInputStream(TestData.file(file))) {
            return new String(in.readNBytes(1024), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Copies the header and signal files of a real record into {@code dir}; returns the copied header. */
    private static Path copyRecord(String record, Path dir) throws Exception {
        String[] parts = record.split("/");
        Path folder = switch (parts[0]) {
            case "mitdb" -> TestData.mitdb();
            case "cinc" -> TestData.file("cpsc2018/cinc2020");
            default -> TestData.file("wfdb-formats");
        };
        String name = parts[1];
        for (String extension : new String[] {".hea", ".dat", ".mat"}) {
            if (Files.exists(folder.resolve(name + extension))) {
                Files.copy(folder.resolve(name + extension), dir.resolve(name + extension));
            }
        }
        return dir.resolve(name + ".hea");
    }
}
