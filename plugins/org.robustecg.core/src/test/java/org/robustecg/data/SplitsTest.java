package org.robustecg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
}
