package org.robustecg.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.TestData;
import org.robustecg.io.EcgFormatException;
import org.robustecg.io.wfdb.SignalSpec;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.io.wfdb.WfdbRecord;
import org.robustecg.io.wfdb.WfdbRecordReader;

class EdfReaderTest {

    private static final Path FORMATS = TestData.file("wfdb-formats");

    @Test
    void edfEqualsTheSameSignalsInWfdb() throws Exception {
        EdfFile edf = EdfReader.read(FORMATS.resolve("test_generator_2.edf"));
        WfdbRecord wfdb = WfdbRecordReader.read(FORMATS, "test_generator_2", WfdbReadOptions.STRICT);
        assertTrue(edf.plus());
        assertEquals(11, edf.signals().size(), "the EDF Annotations signal is not a signal");
        int compared = 0;
        for (EdfSignal signal : edf.signals()) {
            int i = indexOf(wfdb, signal.label());
            SignalSpec spec = wfdb.signals().get(i);
            int[] digital = wfdb.digital().get(i);
            assertEquals(200.0, signal.samplingFrequency(), signal.label());
            assertEquals(digital.length, signal.samples().length, signal.label());
            double quantum = 1 / spec.adcGain();
            for (int k = 0; k < digital.length; k++) {
                assertEquals(spec.toPhysical(digital[k]), signal.samples()[k], quantum, signal.label() + " sample " + k);
            }
            compared++;
        }
        assertEquals(11, compared);
        assertEquals(12000, edf.toRecord().length(), "the first 60 seconds");
        assertEquals(200.0, edf.toRecord().samplingFrequency());
    }

    @Test
    void corruptFilesNameTheFile(@TempDir Path dir) throws Exception {
        byte[] real = Files.readAllBytes(FORMATS.resolve("test_generator_2.edf"));
        Path truncated = dir.resolve("short.edf");
        Files.write(truncated, Arrays.copyOf(real, real.length - 10000));
        EcgFormatException e = assertThrows(EcgFormatException.class, () -> EdfReader.read(truncated));
        assertTrue(e.getMessage().contains("short.edf") && e.getMessage().contains("truncated"), e.getMessage());
        Path notEdf = dir.resolve("not.edf");
        Files.writeString(notEdf, "hello");
        assertThrows(EcgFormatException.class, () -> EdfReader.read(notEdf));
        byte[] badNumber = real.clone();
        badNumber[236] = 'x';
        Path bad = dir.resolve("bad.edf");
        Files.write(bad, badNumber);
        EcgFormatException b = assertThrows(EcgFormatException.class, () -> EdfReader.read(bad));
        assertTrue(b.getMessage().contains("bad.edf (byte 236)"), b.getMessage());
    }

    private static int indexOf(WfdbRecord r, String label) {
        for (int i = 0; i < r.signals().size(); i++) {
            if (r.signals().get(i).description().equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no WFDB signal " + label);
    }
}
