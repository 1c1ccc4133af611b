package org.robustecg.io.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.TestData;
import org.robustecg.ecg.Record;
import org.robustecg.io.EcgFormatException;

class WfdbRecordReaderTest {

    private static final Path FORMATS = TestData.file("wfdb-formats");

    @Test
    void mitdb100MatchesItsHeader() throws Exception {
        WfdbRecord r = WfdbRecordReader.read(TestData.mitdb(), "100", WfdbReadOptions.STRICT);
        WfdbHeader h = r.header();
        assertEquals("100", h.recordName());
        assertEquals(2, h.numberOfSignals());
        assertEquals(360.0, h.samplingFrequency());
        assertEquals(86400, h.numberOfSamples(), "the first 4 minutes");
        for (SignalSpec s : h.signals()) {
            assertEquals(212, s.format());
            assertEquals(200.0, s.adcGain());
            assertEquals(11, s.adcResolution());
            assertEquals(1024, s.adcZero());
            assertEquals(1024, s.baseline());
        }
        assertEquals(List.of("MLII", "V5"), r.record().leads().stream().map(l -> l.name()).toList());
        assertEquals(995, r.digital().get(0)[0]);
        assertEquals(1011, r.digital().get(1)[0]);
        assertEquals(86400, r.digital().get(0).length);
        assertEquals(h.signals().get(0).checksum(), WfdbRecord.checksum(r.digital().get(0)));
        assertEquals(-25080, WfdbRecord.checksum(r.digital().get(0)));
        assertEquals((995 - 1024) / 200.0, r.record().leads().get(0).samples()[0], 1e-12);
        assertEquals(360.0, r.record().samplingFrequency());
    }

    @Test
    void everyMitdbRecordPassesItsChecksums() throws Exception {
        Path mitdb = TestData.completeMitdb();
        List<String> names = Files.readAllLines(mitdb.resolve("RECORDS")).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        assertEquals(48, names.size());
        WfdbRecord first = WfdbRecordReader.read(mitdb, "100", WfdbReadOptions.STRICT);
        assertEquals(-22131, WfdbRecord.checksum(first.digital().get(0)));
        long start = System.nanoTime();
        for (String name : names) {
            WfdbRecord r = WfdbRecordReader.read(mitdb, name, WfdbReadOptions.STRICT);
            assertEquals(650000, r.record().length(), name);
            for (int i = 0; i < r.signals().size(); i++) {
                assertEquals(r.signals().get(i).initialValue(), r.digital().get(i)[0], name + " signal " + i);
            }
        }
        System.out.printf("read all 48 MIT-BIH records (checksums verified) in %.2f s%n", (System.nanoTime() - start) / 1e9);
    }

    @Test
    void everyStorageFormatDecodesWithMatchingChecksum() throws Exception {
        WfdbRecord r = WfdbRecordReader.read(FORMATS, "binformats", WfdbReadOptions.STRICT);
        int[] formats = {8, 16, 61, 80, 160, 212, 310, 311, 24, 32};
        for (int i = 0; i < formats.length; i++) {
            SignalSpec s = r.signals().get(i);
            assertEquals(formats[i], s.format());
            int[] d = r.digital().get(i);
            assertEquals(499, d.length, "format " + formats[i]);
            assertEquals(s.initialValue(), d[0], "first sample, format " + formats[i]);
            assertEquals((short) (int) s.checksum(), WfdbRecord.checksum(d), "checksum, format " + formats[i]);
        }
    }

    @Test
    void sixteenBitSignalsInTwoFiles() throws Exception {
        WfdbRecord r = WfdbRecordReader.read(FORMATS, "s0010_re", WfdbReadOptions.STRICT);
        assertEquals(15, r.record().leads().size());
        assertEquals(38400, r.record().length());
        assertEquals(1000.0, r.record().samplingFrequency());
        assertEquals("vz", r.record().leads().get(14).name());
        assertEquals(-18, r.digital().get(14)[0]);
        assertEquals("81", r.record().metadata().get("age"));
        assertEquals("female", r.record().metadata().get("sex"));
    }

    @Test
    void framesAndSkewAgreeWithThePlainLayout() throws Exception {
        WfdbRecord plain = WfdbRecordReader.read(FORMATS, "test01_00s", WfdbReadOptions.STRICT);
        assertEquals("25", plain.record().metadata().get("age"));
        WfdbRecord frame = WfdbRecordReader.read(FORMATS, "test01_00s_frame", WfdbReadOptions.STRICT);
        int[] two = frame.digital().get(1);
        assertEquals(8000, two.length);
        for (int t = 0; t < 4000; t++) {
            assertEquals(plain.digital().get(1)[t], two[2 * t]);
            assertEquals(plain.digital().get(2)[t], two[2 * t + 1]);
        }
        assertArrayEquals(plain.digital().get(3), frame.digital().get(2));
        // Different samples per frame: the physical record is at the frame rate, frames averaged.
        assertEquals(500.0, frame.record().samplingFrequency());
        assertEquals((plain.digital().get(1)[7] + plain.digital().get(2)[7]) / 2.0 / 100.0,
                frame.record().leads().get(1).samples()[7], 1e-12);

        WfdbRecord skew = WfdbRecordReader.read(FORMATS, "test01_00s_skew", WfdbReadOptions.STRICT);
        int[] skewed = skew.digital().get(1);
        for (int t = 0; t < 4000 - 3; t++) {
            assertEquals(plain.digital().get(1)[t + 3], skewed[t]);
        }
        assertTrue(Double.isNaN(skew.record().leads().get(1).samples()[3999]), "past the end of the file");

        WfdbRecord both = WfdbRecordReader.read(FORMATS, "test01_00s_skewframe", WfdbReadOptions.STRICT);
        for (int t = 0; t < 4000 - 3; t++) {
            assertEquals(plain.digital().get(0)[t + 3], both.digital().get(0)[t]);
        }
        assertArrayEquals(two, both.digital().get(1));
    }

    @Test
    void oddNumberOf212SamplesAndThreeSignalsInOneFile() throws Exception {
        WfdbRecord r = WfdbRecordReader.read(FORMATS, "100_3chan", WfdbReadOptions.STRICT);
        WfdbRecord full = WfdbRecordReader.read(TestData.mitdb(), "100", WfdbReadOptions.STRICT);
        assertEquals(999, r.record().length());
        for (int t = 0; t < 999; t++) {
            assertEquals(full.digital().get(0)[t], r.digital().get(0)[t]);
            assertEquals(full.digital().get(1)[t], r.digital().get(1)[t]);
        }
        assertArrayEquals(r.digital().get(0), r.digital().get(2));
    }

    @Test
    void headersOverMatlabV4Files() throws Exception {
        WfdbRecord a103l = WfdbRecordReader.read(FORMATS, "a103l", WfdbReadOptions.STRICT);
        assertEquals(3, a103l.record().leads().size());
        assertEquals(82500, a103l.record().length());
        assertEquals("PLETH", a103l.record().leads().get(2).name());
        assertEquals(-171, a103l.digital().get(0)[0]);
        assertEquals(10520.0, a103l.signals().get(1).adcGain());

        Path cinc = TestData.file("cpsc2018/cinc2020");
        WfdbRecord a1 = WfdbRecordReader.read(cinc, "A0001", WfdbReadOptions.STRICT);
        Record rec = a1.record();
        assertEquals(12, rec.leads().size());
        assertEquals(500.0, rec.samplingFrequency());
        assertEquals(7500, rec.length());
        assertEquals(28, a1.digital().get(0)[0]);
        assertEquals(-16, a1.digital().get(11)[0]);
        assertEquals(List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"),
                rec.leads().stream().map(l -> l.name()).toList());
        assertEquals("59118001", rec.metadata().get("dx"));
        assertEquals("74", rec.metadata().get("age"));
        assertEquals(0.028, rec.leads().get(0).samples()[0], 1e-12);
        for (int k = 2; k <= 6; k++) {
            WfdbRecord r = WfdbRecordReader.read(cinc, String.format("A%04d", k), WfdbReadOptions.STRICT);
            assertEquals(12, r.record().leads().size());
            assertTrue(r.record().metadata().containsKey("dx"));
        }
    }

    @Test
    void multiSegmentRecordJoinsItsSegments(@TempDir Path dir) throws Exception {
        // Two segments cut from the first frames of record 100, with a layout segment and a null gap.
        byte[] data = Files.readAllBytes(TestData.mitdb().resolve("100.dat"));
        int frames = 1000;
        int bytesPerSegment = frames * 3;
        Files.write(dir.resolve("s1.dat"), java.util.Arrays.copyOfRange(data, 0, bytesPerSegment));
        Files.write(dir.resolve("s2.dat"), java.util.Arrays.copyOfRange(data, bytesPerSegment, 2 * bytesPerSegment));
        WfdbRecord full = WfdbRecordReader.read(TestData.mitdb(), "100", WfdbReadOptions.STRICT);
        Files.writeString(dir.resolve("s1.hea"), "s1 2 360 1000\ns1.dat 212 200 11 1024 995 0 0 MLII\n"
                + "s1.dat 212 200 11 1024 1011 0 0 V5\n");
        // Segment 2 declares the same interleaved data with the lead names swapped.
        Files.writeString(dir.resolve("s2.hea"), "s2 2 360 1000\ns2.dat 212 200 11 1024 0 0 0 V5\n"
                + "s2.dat 212 200 11 1024 0 0 0 MLII\n");
        Files.writeString(dir.resolve("lay.hea"), "lay 2 360 0\n~ 0 200 11 1024 0 0 0 MLII\n~ 0 200 11 1024 0 0 0 V5\n");
        Files.writeString(dir.resolve("multi.hea"), "multi/4 2 360 2500\nlay 0\ns1 1000\n~ 500\ns2 1000\n");
        WfdbRecord multi = WfdbRecordReader.read(dir.resolve("multi.hea"), WfdbReadOptions.LENIENT);
        Record r = multi.record();
        assertEquals(2500, r.length());
        assertEquals(List.of("MLII", "V5"), r.leads().stream().map(l -> l.name()).toList());
        double[] mlii = r.lead("MLII").samples();
        double[] v5 = r.lead("V5").samples();
        for (int t = 0; t < frames; t++) {
            assertEquals(full.record().leads().get(0).samples()[t], mlii[t], 1e-12);
            assertEquals(full.record().leads().get(1).samples()[t], v5[t], 1e-12);
            assertTrue(Double.isNaN(mlii[frames + t / 2]));
        }
        // The layout's names, not the signal order, decide where segment 2's samples go.
        for (int t = 0; t < frames; t++) {
            assertEquals(full.record().leads().get(0).samples()[frames + t], v5[1500 + t], 1e-12);
            assertEquals(full.record().leads().get(1).samples()[frames + t], mlii[1500 + t], 1e-12);
        }
    }

    @Test
    void badInputNamesTheFile(@TempDir Path dir) throws Exception {
        Path mitdb = TestData.mitdb();
        Files.copy(mitdb.resolve("100.hea"), dir.resolve("100.hea"));
        EcgFormatException missing = assertThrows(EcgFormatException.class,
                () -> WfdbRecordReader.read(dir, "100", WfdbReadOptions.STRICT));
        assertTrue(missing.getMessage().contains("100.dat") && missing.getMessage().contains("not found"),
                missing.getMessage());

        byte[] data = Files.readAllBytes(mitdb.resolve("100.dat"));
        Files.write(dir.resolve("100.dat"), java.util.Arrays.copyOf(data, data.length - 3000));
        EcgFormatException truncated = assertThrows(EcgFormatException.class,
                () -> WfdbRecordReader.read(dir, "100", WfdbReadOptions.STRICT));
        assertTrue(truncated.getMessage().contains("100.dat") && truncated.getMessage().contains("truncated"),
                truncated.getMessage());
        // Lenient reading proceeds: the missing end is NaN.
        Record lenient = WfdbRecordReader.read(dir, "100", WfdbReadOptions.LENIENT).record();
        assertTrue(Double.isNaN(lenient.leads().get(0).samples()[86399]));

        Files.write(dir.resolve("100.dat"), java.util.Arrays.copyOf(data, data.length + 5000));
        EcgFormatException oversized = assertThrows(EcgFormatException.class,
                () -> WfdbRecordReader.read(dir, "100", WfdbReadOptions.STRICT));
        assertTrue(oversized.getMessage().contains("longer than the header says"), oversized.getMessage());

        byte[] flipped = data.clone();
        flipped[1000] ^= 0x10;
        Files.write(dir.resolve("100.dat"), flipped);
        EcgFormatException checksum = assertThrows(EcgFormatException.class,
                () -> WfdbRecordReader.read(dir, "100", WfdbReadOptions.STRICT));
        assertTrue(checksum.getMessage().contains("checksum mismatch") && checksum.getMessage().contains("100.dat"),
                checksum.getMessage());
        assertEquals(86400, WfdbRecordReader.read(dir, "100", new WfdbReadOptions(false, true)).record().length());

        Files.writeString(dir.resolve("u.hea"), "u 1 360 10\nu.dat 999 200 11 1024\n");
        EcgFormatException unknown = assertThrows(EcgFormatException.class,
                () -> WfdbRecordReader.read(dir, "u", WfdbReadOptions.STRICT));
        assertTrue(unknown.getMessage().contains("u.hea") && unknown.getMessage().contains("line 2")
                && unknown.getMessage().contains("unknown signal format 999"), unknown.getMessage());

        Files.writeString(dir.resolve("m.hea"), "m 1 fast 10\n");
        EcgFormatException malformed = assertThrows(EcgFormatException.class,
                () -> WfdbRecordReader.read(dir, "m", WfdbReadOptions.STRICT));
        assertTrue(malformed.getMessage().contains("m.hea (line 1)"), malformed.getMessage());

        Files.writeString(dir.resolve("few.hea"), "few 2 360 10\nfew.dat 16\n");
        assertThrows(EcgFormatException.class, () -> WfdbRecordReader.read(dir, "few", WfdbReadOptions.STRICT));
    }
}
