package org.robustecg.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.robustecg.io.EcgFormatException;
import org.robustecg.io.npz.NpyArray;
import org.robustecg.io.npz.Npz;

/**
 * Saves and loads {@link Dataset}s. The {@code .npz} form holds everything and loads in numpy with
 * {@code numpy.load(file)}:
 * <ul>
 * <li>{@code x} float32 [n, leads, length]: the signals</li>
 * <li>{@code y} int32 [n]: class indices</li>
 * <li>{@code class_names} unicode [classes]</li>
 * <li>{@code record_ids} unicode [n]: source record of each item</li>
 * <li>{@code positions} int32 [n]: sample position in the source record (e.g. the R peak), -1 if none</li>
 * <li>{@code mask} float32 [n, length], only when the dataset has one: 1 = real sample, 0 = padding</li>
 * <li>{@code sampling_frequency} float64 scalar</li>
 * </ul>
 * The {@code .csv} form is the Kaggle heartbeat layout (one lead: the samples, then the label; no header),
 * see {@link KaggleCsv}.
 */
public final class DatasetFiles {

    private DatasetFiles() {
    }

    /**
     * Saves by file extension: {@code .npz} or {@code .csv}.
     *
     * @throws DatasetException for a dataset without items: nothing is written
     */
    public static void save(Dataset data, Path file, boolean overwrite) throws IOException {
        requireItems(data, file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz")) {
            saveNpz(data, file, overwrite);
        } else if (name.endsWith(".csv")) {
            KaggleCsv.write(data, file, overwrite);
        } else {
            throw new IllegalArgumentException(file + ": dataset files end in .npz or .csv");
        }
    }

    /** Loads by file extension: {@code .npz}, or {@code .csv} in the Kaggle layout. */
    public static Dataset load(Path file) throws EcgFormatException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            try {
                return KaggleCsv.read(file, KaggleCsv.IndexColumn.AUTO);
            } catch (DatasetException e) {
                throw new EcgFormatException(file, null, e.getMessage());
            }
        }
        return loadNpz(file);
    }

    public static void saveNpz(Dataset d, Path file, boolean overwrite) throws IOException {
        requireItems(d, file);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NpyArray.of(d.signals(), d.size(), d.leads(), d.length()));
        arrays.put("y", NpyArray.of(d.labels(), d.size()));
        arrays.put("class_names", NpyArray.of(d.classNames().toArray(String[]::new), d.classNames().size()));
        arrays.put("record_ids", NpyArray.of(d.recordIds(), d.size()));
        arrays.put("positions", NpyArray.of(d.positions(), d.size()));
        if (d.mask() != null) {
            arrays.put("mask", NpyArray.of(d.mask(), d.size(), d.length()));
        }
        arrays.put("sampling_frequency", NpyArray.of(new double[] {d.samplingFrequency()}));
        Npz.write(file, arrays, overwrite);
    }

    public static Dataset loadNpz(Path file) throws EcgFormatException {
        Map<String, NpyArray> a = Npz.read(file);
        NpyArray x = require(file, a, "x", NpyArray.DType.FLOAT32, 3);
        int n = x.shape()[0];
        if (n == 0) {
            throw new EcgFormatException(file, "array x", "the dataset has no items (x has shape [0, ...])");
        }
        int[] y = (int[]) require(file, a, "y", NpyArray.DType.INT32, 1).data();
        String[] classes = (String[]) require(file, a, "class_names", NpyArray.DType.UNICODE, 1).data();
        String[] ids = a.containsKey("record_ids")
                ? (String[]) require(file, a, "record_ids", NpyArray.DType.UNICODE, 1).data() : new String[n];
        if (!a.containsKey("record_ids")) {
            Arrays.fill(ids, "");
        }
        int[] positions = a.containsKey("positions")
                ? (int[]) require(file, a, "positions", NpyArray.DType.INT32, 1).data() : filled(n, -1);
        float[] mask = null;
        if (a.containsKey("mask")) {
            NpyArray m = require(file, a, "mask", NpyArray.DType.FLOAT32, 2);
            if (m.shape()[0] != n || m.shape()[1] != x.shape()[2]) {
                throw new EcgFormatException(file, "array mask", "has shape " + Arrays.toString(m.shape())
                        + ", x has shape " + Arrays.toString(x.shape()) + ": the mask needs [items, length] = [" + n
                        + ", " + x.shape()[2] + "]");
            }
            mask = (float[]) m.data();
        }
        double fs = a.containsKey("sampling_frequency")
                ? ((double[]) require(file, a, "sampling_frequency", NpyArray.DType.FLOAT64, 0).data())[0] : 0;
        try {
            return new Dataset((float[]) x.data(), n, x.shape()[1], x.shape()[2], y, List.of(classes), ids, positions,
                    mask, fs);
        } catch (DatasetException e) {
            throw new EcgFormatException(file, null, e.getMessage());
        }
    }

    /** A later step would trip over an empty file, far from the split or selection that emptied it. */
    private static void requireItems(Dataset data, Path file) {
        if (data.size() == 0) {
            throw new DatasetException(file + ": the dataset has no items, so it is not written (a split or"
                    + " selection left nothing)");
        }
    }

    private static NpyArray require(Path file, Map<String, NpyArray> arrays, String name, NpyArray.DType type, int dims)
            throws EcgFormatException {
        NpyArray array = arrays.get(name);
        if (array == null) {
            throw new EcgFormatException(file, null, "no array '" + name + "' (a RobustECG dataset has x, y, class_names)");
        }
        if (array.dtype() != type || array.shape().length != dims) {
            throw new EcgFormatException(file, "array " + name, "expected " + dims + "-d " + type.descr() + ", found "
                    + array.shape().length + "-d " + array.dtype().descr());
        }
        return array;
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }
}
