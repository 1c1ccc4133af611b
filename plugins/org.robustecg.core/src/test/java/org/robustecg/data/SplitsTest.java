package org.robustecg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.TestData;
import org.robustecg.database.MitBih;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.preprocess.BeatSettings;
import org.robustecg.progress.Progress;

class SplitsTest {

    private static Dataset beats() throws Exception {
        return MitBih.beats(TestData.mitdb(), List.of("100", "119", "208", "213"), BeatSettings.KAGGLE,
                WfdbReadOptions.STRICT, Progress.NONE);
    }

    @Test
    void stratifiedSplitKeepsClassProportionsAndIsSeeded() throws Exception {
        Dataset d = beats();
        Split s = Splits.stratified(d, 0.2, 7);
        int[] all = d.classCounts();
        int[] test = s.test().classCounts();
        int[] train = s.train().classCounts();
        for (int c = 0; c < all.length; c++) {
            assertEquals(Math.round(0.2 * all[c]), test[c], "class " + c);
            assertEquals(all[c], test[c] + train[c]);
        }
        Split again = Splits.stratified(d, 0.2, 7);
        assertArrayEquals(s.test().positions(), again.test().positions());
        Split other = Splits.stratified(d, 0.2, 8);
        assertTrue(!java.util.Arrays.equals(s.test().positions(), other.test().positions()));
    }

    @Test
    void interPatientSplitUsesDeChazalRecords() throws Exception {
        Dataset d = beats();
        Split s = Splits.byRecord(d, MitBih.DS1, MitBih.DS2);
        assertEquals(Set.of("119", "208"), Set.copyOf(List.of(s.train().recordIds())));
        assertEquals(Set.of("100", "213"), Set.copyOf(List.of(s.test().recordIds())));
        assertEquals(22, MitBih.DS1.size());
        assertEquals(22, MitBih.DS2.size());
        assertTrue(MitBih.DS1.stream().noneMatch(MitBih.DS2::contains));
        assertTrue(MitBih.PACED.stream().noneMatch(r -> MitBih.DS1.contains(r) || MitBih.DS2.contains(r)));
    }

    @Test
    void upsamplingTilesEveryClassToTheLargest() throws Exception {
        Dataset d = beats();
        Dataset balanced = Splits.upsample(d, 3);
        int[] before = d.classCounts();
        int max = java.util.Arrays.stream(before).max().orElseThrow();
        for (int c = 0; c < before.length; c++) {
            assertEquals(before[c] == 0 ? 0 : max, balanced.classCounts()[c], "class " + c);
        }
        assertArrayEquals(balanced.labels(), Splits.upsample(d, 3).labels());
        Dataset small = Splits.sample(d, 10, 1);
        for (int c = 0; c < before.length; c++) {
            assertEquals(Math.min(10, before[c]), small.classCounts()[c]);
        }
    }

    @Test
    void splitsAndSelectionsThatLeaveAPartEmptyAreRefused(@TempDir Path dir) throws Exception {
        Dataset d = beats();
        Dataset only100 = d.select(IntStream.range(0, d.size()).filter(i -> d.recordIds()[i].equals("100")).toArray());
        Dataset only119 = d.select(IntStream.range(0, d.size()).filter(i -> d.recordIds()[i].equals("119")).toArray());
        assertRefused(() -> Splits.byRecord(only100, MitBih.DS1, MitBih.DS2), "inter-patient split leaves the training"
                + " part empty", "the items come from records [100]");
        assertRefused(() -> Splits.byRecord(only119, MitBih.DS1, MitBih.DS2), "leaves the test part empty");
        assertRefused(() -> Splits.byRecord(d, List.of("999"), List.of("100")), "leaves the training part empty",
                "its records [999]");
        assertRefused(() -> Splits.stratified(d.select(new int[] {0}), 0.2, 1), "a random split of 1 item with test"
                + " fraction 0.2 leaves the test part empty");
        // One item in each of two classes: a fraction of 0.9 sends both to testing.
        int v = IntStream.range(0, d.size()).filter(i -> d.labels()[i] == 2).findFirst().orElseThrow();
        assertRefused(() -> Splits.stratified(d.select(new int[] {0, v}), 0.9, 1), "leaves the training part empty");
        int smallest = java.util.Arrays.stream(d.classCounts()).filter(n -> n > 0).min().orElseThrow();
        assertRefused(() -> Splits.perClass(d, smallest, 1), "has " + smallest + " item",
                "leaves none of it for training", "smallest class, " + smallest);
        assertRefused(() -> Splits.perClass(d, 0, 1), "a hold-out of 0 items per class is empty");
        assertRefused(() -> Splits.sample(d, 0, 1), "a selection of 0 items per class");
        assertRefused(() -> Splits.sample(d.select(new int[0]), 5, 1), "from 0 items is empty");
        Split fine = Splits.perClass(d, smallest - 1, 1);
        assertTrue(fine.train().size() > 0 && fine.test().size() > 0);

        Dataset empty = d.select(new int[0]);
        for (String name : List.of("empty.npz", "empty.csv")) {
            Path file = dir.resolve(name);
            assertRefused(() -> DatasetFiles.save(empty, file, false), file + ": the dataset has no items, so it is"
                    + " not written");
            assertFalse(Files.exists(file), "nothing written");
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary files left");
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void assertRefused(Action action, String... fragments) {
        DatasetException e = assertThrows(DatasetException.class, action::run);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
