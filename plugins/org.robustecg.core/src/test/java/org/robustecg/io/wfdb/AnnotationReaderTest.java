package org.robustecg.io.wfdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.robustecg.TestData;
import org.robustecg.ecg.AamiClass;
import org.robustecg.ecg.Annotation;
import org.robustecg.io.EcgFormatException;

class AnnotationReaderTest {

    @Test
    void record100BeatCounts() throws Exception {
        assertEquals(Map.of("N", 294L, "A", 3L), beatCounts(TestData.mitdb().resolve("100.atr")), "first 4 minutes");
        assertEquals(Map.of("N", 2239L, "A", 33L, "V", 1L), beatCounts(TestData.completeMitdb().resolve("100.atr")));
    }

    private static Map<String, Long> beatCounts(Path atr) throws Exception {
        return AnnotationReader.read(atr).stream().filter(a -> AamiClass.ofSymbol(a.symbol()).isPresent())
                .collect(Collectors.groupingBy(Annotation::symbol, Collectors.counting()));
    }

    @Test
    void annotationsAreOrderedAndInsideTheRecord() throws Exception {
        List<Annotation> annotations = AnnotationReader.read(TestData.mitdb().resolve("100.atr"));
        // The first annotation of every MIT-BIH record is the rhythm "(N" at a non-beat "+".
        Annotation first = annotations.get(0);
        assertEquals("+", first.symbol());
        assertEquals("(N", first.aux());
        for (int i = 1; i < annotations.size(); i++) {
            assertTrue(annotations.get(i).sample() >= annotations.get(i - 1).sample());
        }
        assertTrue(annotations.get(annotations.size() - 1).sample() < 86400);
    }

    @Test
    void allFortyEightRecordsHold109494Beats() throws Exception {
        Map<AamiClass, Long> byClass = new TreeMap<>();
        long beats = 0;
        boolean afib = false;
        Path mitdb = TestData.completeMitdb();
        for (String name : Files.readAllLines(mitdb.resolve("RECORDS"))) {
            if (name.isBlank()) {
                continue;
            }
            for (Annotation a : AnnotationReader.read(mitdb.resolve(name.strip() + ".atr"))) {
                if (AamiClass.ofSymbol(a.symbol()).isPresent()) {
                    beats++;
                    byClass.merge(AamiClass.ofSymbol(a.symbol()).orElseThrow(), 1L, Long::sum);
                }
                afib |= name.strip().equals("201") && a.aux().equals("(AFIB");
            }
        }
        System.out.println("MIT-BIH beat annotations by AAMI class: " + byClass + ", total " + beats);
        assertEquals(109494, beats);
        assertTrue(afib, "record 201 has atrial fibrillation episodes");
        assertEquals(7236L, byClass.get(AamiClass.V));
        assertEquals(803L, byClass.get(AamiClass.F));
    }

    @Test
    void modifiersAndSkipAreDecoded() throws Exception {
        // N at 5, SUB 3, CHN 1, NUM 2; SKIP 70000; V at 70000+5+10 with AUX "hi"; end.
        byte[] bytes = words(
                (1 << 10) | 5, (61 << 10) | 3, (62 << 10) | 1, (60 << 10) | 2,
                59 << 10, 0x0001, 70000 - 65536,
                (5 << 10) | 10, (63 << 10) | 2, 'h' | ('i' << 8), 0);
        List<Annotation> list = AnnotationReader.decode(Path.of("mem.atr"), bytes);
        assertEquals(2, list.size());
        assertEquals(new Annotation(5, 1, "N", 3, 1, 2, ""), list.get(0));
        assertEquals(new Annotation(70015, 5, "V", 0, 1, 2, "hi"), list.get(1));
    }

    @Test
    void malformedBytesNameFileAndOffset() throws Exception {
        byte[] real = Files.readAllBytes(TestData.mitdb().resolve("100.atr"));
        EcgFormatException odd = assertThrows(EcgFormatException.class,
                () -> AnnotationReader.decode(Path.of("x.atr"), Arrays.copyOf(real, 101)));
        assertTrue(odd.getMessage().startsWith("x.atr (byte 100)"), odd.getMessage());
        EcgFormatException noEnd = assertThrows(EcgFormatException.class,
                () -> AnnotationReader.decode(Path.of("x.atr"), Arrays.copyOf(real, 100)));
        assertTrue(noEnd.getMessage().contains("end-of-file"), noEnd.getMessage());
        EcgFormatException aux = assertThrows(EcgFormatException.class,
                () -> AnnotationReader.decode(Path.of("y.atr"), words((1 << 10) | 5, (63 << 10) | 40, 0)));
        assertTrue(aux.getMessage().contains("y.atr (byte 2)") && aux.getMessage().contains("AUX"), aux.getMessage());
        assertThrows(EcgFormatException.class, () -> AnnotationReader.decode(Path.of("z.atr"), words(59 << 10, 1)));
        assertThrows(EcgFormatException.class, () -> AnnotationReader.read(Path.of("/nonexistent/none.atr")));
    }

    private static byte[] words(int... words) {
        byte[] b = new byte[words.length * 2];
        for (int i = 0; i < words.length; i++) {
            b[2 * i] = (byte) words[i];
            b[2 * i + 1] = (byte) (words[i] >> 8);
        }
        return b;
    }
}
