package org.robustecg.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gradient collectors, one at a time in this JVM. DJL's PyTorch engine lets only one gradient collector collect
 * per process, and KNIME executes independent nodes in parallel: two Adversarial Attackers, or an Attacker beside
 * a Learner, failed with "A PtGradientCollector is already collecting". Every collector of RobustECG comes from
 * here and holds a JVM-wide lock until it is closed; a collector lives for one forward and backward pass, so a
 * parallel node waits at most that long, and forward-only work (inference, Square's queries) never waits.
 */
public final class Gradients {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private Gradients() {
    }

    /** A new collector; close it (try-with-resources) in the thread that opened it. */
    public static GradientCollector collector() {
        LOCK.lock();
        try {
            return new Locked(Engine.getInstance().newGradientCollector());
        } catch (RuntimeException | Error e) {
            LOCK.unlock();
            throw e;
        }
    }

    /** A collector that gives the lock back when closed. */
    private record Locked(GradientCollector inner) implements GradientCollector {

        @Override
        public void backward(NDArray target) {
            inner.backward(target);
        }

        @Override
        public void zeroGradients() {
            inner.zeroGradients();
        }

        @Override
        public void close() {
            try {
                inner.close();
            } finally {
                LOCK.unlock();
            }
        }
    }
}
