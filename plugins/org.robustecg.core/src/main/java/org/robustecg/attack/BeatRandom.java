package org.robustecg.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random streams of their own for each beat, seeded by the attack's seed and the beat's values, so that an
 * attack draws the same numbers for a beat whichever other beats share its batch: a member of the ensemble run
 * on the beats still unbroken then does on each of them what it does when run on all.
 */
final class BeatRandom {

    private BeatRandom() {
    }

    /** One generator per beat (row of {@code values}, {@code stride} values each). */
    static SplittableRandom[] streams(float[] values, int beats, long seed) {
        int stride = values.length / beats;
        SplittableRandom[] streams = new SplittableRandom[beats];
        for (int i = 0; i < beats; i++) {
            int hash = Arrays.hashCode(Arrays.copyOfRange(values, i * stride, (i + 1) * stride));
            streams[i] = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + hash);
        }
        return streams;
    }

    /** x plus uniform noise in [-eps, eps), drawn per beat, in x's manager and type. */
    static NDArray uniformStart(NDArray x, double eps, long seed) {
        float[] values = x.toType(DataType.FLOAT32, false).toFloatArray();
        int beats = (int) x.getShape().get(0);
        int stride = values.length / beats;
        SplittableRandom[] streams = streams(values, beats, seed);
        float[] noise = new float[values.length];
        for (int i = 0; i < beats; i++) {
            for (int j = 0; j < stride; j++) {
                noise[i * stride + j] = (float) ((2 * streams[i].nextDouble() - 1) * eps);
            }
        }
        return x.add(x.getManager().create(noise, x.getShape()).toType(x.getDataType(), false));
    }
}
