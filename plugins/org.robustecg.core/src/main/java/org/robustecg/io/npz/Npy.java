package org.robustecg.io.npz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numpy {@code .npy} format (NEP 1): magic "\x93NUMPY", version, a little-endian header length, an
 * ASCII Python dict (descr, fortran_order, shape) padded with spaces to a multiple of 64 bytes and ended by
 * a newline, then the raw values in C order.
 */
final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    static byte[] encode(NpyArray array) {
        int width = 0;
        String descr = array.dtype().descr();
        if (array.dtype() == NpyArray.DType.UNICODE) {
            for (String s : (String[]) array.data()) {
                width = Math.max(width, s.codePointCount(0, s.length()));
            }
            width = Math.max(width, 1);
            descr = descr + width;
        }
        StringBuilder shape = new StringBuilder();
        for (int d : array.shape()) {
            shape.append(d).append(", ");
        }
        String shapeText = array.shape().length == 1 ? shape.toString().strip() : shape.toString().replaceAll(", $", "");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shapeText + "), }";
        int unpadded = MAGIC.length + 2 + 4 + dict.length() + 1;
        boolean v2 = unpadded + 63 > 10 + 65535;
        int preamble = MAGIC.length + 2 + (v2 ? 4 : 2);
        int total = ((preamble + dict.length() + 1 + 63) / 64) * 64;
        String header = dict + " ".repeat(total - preamble - dict.length() - 1) + "\n";
        long payload = array.size() * elementBytes(array.dtype(), width);
        if (total + payload > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("array too large for one .npy entry: " + payload + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) (total + payload)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) (v2 ? 2 : 1)).put((byte) 0);
        if (v2) {
            b.putInt(header.length());
        } else {
            b.putShort((short) header.length());
        }
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        switch (array.dtype()) {
            case FLOAT32 -> b.asFloatBuffer().put((float[]) array.data());
            case FLOAT64 -> b.asDoubleBuffer().put((double[]) array.data());
            case INT32 -> b.asIntBuffer().put((int[]) array.data());
            case INT64 -> b.asLongBuffer().put((long[]) array.data());
            case UNICODE -> {
                for (String s : (String[]) array.data()) {
                    int[] cps = s.codePoints().toArray();
                    for (int k = 0; k < width; k++) {
                        b.putInt(k < cps.length ? cps[k] : 0);
                    }
                }
            }
        }
        return b.array();
    }

    /** Decodes one .npy entry; {@code where} names it in errors (IllegalArgumentException). */
    static NpyArray decode(byte[] bytes, String where) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10) {
            throw new IllegalArgumentException(where + ": not a .npy array (too short)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new IllegalArgumentException(where + ": not a .npy array (bad magic)");
            }
        }
        int major = bytes[6];
        b.position(8);
        long headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : Integer.toUnsignedLong(b.getInt());
        int start = b.position();
        if (start + headerLength > bytes.length) {
            throw new IllegalArgumentException(where + ": truncated .npy header");
        }
        String header = new String(bytes, start, (int) headerLength, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeMatch = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
            throw new IllegalArgumentException(where + ": bad .npy header " + header.strip());
        }
        if (fortran.group(1).equals("True")) {
            throw new IllegalArgumentException(where + ": Fortran-ordered arrays are not supported");
        }
        List<Integer> dims = new ArrayList<>();
        for (String d : shapeMatch.group(1).split(",")) {
            if (!d.isBlank()) {
                try {
                    dims.add(Integer.parseInt(d.strip().replace("L", "")));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": bad shape (" + shapeMatch.group(1) + ")");
                }
            }
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        String type = descr.group(1);
        b.position(start + (int) headerLength);
        int remaining = b.remaining();
        NpyArray.DType dtype;
        int width = 0;
        if (type.startsWith("<U")) {
            dtype = NpyArray.DType.UNICODE;
            width = Integer.parseInt(type.substring(2));
        } else {
            dtype = switch (type) {
                case "<f4" -> NpyArray.DType.FLOAT32;
                case "<f8" -> NpyArray.DType.FLOAT64;
                case "<i4" -> NpyArray.DType.INT32;
                case "<i8" -> NpyArray.DType.INT64;
                default -> throw new IllegalArgumentException(where + ": unsupported dtype " + type);
            };
        }
        if (count * elementBytes(dtype, width) != remaining) {
            throw new IllegalArgumentException(where + ": shape " + java.util.Arrays.toString(shape) + " of " + type
                    + " needs " + count * elementBytes(dtype, width) + " bytes, entry has " + remaining);
        }
        int n = (int) count;
        Object data = switch (dtype) {
            case FLOAT32 -> {
                float[] v = new float[n];
                b.asFloatBuffer().get(v);
                yield v;
            }
            case FLOAT64 -> {
                double[] v = new double[n];
                b.asDoubleBuffer().get(v);
                yield v;
            }
            case INT32 -> {
                int[] v = new int[n];
                b.asIntBuffer().get(v);
                yield v;
            }
            case INT64 -> {
                long[] v = new long[n];
                b.asLongBuffer().get(v);
                yield v;
            }
            case UNICODE -> {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    StringBuilder s = new StringBuilder();
                    for (int k = 0; k < width; k++) {
                        int cp = b.getInt();
                        if (cp != 0) {
                            s.appendCodePoint(cp);
                        }
                    }
                    v[i] = s.toString();
                }
                yield v;
            }
        };
        return new NpyArray(dtype, shape, data);
    }

    private static long elementBytes(NpyArray.DType dtype, int width) {
        return switch (dtype) {
            case FLOAT32, INT32 -> 4;
            case FLOAT64, INT64 -> 8;
            case UNICODE -> 4L * width;
        };
    }
}
