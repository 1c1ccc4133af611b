package org.robustecg.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two threads computing gradients at once, as two KNIME nodes executing in parallel or two Spark tasks in one
 * executor do. With DJL's collectors the second thread failed ("A PtGradientCollector is already collecting"); each
 * thread's collector must record its own computation, side by side with the other's, and give the right gradient.
 */
class GradientsTest {

    /** d/dx sum(x^3) = 3 x^2, computed in its own collector. */
    private static float[] cubeGradient(NDManager manager, float[] values, CountDownLatch opened, CountDownLatch release)
            throws InterruptedException {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = scratch.create(values);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Gradients.collector()) {
                opened.countDown();
                release.await();
                collector.backward(x.pow(3).sum());
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void twoThreadsCollectGradientsSideBySide() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (NDManager manager = NDManager.newBaseManager(Engines.device(), "PyTorch")) {
            CountDownLatch firstOpened = new CountDownLatch(1);
            CountDownLatch firstRelease = new CountDownLatch(1);
            CountDownLatch secondOpened = new CountDownLatch(1);
            Future<float[]> first = pool.submit(() -> cubeGradient(manager, new float[] {1, 2}, firstOpened, firstRelease));
            assertTrue(firstOpened.await(30, TimeUnit.SECONDS));
            Future<float[]> second = pool.submit(() -> cubeGradient(manager, new float[] {3, -1}, secondOpened,
                    new CountDownLatch(0)));
            // While the first collector is open, the second opens its own and finishes.
            assertTrue(secondOpened.await(30, TimeUnit.SECONDS));
            assertArrayEquals(new float[] {27, 3}, second.get(30, TimeUnit.SECONDS), 1e-5f);
            assertFalse(first.isDone());
            firstRelease.countDown();
            assertArrayEquals(new float[] {3, 12}, first.get(30, TimeUnit.SECONDS), 1e-5f);
        } finally {
            pool.shutdownNow();
        }
    }
}
