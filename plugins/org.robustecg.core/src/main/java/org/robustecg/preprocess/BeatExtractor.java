package org.robustecg.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.robustecg.data.Dataset;
import org.robustecg.ecg.AamiClass;
import org.robustecg.ecg.Lead;
import org.robustecg.ecg.Record;

/**
 * Cuts labelled heartbeats from one recording in the Kachuee et al. (2018) way: resample the lead, take
 * the median R-R interval T of the record, cut each beat from its R peak over windowFactor x T samples
 * (at most the beat length), scale each beat to [0, 1] and zero pad it to the beat length. Beats whose
 * window runs past the end of the recording are left out. Kachuee et al. took T per 10 s window; the
 * record's median is used here, which gives the same beats for all but abrupt rate changes.
 */
public final class BeatExtractor {

    private static final List<String> CLASSES = Arrays.stream(AamiClass.values()).map(Enum::name).toList();

    private BeatExtractor() {
    }

    /** A labelled R peak: sample index in the original recording and AAMI class. */
    public record LabelledPeak(long sample, AamiClass label) {
    }

    /**
     * The beats of a record. {@code peaks} are R peaks at the record's own rate, in time order.
     *
     * @return a dataset of 1 lead x beatLength items, labels = AAMI class ordinals, positions = R peak samples
     */
    public static Dataset extract(Record record, List<LabelledPeak> peaks, BeatSettings settings) {
        Lead lead = record.lead(settings.lead());
        if (lead == null) {
            lead = record.leads().get(0);
        }
        Resampler resampler = Resampler.between(record.samplingFrequency(), settings.samplingFrequency());
        double[] x = resampler.apply(lead.samples());
        int[] r = new int[peaks.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = resampler.mapIndex(peaks.get(i).sample());
        }
        int window = (int) Math.round(settings.windowFactor() * medianInterval(r));
        int length = settings.beatLength();
        int cut = Math.min(window, length);
        List<float[]> beats = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < r.length; i++) {
            if (r[i] < 0 || r[i] + cut > x.length || cut < 2) {
                continue;
            }
            float[] beat = scaledBeat(x, r[i], cut, length);
            if (beat == null) {
                continue;
            }
            beats.add(beat);
            labels.add(peaks.get(i).label().ordinal());
            positions.add((int) peaks.get(i).sample());
        }
        float[] signals = new float[beats.size() * length];
        for (int i = 0; i < beats.size(); i++) {
            System.arraycopy(beats.get(i), 0, signals, i * length, length);
        }
        String[] ids = new String[beats.size()];
        Arrays.fill(ids, record.id());
        return new Dataset(signals, beats.size(), 1, length, labels.stream().mapToInt(Integer::intValue).toArray(),
                CLASSES, ids, positions.stream().mapToInt(Integer::intValue).toArray(), null,
                settings.samplingFrequency());
    }

    /** Median of successive differences of the peaks, in samples; 0 with fewer than two peaks. */
    static double medianInterval(int[] peaks) {
        if (peaks.length < 2) {
            return 0;
        }
        int[] rr = new int[peaks.length - 1];
        for (int i = 1; i < peaks.length; i++) {
            rr[i - 1] = peaks[i] - peaks[i - 1];
        }
        Arrays.sort(rr);
        int m = rr.length / 2;
        return rr.length % 2 == 1 ? rr[m] : (rr[m - 1] + rr[m]) / 2.0;
    }

    /** The segment min-max scaled to [0,1] and zero padded; null if it holds invalid (NaN) samples. */
    private static float[] scaledBeat(double[] x, int start, int cut, int length) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < cut; k++) {
            double v = x[start + k];
            if (Double.isNaN(v)) {
                return null;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float[] beat = new float[length];
        double range = max - min;
        for (int k = 0; k < cut; k++) {
            beat[k] = range > 0 ? (float) ((x[start + k] - min) / range) : 0f;
        }
        return beat;
    }
}
