package org.robustecg.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C handling: the first interrupt asks the running step to stop cleanly (it sees the flag through its
 * {@link org.robustecg.progress.Progress} and stops within one unit of work); a second one exits at once.
 */
final class Interrupts {

    static final AtomicBoolean CANCELLED = new AtomicBoolean();

    private Interrupts() {
    }

    static void install() {
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (CANCELLED.getAndSet(true)) {
                    Runtime.getRuntime().halt(130);
                }
                System.err.println("\nrobustecg: stopping after the current step (Ctrl-C again to quit at once)");
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No console signals on this platform: Ctrl-C then ends the JVM the usual way.
        }
    }
}
