package org.robustecg.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The seeding rule of the attacks: every random number an attack draws for a beat comes from a stream of the
 * beat's own, seeded by the run's seed, the radius and the beat's values. A beat is thus attacked alike whichever
 * other beats share its batch, however a dataset is cut into batches or ranges (a partitioned job gives the
 * rows of one run), and whichever attack runs it: a member of the ensemble run on the beats still unbroken does on
 * each of them what it does when run alone on all. The attack's name is deliberately not part of the seed.
 */
final class BeatRandom {

    private BeatRandom() {
    }

    /** The seed of an attack's draws at radius eps in a run seeded with {@code seed}. */
    static long atRadius(long seed, double eps) {
        return mix(seed ^ mix(Double.doubleToLongBits(eps)));
    }

    /** SplittableRandom's 64-bit finaliser: nearby inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
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
