package org.robustecg.node.preprocessor;

import java.util.List;
import org.robustecg.database.CpscSettings;
import org.robustecg.database.MitBih;
import org.robustecg.node.Option;
import org.robustecg.node.OptionValues;
import org.robustecg.settings.SettingRanges;
import org.robustecg.preprocess.BeatSettings;

/**
 * Settings of the ECG Preprocessor.
 *
 * @param mode          beats (cut from records at R peaks, METHOD 2.3), cut-beats (rows already are beats, e.g. a
 *                      Kaggle CSV) or records (fixed-length multi-lead records, METHOD 2.7)
 * @param bandPass      zero-phase band-pass corner frequencies {low, high} in Hz applied to every lead first, or
 *                      an empty array for none
 * @param beats         how beats are cut (beats and cut-beats modes)
 * @param records       how records are prepared (records mode)
 * @param split         random (stratified), inter-patient (by record lists) or none (all items for training)
 * @param testFraction  test share of a random split
 * @param trainRecords  training records of an inter-patient split
 * @param testRecords   test records of an inter-patient split
 * @param trainPerClass at most this many training items per class (0 = all)
 * @param testPerClass  at most this many test items per class (0 = all)
 * @param balance       up-sample every training class to the largest
 * @param seed          seed of the split, subsets and up-sampling
 */
public record PreprocessorSettings(String mode, double[] bandPass, BeatSettings beats, CpscSettings records, String split,
        double testFraction, List<String> trainRecords, List<String> testRecords, int trainPerClass, int testPerClass,
        boolean balance, long seed) {

    public static final List<Option> OPTIONS = List.of(
            Option.choice("mode", "Mode", "beats", List.of("beats", "cut-beats", "records"), "beats: cut AAMI-labelled "
                    + "heartbeats from records at their annotated (or detected) R peaks, Kachuee et al. (needs the "
                    + "annotations table); cut-beats: every row already is a beat (Kaggle CSV); records: one item per "
                    + "record, labelled by its single diagnosis, cropped and zero padded with a mask (CPSC2018)."),
            Option.numbers("band_pass", "Band-pass filter (Hz)", "", "Two corner frequencies, e.g. 0.5,40: a "
                    + "zero-phase band-pass filter applied to every lead before anything else; empty for none (the "
                    + "paper's preprocessing filters nothing)."),
            Option.text("lead", "Beat lead", "MLII", "Lead the beats are cut from (the first lead when a record lacks it)."),
            Option.choice("peaks", "R peaks", "annotations", List.of("annotations", "detector"), "Where beats are "
                    + "centred: the annotated beats, or the R-peak detector (labelled by the nearest annotation)."),
            Option.number("beat_frequency", "Beat sampling frequency (Hz)", 125, SettingRanges.SAMPLING_FREQUENCY, "Records are resampled to it."),
            Option.integer("beat_length", "Beat length", 187, SettingRanges.BEAT_LENGTH, "Samples per beat (zero padded)."),
            Option.number("window_factor", "Beat window (x median RR)", 1.2, SettingRanges.WINDOW_FACTOR, "A beat lasts this many median "
                    + "R-R intervals from its R peak."),
            Option.text("leads", "Record leads", String.join(",", CpscSettings.DEFAULT.leads()), "Records mode: the "
                    + "leads kept, in order (CPSC2018: I, II, V1-V6; the derived limb leads are dropped)."),
            Option.number("record_frequency", "Record sampling frequency (Hz)", 500, SettingRanges.SAMPLING_FREQUENCY, "Records mode: records "
                    + "at another rate are resampled to it."),
            Option.integer("crop_length", "Crop length", CpscSettings.DEFAULT.cropLength(), SettingRanges.CROP_LENGTH, "Records "
                    + "mode: longer records are cut to this many samples."),
            Option.integer("padded_length", "Padded length", CpscSettings.DEFAULT.paddedLength(), SettingRanges.PADDED_LENGTH,
                    "Records mode: every item is zero padded to this length (the model's input length)."),
            Option.choice("split", "Split", "random", List.of("random", "inter-patient", "none"), "random: stratified "
                    + "by class (the paper); inter-patient: by the record lists below (de Chazal DS1/DS2); none: every "
                    + "item goes to the training table."),
            Option.number("test_fraction", "Test fraction", 0.2, SettingRanges.TEST_FRACTION, "Test share of a random split."),
            Option.text("train_records", "Training records", String.join(",", MitBih.DS1), "Inter-patient split: "
                    + "records of the training table (default DS1)."),
            Option.text("test_records", "Test records", String.join(",", MitBih.DS2), "Inter-patient split: records "
                    + "of the test table (default DS2)."),
            Option.integerOrDefault("train_per_class", "Training items per class", SettingRanges.PER_CLASS, "At most this many "
                    + "training items per class, seeded (0 = all)."),
            Option.integerOrDefault("test_per_class", "Test items per class", SettingRanges.PER_CLASS, "At most this many test "
                    + "items per class, seeded (0 = all)."),
            Option.bool("balance", "Balance training classes", false, "Up-sample every training class to the "
                    + "largest (the paper)."),
            Option.anyInteger("seed", "Seed", 1, "Seed of the split, subsets and "
                    + "up-sampling."));

    public static PreprocessorSettings of(OptionValues v) {
        BeatSettings beats = new BeatSettings(v.number("beat_frequency"), v.integer("beat_length"),
                v.number("window_factor"), v.text("lead").strip(), v.text("peaks").equals("detector")
                        ? BeatSettings.PeakSource.DETECTOR : BeatSettings.PeakSource.ANNOTATIONS);
        if (v.integer("padded_length") < v.integer("crop_length")) {
            throw new IllegalArgumentException("the padded length (" + v.integer("padded_length") + ") must be at "
                    + "least the crop length (" + v.integer("crop_length") + ")");
        }
        if (v.words("leads").isEmpty()) {
            throw new IllegalArgumentException("name at least one record lead");
        }
        CpscSettings records = new CpscSettings(v.words("leads"), v.integer("crop_length"), v.integer("padded_length"),
                v.number("record_frequency"));
        double[] band = v.numbers("band_pass");
        if (band.length != 0 && (band.length != 2 || !(band[0] > 0 && band[1] > band[0]))) {
            throw new IllegalArgumentException("the band-pass filter needs two corners, low < high, e.g. 0.5,40");
        }
        return new PreprocessorSettings(v.text("mode"), band, beats, records, v.text("split"), v.number("test_fraction"),
                v.words("train_records"), v.words("test_records"), v.integer("train_per_class"),
                v.integer("test_per_class"), v.bool("balance"), v.integer("seed"));
    }
}
