package org.robustecg.io.npz;

import java.util.Arrays;

/**
 * One numpy array: its element type, its shape (C order) and its values in one flat Java array
 * ({@code float[]}, {@code double[]}, {@code int[]}, {@code long[]} or {@code String[]}).
 *
 * @param dtype numpy type of the elements
 * @param shape dimensions; empty for a 0-d (scalar) array
 * @param data  the flat values
 */
public record NpyArray(DType dtype, int[] shape, Object data) {

    /** The element types RobustECG reads and writes (little-endian). */
    public enum DType {
        FLOAT32("<f4"), FLOAT64("<f8"), INT32("<i4"), INT64("<i8"), UNICODE("<U");

        private final String descr;

        DType(String descr) {
            this.descr = descr;
        }

        public String descr() {
            return descr;
        }
    }

    public NpyArray {
        shape = shape.clone();
        long count = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count *= d;
        }
        int length = switch (dtype) {
            case FLOAT32 -> ((float[]) data).length;
            case FLOAT64 -> ((double[]) data).length;
            case INT32 -> ((int[]) data).length;
            case INT64 -> ((long[]) data).length;
            case UNICODE -> ((String[]) data).length;
        };
        if (length != count) {
            throw new IllegalArgumentException(length + " values do not fill shape " + Arrays.toString(shape));
        }
    }

    public static NpyArray of(float[] values, int... shape) {
        return new NpyArray(DType.FLOAT32, shape, values);
    }

    public static NpyArray of(double[] values, int... shape) {
        return new NpyArray(DType.FLOAT64, shape, values);
    }

    public static NpyArray of(int[] values, int... shape) {
        return new NpyArray(DType.INT32, shape, values);
    }

    public static NpyArray of(long[] values, int... shape) {
        return new NpyArray(DType.INT64, shape, values);
    }

    public static NpyArray of(String[] values, int... shape) {
        return new NpyArray(DType.UNICODE, shape, values);
    }

    public long size() {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        return count;
    }
}
