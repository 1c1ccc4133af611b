package org.robustecg.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.TestData;
import org.robustecg.io.edf.EdfReader;
import org.robustecg.io.wfdb.AnnotationReader;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.io.wfdb.WfdbRecordReader;

/**
 * Random, truncated and bit-flipped versions of real files: the binary decoders must neither hang nor throw
 * anything but their own {@link EcgFormatException}.
 */
class DecoderFuzzTest {

    private static final int CASES = 150;

    @Test
    void corruptInputOnlyEverGivesFormatErrors(@TempDir Path dir) {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            Random random = new Random(20261123);
            Path formats = TestData.file("wfdb-formats");
            byte[] atr = Files.readAllBytes(TestData.mitdb().resolve("100.atr"));
            byte[] edf = Files.readAllBytes(formats.resolve("test_generator_2.edf"));
            byte[] hea = Files.readAllBytes(formats.resolve("binformats.hea"));
            byte[][] dats = new byte[10][];
            for (int i = 0; i < 10; i++) {
                dats[i] = Files.readAllBytes(formats.resolve("binformats.d" + i));
            }
            for (int c = 0; c < CASES; c++) {
                Path at = dir.resolve("case" + c);
                Files.createDirectories(at);
                // Annotations.
                expectOnlyFormatErrors(() -> AnnotationReader.decode(Path.of("fuzz.atr"), mutate(atr, random)));
                // EDF.
                Files.write(at.resolve("f.edf"), mutate(edf, random));
                expectOnlyFormatErrors(() -> EdfReader.read(at.resolve("f.edf")));
                // WFDB: a mutated header over intact data, then the intact header over mutated data.
                for (int i = 0; i < 10; i++) {
                    Files.write(at.resolve("binformats.d" + i), dats[i]);
                }
                Files.write(at.resolve("binformats.hea"), mutateText(hea, random));
                expectOnlyFormatErrors(() -> WfdbRecordReader.read(at, "binformats", WfdbReadOptions.LENIENT));
                Files.write(at.resolve("binformats.hea"), hea);
                int d = random.nextInt(10);
                Files.write(at.resolve("binformats.d" + d), mutate(dats[d], random));
                expectOnlyFormatErrors(() -> WfdbRecordReader.read(at, "binformats", WfdbReadOptions.STRICT));
                expectOnlyFormatErrors(() -> WfdbRecordReader.read(at, "binformats", WfdbReadOptions.LENIENT));
            }
        });
    }

    private interface Decode {
        void run() throws Exception;
    }

    private static void expectOnlyFormatErrors(Decode decode) throws Exception {
        try {
            decode.run();
        } catch (EcgFormatException expected) {
            // the reader's own error: fine
        }
    }

    /** Random bytes, a truncation, or a few flipped bits. */
    private static byte[] mutate(byte[] real, Random random) {
        switch (random.nextInt(3)) {
            case 0 -> {
                byte[] noise = new byte[random.nextInt(2 * real.length + 1)];
                random.nextBytes(noise);
                return noise;
            }
            case 1 -> {
                return Arrays.copyOf(real, random.nextInt(real.length + 1));
            }
            default -> {
                byte[] flipped = real.clone();
                for (int k = random.nextInt(8) + 1; k > 0 && flipped.length > 0; k--) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return flipped;
            }
        }
    }

    /** Header text with fields replaced by random tokens, or lines dropped. */
    private static byte[] mutateText(byte[] header, Random random) {
        String[] tokens = new String(header, StandardCharsets.ISO_8859_1).split("(?<=\\s)");
        String[] junk = {"-1", "0", "999999999999", "x", "16x0", "212:999999", "+99999999", "1e308", "/", "(", "~",
                "2147483647", "8x1048577", "\n"};
        for (int k = random.nextInt(4) + 1; k > 0; k--) {
            int i = random.nextInt(tokens.length);
            String replacement = junk[random.nextInt(junk.length)];
            tokens[i] = tokens[i].endsWith("\n") ? replacement + "\n" : replacement + " ";
        }
        return String.join("", tokens).getBytes(StandardCharsets.ISO_8859_1);
    }
}
