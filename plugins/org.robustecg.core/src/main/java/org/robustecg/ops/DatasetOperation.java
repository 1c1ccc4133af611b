package org.robustecg.ops;

import java.util.ArrayList;
import java.util.List;
import org.robustecg.data.Dataset;
import org.robustecg.data.Split;
import org.robustecg.data.Splits;
import org.robustecg.database.CpscSettings;
import org.robustecg.database.MitBih;
import org.robustecg.preprocess.BeatSettings;
import org.robustecg.settings.SettingException;
import org.robustecg.settings.SettingRanges;

/**
 * The dataset operation: labelled items cut from records (MIT-BIH heartbeats, METHOD 2.3, or fixed-length
 * multi-lead CPSC2018 records, METHOD 2.7), then split into a training and a test part, with optional per-class
 * subsets and up-sampling. The command line's {@code beats} and {@code records}, the ECG Preprocessor node and a
 * study's {@code data} section.
 */
public final class DatasetOperation {

    private static final BeatSettings BEATS = BeatSettings.KAGGLE;
    private static final CpscSettings RECORDS = CpscSettings.DEFAULT;

    /** Keys of how beats are cut. */
    private static final List<String> BEAT_KEYS = List.of("lead", "peaks", "beat_frequency", "beat_length",
            "window_factor");
    /** Keys of how records are prepared. */
    private static final List<String> RECORD_KEYS = List.of("leads", "record_frequency", "crop_length",
            "padded_length");

    public static final Schema SCHEMA = new Schema("dataset", List.of(
            Parameter.choice("dataset", "Database", "mitbih", List.of("mitbih", "cpsc2018"), "mitbih: heartbeats of "
                    + "the MIT-BIH records; cpsc2018: the single-label CPSC2018 recordings.").only(Face.STUDY),
            Parameter.folder("folder", "Folder", "The MIT-BIH records or CPSC2018 recordings; empty: "
                    + "../shared/data/mitdb or ../shared/data/cpsc2018/cinc2020 (the command line's --data "
                    + "overrides it).").only(Face.STUDY),
            Parameter.file("reference", "Reference labels", "CPSC2018 REFERENCE.csv; empty: the folder's "
                    + "REFERENCE.csv when present, else the #Dx codes of the CinC 2020 headers.").only(Face.STUDY),
            Parameter.choice("mode", "Mode", "beats", List.of("beats", "cut-beats", "records"), "beats: cut "
                    + "AAMI-labelled heartbeats from records at their annotated (or detected) R peaks, Kachuee et al. "
                    + "(needs the annotations table); cut-beats: every row already is a beat (Kaggle CSV); records: "
                    + "one item per record, labelled by its single diagnosis, cropped and zero padded with a mask "
                    + "(CPSC2018).").only(Face.NODE),
            Parameter.numbers("band_pass", "Band-pass filter (Hz)", "", "Hz", "Two corner frequencies, e.g. 0.5,40: "
                    + "a zero-phase band-pass filter applied to every lead before anything else; empty for none (the "
                    + "paper's preprocessing filters nothing).").only(Face.NODE),
            Parameter.text("lead", "Beat lead", BEATS.lead(), "Lead the beats are cut from (the first lead when a "
                    + "record lacks it)."),
            Parameter.choice("peaks", "R peaks", "annotations", List.of("annotations", "detector"), "Where beats are "
                    + "centred: the annotated beats, or the R-peak detector (labelled by the nearest annotation)."),
            Parameter.number("beat_frequency", "Beat sampling frequency", BEATS.samplingFrequency(),
                    SettingRanges.SAMPLING_FREQUENCY, "Hz", "Records are resampled to it before beats are cut."),
            Parameter.integer("beat_length", "Beat length", BEATS.beatLength(), SettingRanges.BEAT_LENGTH, "samples",
                    "Samples per beat (zero padded)."),
            Parameter.number("window_factor", "Beat window (x median RR)", BEATS.windowFactor(),
                    SettingRanges.WINDOW_FACTOR, "", "A beat lasts this many median R-R intervals from its R peak."),
            Parameter.text("leads", "Record leads", String.join(",", RECORDS.leads()), "The leads kept of each "
                    + "record, in order (CPSC2018: I, II, V1-V6; the derived limb leads are dropped)."),
            Parameter.number("record_frequency", "Record sampling frequency", RECORDS.samplingFrequency(),
                    SettingRanges.SAMPLING_FREQUENCY, "Hz", "Records at another rate are resampled to it."),
            Parameter.integer("crop_length", "Crop length", RECORDS.cropLength(), SettingRanges.CROP_LENGTH, "samples",
                    "Longer records are cut to this many samples."),
            Parameter.integer("padded_length", "Padded length", RECORDS.paddedLength(), SettingRanges.PADDED_LENGTH,
                    "samples", "Every record is zero padded to this length (the model's input length)."),
            Parameter.choice("split", "Split", "random", List.of("random", "inter-patient", "per-class", "none"),
                    "random: stratified by class (the paper's MIT-BIH split); inter-patient: by the record lists "
                    + "(de Chazal DS1/DS2); per-class: test_per_class items of each class for testing, the rest for "
                    + "training (the paper's CPSC2018 split); none: every item in the training part, no test part."),
            Parameter.number("test_fraction", "Test fraction", 0.2, SettingRanges.TEST_FRACTION, "", "Test share "
                    + "of a random split."),
            Parameter.text("train_records", "Training records", String.join(",", MitBih.DS1), "Inter-patient split: "
                    + "records of the training part (default DS1)."),
            Parameter.text("test_records", "Test records", String.join(",", MitBih.DS2), "Inter-patient split: "
                    + "records of the test part (default DS2)."),
            Parameter.optionalInteger("train_per_class", "Training items per class", SettingRanges.PER_CLASS, "items",
                    "At most this many training items per class, seeded; unset: all."),
            Parameter.optionalInteger("test_per_class", "Test items per class", SettingRanges.PER_CLASS, "items",
                    "Per-class split: the test items of each class; other splits: at most this many test items per "
                    + "class, seeded; unset: all."),
            Parameter.bool("balance", "Balance training classes", false, "Up-sample every class of the training "
                    + "part to the largest."),
            Parameter.bool("balance_test", "Balance test classes", false, "Also up-sample the test part (as the "
                    + "CASLCNet paper does)."),
            Parameter.integer("seed", "Seed", 1, SettingRanges.SEED, "", "Seed of the split, subsets and "
                    + "up-sampling.")));

    /** The command line's {@code beats}: the MIT-BIH beats of a folder of records. */
    public static final Schema BEATS_SCHEMA = without("beats", RECORD_KEYS);

    /** The command line's {@code records}: the CPSC2018 records of a folder. */
    public static final Schema RECORDS_SCHEMA = without("records", BEAT_KEYS);

    private DatasetOperation() {
    }

    private static Schema without(String name, List<String> keys) {
        List<Parameter> kept = new ArrayList<>();
        for (Parameter p : SCHEMA.parameters()) {
            kept.add(keys.contains(p.key()) ? p.only(Face.NODE, Face.STUDY) : p);
        }
        return new Schema(name, kept);
    }

    /** Checks the settings that depend on each other. */
    public static void check(Values v) {
        if (v.has("crop_length") && v.integer("padded_length") < v.integer("crop_length")) {
            throw new SettingException(v.where("crop_length") + " " + v.integer("crop_length") + " is above "
                    + v.where("padded_length") + " " + v.integer("padded_length") + ": a record is cropped, then "
                    + "zero padded");
        }
        if (v.has("leads") && v.words("leads").isEmpty()) {
            throw new SettingException(v.where("leads") + ": name at least one record lead");
        }
        if (v.has("lead") && v.text("lead").isBlank()) {
            throw new SettingException(v.where("lead") + ": name the lead beats are cut from");
        }
        if (v.has("band_pass")) {
            double[] band = v.numbers("band_pass");
            if (band.length != 0 && (band.length != 2 || !(band[0] > 0 && band[1] > band[0]))) {
                throw new SettingException(v.where("band_pass") + " is " + v.text("band_pass") + ": the band-pass "
                        + "filter needs two corners, low < high, e.g. 0.5,40");
            }
        }
        String split = v.text("split");
        if (split.equals("inter-patient") && (v.words("train_records").isEmpty() || v.words("test_records").isEmpty())) {
            throw new SettingException("an inter-patient split needs training and test record lists");
        }
        if (split.equals("per-class") && !v.has("test_per_class")) {
            throw new SettingException("a per-class split needs " + v.where("test_per_class") + ", the test items "
                    + "of each class");
        }
    }

    /** How beats are cut. */
    public static BeatSettings beats(Values v) {
        return new BeatSettings(v.number("beat_frequency"), v.integer("beat_length"), v.number("window_factor"),
                v.text("lead").strip(), v.text("peaks").equals("detector") ? BeatSettings.PeakSource.DETECTOR
                        : BeatSettings.PeakSource.ANNOTATIONS);
    }

    /** How records are prepared. */
    public static CpscSettings records(Values v) {
        return new CpscSettings(v.words("leads"), v.integer("crop_length"), v.integer("padded_length"),
                v.number("record_frequency"));
    }

    /**
     * The training and test parts of the items: split, then at most so many items of each class in each part, then
     * up-sampled where asked. With split "none" every item is in the training part and the test part is empty.
     */
    public static Split split(Values v, Dataset items) {
        check(v);
        long seed = v.integer("seed");
        Split split = switch (v.text("split")) {
            case "random" -> Splits.stratified(items, v.number("test_fraction"), seed);
            case "inter-patient" -> Splits.byRecord(items, v.words("train_records"), v.words("test_records"));
            case "per-class" -> Splits.perClass(items, v.integer("test_per_class"), seed);
            default -> new Split(items, items.select(new int[0]));
        };
        Dataset train = v.has("train_per_class") ? Splits.sample(split.train(), v.integer("train_per_class"), seed)
                : split.train();
        Dataset test = split.test();
        if (v.has("test_per_class") && !v.text("split").equals("per-class") && test.size() > 0) {
            test = Splits.sample(test, v.integer("test_per_class"), seed);
        }
        if (v.bool("balance") && train.size() > 0) {
            train = Splits.upsample(train, seed);
        }
        if (v.bool("balance_test") && test.size() > 0) {
            test = Splits.upsample(test, seed + 1);
        }
        return new Split(train, test);
    }
}
