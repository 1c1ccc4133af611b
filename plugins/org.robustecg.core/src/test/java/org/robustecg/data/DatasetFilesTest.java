package org.robustecg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.TestData;
import org.robustecg.io.EcgFormatException;

class DatasetFilesTest {

    private static final Path KAGGLE = TestData.file("kaggle-heartbeat/mitbih_test_first100.csv");

    @Test
    void readsTheRealKaggleSample() throws Exception {
        Dataset d = KaggleCsv.read(KAGGLE, KaggleCsv.IndexColumn.AUTO);
        assertEquals(100, d.size());
        assertEquals(1, d.leads());
        assertEquals(187, d.length());
        assertEquals(100, d.classCounts()[0]);
        assertEquals(0.9084249138832092f, d.signals()[0]);
        assertEquals("1", d.recordIds()[0], "the index column names the row");
        assertEquals(125.0, d.samplingFrequency());
    }

    @Test
    void npzRoundTripIsLossless(@TempDir Path dir) throws Exception {
        Dataset kaggle = KaggleCsv.read(KAGGLE, KaggleCsv.IndexColumn.AUTO);
        // Items of 150, 187 and 100 real samples, zero padded.
        float[] mask = new float[3 * 187];
        float[] x = java.util.Arrays.copyOf(kaggle.signals(), 3 * 187);
        java.util.Arrays.fill(mask, 0, 150, 1f);
        java.util.Arrays.fill(x, 150, 187, 0f);
        java.util.Arrays.fill(mask, 187, 2 * 187 + 100, 1f);
        java.util.Arrays.fill(x, 2 * 187 + 100, 3 * 187, 0f);
        Dataset d = new Dataset(x, 3, 1, 187, new int[] {0, 4, 2},
                List.of("N", "S", "V", "F", "Q"), new String[] {"100", "101", "Ärger"}, new int[] {5, -1, 77}, mask, 125);
        Path file = dir.resolve("d.npz");
        DatasetFiles.save(d, file, false);
        Dataset back = DatasetFiles.load(file);
        assertArrayEquals(d.signals(), back.signals());
        assertArrayEquals(d.labels(), back.labels());
        assertArrayEquals(d.recordIds(), back.recordIds());
        assertArrayEquals(d.positions(), back.positions());
        assertArrayEquals(d.mask(), back.mask());
        assertEquals(d.classNames(), back.classNames());
        assertEquals(125.0, back.samplingFrequency());
        // The .npy header of x, byte for byte as NEP 1 defines it.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] npy = zip.getInputStream(zip.getEntry("x.npy")).readAllBytes();
            assertEquals((byte) 0x93, npy[0]);
            assertEquals("NUMPY", new String(npy, 1, 5, StandardCharsets.US_ASCII));
            assertEquals(1, npy[6]);
            int headerLength = (npy[8] & 0xFF) | ((npy[9] & 0xFF) << 8);
            assertEquals(0, (10 + headerLength) % 64);
            String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
            assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 1, 187), }"), header);
            assertTrue(header.endsWith("\n"));
            assertEquals(10 + headerLength + 3 * 187 * 4, npy.length);
        }
        assertThrows(FileAlreadyExistsException.class, () -> DatasetFiles.save(d, file, false));
        DatasetFiles.save(kaggle, file, true);
        assertEquals(100, DatasetFiles.load(file).size());
        assertNull(DatasetFiles.load(file).mask());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void csvRoundTripIsLossless(@TempDir Path dir) throws Exception {
        Dataset kaggle = KaggleCsv.read(KAGGLE, KaggleCsv.IndexColumn.AUTO);
        Path file = dir.resolve("beats.csv");
        DatasetFiles.save(kaggle, file, false);
        Dataset back = DatasetFiles.load(file);
        assertArrayEquals(kaggle.signals(), back.signals());
        assertArrayEquals(kaggle.labels(), back.labels());
        assertEquals(100, back.size());
    }

    @Test
    void malformedRowsNameFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "0.1,0.2,0.3,1.0\n0.1,0.2,0.3\n");
        EcgFormatException columns = assertThrows(EcgFormatException.class, () -> DatasetFiles.load(file));
        assertTrue(columns.getMessage().contains("bad.csv (line 2)"), columns.getMessage());
        Files.writeString(file, "0.1,0.2,0.3,1.0\n0.1,NaN,0.3,1\n");
        EcgFormatException nan = assertThrows(EcgFormatException.class, () -> DatasetFiles.load(file));
        assertTrue(nan.getMessage().contains("line 2, column 2"), nan.getMessage());
        Files.writeString(file, "0.1,0.2,0.3,7\n");
        EcgFormatException label = assertThrows(EcgFormatException.class, () -> DatasetFiles.load(file));
        assertTrue(label.getMessage().contains("label 7"), label.getMessage());
        Files.writeString(file, "0.1,x,0.3,1\n");
        assertThrows(EcgFormatException.class, () -> DatasetFiles.load(file));
        Path npz = dir.resolve("bad.npz");
        Files.writeString(npz, "not a zip");
        EcgFormatException notZip = assertThrows(EcgFormatException.class, () -> DatasetFiles.load(npz));
        assertTrue(notZip.getMessage().contains("bad.npz"), notZip.getMessage());
    }
}
