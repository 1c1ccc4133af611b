package org.robustecg.io.wfdb;

/**
 * WFDB signal storage formats: how a stream of samples is packed into bytes. Decoding yields the stored
 * values in stream order; first-difference format 8 yields the differences, which the reader accumulates
 * per signal.
 */
public enum SignalFormat {
    /** 8-bit first differences. */
    DIFF8(8, 8, 8, -128),
    /** 16-bit two's complement, little-endian. */
    INT16(16, 16, 16, -32768),
    /** 16-bit two's complement, big-endian. */
    INT16_BE(61, 16, 16, -32768),
    /** 8-bit offset binary. */
    OFFSET8(80, 8, 8, -128),
    /** 16-bit offset binary. */
    OFFSET16(160, 16, 16, -32768),
    /** Two 12-bit samples in three bytes. */
    PACKED212(212, 12, 12, -2048),
    /** Three 10-bit samples in two 16-bit words (11 bits of each word, plus 5 + 5 bits). */
    PACKED310(310, 32.0 / 3, 10, -512),
    /** Three 10-bit samples in one 32-bit word. */
    PACKED311(311, 32.0 / 3, 10, -512),
    /** 24-bit two's complement, little-endian. */
    INT24(24, 24, 24, -8388608),
    /** 32-bit two's complement, little-endian. */
    INT32(32, 32, 32, Integer.MIN_VALUE);

    private final int code;
    private final double bitsPerSample;
    private final int defaultResolution;
    private final int invalidValue;

    SignalFormat(int code, double bitsPerSample, int defaultResolution, int invalidValue) {
        this.code = code;
        this.bitsPerSample = bitsPerSample;
        this.defaultResolution = defaultResolution;
        this.invalidValue = invalidValue;
    }

    public static boolean isKnown(int code) {
        for (SignalFormat f : values()) {
            if (f.code == code) {
                return true;
            }
        }
        return false;
    }

    public static SignalFormat of(int code) {
        for (SignalFormat f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown WFDB signal format " + code);
    }

    public int code() {
        return code;
    }

    public int defaultResolution() {
        return defaultResolution;
    }

    /** The stored value WFDB reserves for "no valid sample" (not for format 8, whose values are differences). */
    public int invalidValue() {
        return this == DIFF8 ? Integer.MIN_VALUE : invalidValue;
    }

    /** Bytes that hold {@code samples} samples (a partial last group takes only the bytes it needs). */
    public long bytesFor(long samples) {
        return switch (this) {
            case PACKED212 -> (samples * 3 + 1) / 2;
            case PACKED310 -> samples / 3 * 4 + new long[] {0, 2, 4}[(int) (samples % 3)];
            case PACKED311 -> samples / 3 * 4 + new long[] {0, 2, 3}[(int) (samples % 3)];
            default -> samples * (long) bitsPerSample / 8;
        };
    }

    /** Whole samples that {@code bytes} bytes hold. */
    public long samplesIn(long bytes) {
        return switch (this) {
            case PACKED212 -> bytes * 2 / 3;
            case PACKED310 -> bytes / 4 * 3 + (bytes % 4 >= 2 ? 1 : 0);
            case PACKED311 -> bytes / 4 * 3 + (bytes % 4 >= 3 ? 2 : bytes % 4 >= 2 ? 1 : 0);
            default -> bytes * 8 / (long) bitsPerSample;
        };
    }

    /**
     * Decodes {@code count} consecutive samples of a stream from {@code data}, starting at byte
     * {@code start}; bytes past the end of {@code data} read as zero.
     */
    public int[] decode(byte[] data, int start, int count) {
        int[] out = new int[count];
        switch (this) {
            case DIFF8 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = data[start + i];
                }
            }
            case OFFSET8 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (data[start + i] & 0xFF) - 128;
                }
            }
            case INT16 -> {
                for (int i = 0; i < count; i++) {
                    int p = start + 2 * i;
                    out[i] = (short) ((data[p] & 0xFF) | (data[p + 1] << 8));
                }
            }
            case INT16_BE -> {
                for (int i = 0; i < count; i++) {
                    int p = start + 2 * i;
                    out[i] = (short) ((data[p + 1] & 0xFF) | (data[p] << 8));
                }
            }
            case OFFSET16 -> {
                for (int i = 0; i < count; i++) {
                    int p = start + 2 * i;
                    out[i] = ((data[p] & 0xFF) | ((data[p + 1] & 0xFF) << 8)) - 32768;
                }
            }
            case INT24 -> {
                for (int i = 0; i < count; i++) {
                    int p = start + 3 * i;
                    out[i] = ((data[p] & 0xFF) | ((data[p + 1] & 0xFF) << 8) | (data[p + 2] << 16));
                }
            }
            case INT32 -> {
                for (int i = 0; i < count; i++) {
                    int p = start + 4 * i;
                    out[i] = (data[p] & 0xFF) | ((data[p + 1] & 0xFF) << 8) | ((data[p + 2] & 0xFF) << 16)
                            | (data[p + 3] << 24);
                }
            }
            case PACKED212 -> {
                for (int i = 0; i < count; i++) {
                    int p = start + (i / 2) * 3;
                    int b1 = at(data, p + 1);
                    int v = i % 2 == 0 ? at(data, p) | ((b1 & 0x0F) << 8) : at(data, p + 2) | ((b1 & 0xF0) << 4);
                    out[i] = signExtend(v, 12);
                }
            }
            case PACKED310 -> {
                for (int i = 0; i < count; i++) {
                    int p = start + (i / 3) * 4;
                    int v = switch (i % 3) {
                        case 0 -> (at(data, p) >> 1) | ((at(data, p + 1) & 0x07) << 7);
                        case 1 -> (at(data, p + 2) >> 1) | ((at(data, p + 3) & 0x07) << 7);
                        default -> ((at(data, p + 1) & 0xF8) >> 3) | ((at(data, p + 3) & 0xF8) << 2);
                    };
                    out[i] = signExtend(v, 10);
                }
            }
            case PACKED311 -> {
                for (int i = 0; i < count; i++) {
                    int p = start + (i / 3) * 4;
                    int v = switch (i % 3) {
                        case 0 -> at(data, p) | ((at(data, p + 1) & 0x03) << 8);
                        case 1 -> ((at(data, p + 1) & 0xFC) >> 2) | ((at(data, p + 2) & 0x0F) << 6);
                        default -> ((at(data, p + 2) & 0xF0) >> 4) | ((at(data, p + 3) & 0x3F) << 4);
                    };
                    out[i] = signExtend(v, 10);
                }
            }
            default -> throw new IllegalStateException(name());
        }
        return out;
    }

    private static int at(byte[] data, int index) {
        return index < data.length ? data[index] & 0xFF : 0;
    }

    private static int signExtend(int value, int bits) {
        int shift = 32 - bits;
        return (value << shift) >> shift;
    }
}
