package org.robustecg.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Model-ready ECG examples: {@code size} items, each {@code leads x length} float samples, a class label,
 * the record it came from and its sample position there, and optionally a 0/1 mask of valid (not padded)
 * samples per item. Immutable: accessors return the internal arrays, which callers must not modify.
 *
 * @param signals    row-major {@code [size][leads][length]}
 * @param size       number of items
 * @param leads      leads per item
 * @param length     samples per lead
 * @param labels     class index per item, 0..classNames.size()-1
 * @param classNames name of each class index
 * @param recordIds  source record of each item
 * @param positions  sample position of each item in its source record (e.g. the R peak), -1 if none
 * @param mask       {@code [size][length]} 1 where the sample is real, 0 where padded; null means all valid
 * @param samplingFrequency samples per second of the items, 0 when not stated
 * @throws DatasetException when the arrays do not fit together, a sample is not finite, a label is outside the
 *                          classes, or the mask is not 0/1 real samples followed by zero padding
 */
public record Dataset(float[] signals, int size, int leads, int length, int[] labels, List<String> classNames,
        String[] recordIds, int[] positions, float[] mask, double samplingFrequency) {

    public Dataset {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(recordIds, "recordIds");
        Objects.requireNonNull(positions, "positions");
        classNames = List.copyOf(classNames);
        checkShapes(signals, size, leads, length, labels, classNames, recordIds, positions, mask, samplingFrequency);
        checkItems(size, labels, classNames, recordIds, positions);
        checkSignals(signals, size, leads, length, recordIds, mask);
    }

    private static void checkShapes(float[] signals, int size, int leads, int length, int[] labels,
            List<String> classNames, String[] recordIds, int[] positions, float[] mask, double samplingFrequency) {
        if (size < 0 || leads <= 0 || length <= 0) {
            throw new DatasetException("the signals (x) have shape [" + size + ", " + leads + ", " + length
                    + "]: items 0 or more, leads and length 1 or more");
        }
        if ((long) size * leads * length != signals.length) {
            throw new DatasetException("the signals (x) hold " + signals.length + " values, shape [" + size + ", "
                    + leads + ", " + length + "] needs " + (long) size * leads * length);
        }
        checkLength("labels (y)", labels.length, size);
        checkLength("record ids (record_ids)", recordIds.length, size);
        checkLength("positions", positions.length, size);
        if (mask != null && mask.length != (long) size * length) {
            throw new DatasetException("the mask holds " + mask.length + " values, shape [" + size + ", " + length
                    + "] (items x length) needs " + (long) size * length);
        }
        if (classNames.isEmpty()) {
            throw new DatasetException("no class names (class_names): a dataset needs at least one class");
        }
        if (!Double.isFinite(samplingFrequency) || samplingFrequency < 0) {
            throw new DatasetException("sampling frequency " + samplingFrequency
                    + " Hz: allowed is a positive number, or 0 when not stated");
        }
    }

    private static void checkLength(String what, int actual, int size) {
        if (actual != size) {
            throw new DatasetException("the " + what + " have " + actual + " entries, the signals (x) " + size
                    + " items: one entry per item");
        }
    }

    private static void checkItems(int size, int[] labels, List<String> classNames, String[] recordIds,
            int[] positions) {
        for (int i = 0; i < size; i++) {
            if (recordIds[i] == null) {
                throw new DatasetException("record ids (record_ids): item " + i + " has none");
            }
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new DatasetException("labels (y): item " + i + " (record " + recordIds[i] + ") has label "
                        + labels[i] + ", allowed are the class indices 0.." + (classNames.size() - 1) + " of "
                        + classNames);
            }
            if (positions[i] < -1) {
                throw new DatasetException("positions: item " + i + " (record " + recordIds[i] + ") has position "
                        + positions[i] + ", allowed are 0 or more, or -1 for none");
            }
        }
    }

    /**
     * Finite samples, and a mask that describes zero padding: 0/1 values, real samples first (at least one),
     * then padding, where every lead is 0.
     */
    private static void checkSignals(float[] signals, int size, int leads, int length, String[] recordIds,
            float[] mask) {
        for (int k = 0; k < signals.length; k++) {
            if (!Float.isFinite(signals[k])) {
                int i = k / (leads * length);
                throw new DatasetException("the signals (x) hold " + signals[k] + " at index [" + i + ", "
                        + k / length % leads + ", " + k % length + "] (item " + i + ", record " + recordIds[i]
                        + "): samples must be finite numbers");
            }
        }
        if (mask == null) {
            return;
        }
        for (int i = 0; i < size; i++) {
            int valid = 0;
            for (int t = 0; t < length; t++) {
                float m = mask[i * length + t];
                String at = "the mask at index [" + i + ", " + t + "] (item " + i + ", record " + recordIds[i] + ")";
                if (m != 0f && m != 1f) {
                    throw new DatasetException(at + " is " + m + ": allowed are 1 (real sample) and 0 (padding)");
                }
                if (m == 1f && valid < t) {
                    throw new DatasetException(at + " is 1 after padding: real samples come first, padding after");
                }
                if (m == 1f) {
                    valid++;
                }
            }
            if (valid == 0) {
                throw new DatasetException("the mask of item " + i + " (record " + recordIds[i]
                        + ") is all 0: an item needs at least one real sample");
            }
            for (int l = 0; l < leads; l++) {
                int base = (i * leads + l) * length;
                for (int t = valid; t < length; t++) {
                    if (signals[base + t] != 0f) {
                        throw new DatasetException("the signals (x) hold " + signals[base + t] + " at index [" + i
                                + ", " + l + ", " + t + "] (item " + i + ", record " + recordIds[i]
                                + "), where the mask marks padding: padding must be 0");
                    }
                }
            }
        }
    }

    /** Samples of one item ({@code leads * length} values, lead-major), copied. */
    public float[] item(int index) {
        int stride = leads * length;
        return Arrays.copyOfRange(signals, index * stride, (index + 1) * stride);
    }

    /** Mask of one item, copied; all ones when the dataset has no mask. */
    public float[] itemMask(int index) {
        if (mask == null) {
            float[] ones = new float[length];
            Arrays.fill(ones, 1f);
            return ones;
        }
        return Arrays.copyOfRange(mask, index * length, (index + 1) * length);
    }

    /** Number of items of each class. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The items at these indices, in this order (indices may repeat, e.g. for up-sampling). */
    public Dataset select(int[] indices) {
        int stride = leads * length;
        float[] s = new float[indices.length * stride];
        float[] m = mask == null ? null : new float[indices.length * length];
        int[] l = new int[indices.length];
        String[] r = new String[indices.length];
        int[] p = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            System.arraycopy(signals, i * stride, s, k * stride, stride);
            if (m != null) {
                System.arraycopy(mask, i * length, m, k * length, length);
            }
            l[k] = labels[i];
            r[k] = recordIds[i];
            p[k] = positions[i];
        }
        return new Dataset(s, indices.length, leads, length, l, classNames, r, p, m, samplingFrequency);
    }

    /** The items of several datasets of the same shape and classes, one after another. */
    public static Dataset concat(List<Dataset> parts) {
        if (parts.isEmpty()) {
            throw new DatasetException("nothing to concatenate");
        }
        Dataset first = parts.get(0);
        int size = 0;
        boolean masked = false;
        for (Dataset d : parts) {
            if (d.leads != first.leads || d.length != first.length || !d.classNames.equals(first.classNames)
                    || d.samplingFrequency != first.samplingFrequency) {
                throw new DatasetException("datasets differ in shape, classes or sampling frequency");
            }
            size += d.size;
            masked |= d.mask != null;
        }
        int stride = first.leads * first.length;
        float[] s = new float[size * stride];
        float[] m = masked ? new float[size * first.length] : null;
        int[] l = new int[size];
        String[] r = new String[size];
        int[] p = new int[size];
        int at = 0;
        for (Dataset d : parts) {
            System.arraycopy(d.signals, 0, s, at * stride, d.size * stride);
            if (m != null) {
                if (d.mask != null) {
                    System.arraycopy(d.mask, 0, m, at * first.length, d.size * first.length);
                } else {
                    Arrays.fill(m, at * first.length, (at + d.size) * first.length, 1f);
                }
            }
            System.arraycopy(d.labels, 0, l, at, d.size);
            System.arraycopy(d.recordIds, 0, r, at, d.size);
            System.arraycopy(d.positions, 0, p, at, d.size);
            at += d.size;
        }
        return new Dataset(s, size, first.leads, first.length, l, first.classNames, r, p, m, first.samplingFrequency);
    }
}
