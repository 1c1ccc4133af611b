package org.robustecg.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C handling: the first interrupt asks the running step to stop cleanly (it sees the flag through its
 * {@link org.robustecg.progress.Progress} and stops within one unit of work, exit code 130); a second one exits
 * at once. Either way no output file is left half written.
 */
final class Interrupts {

    static final AtomicBoolean CANCELLED = new AtomicBoolean();

    private Interrupts() {
    }

    static void install() {
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (CANCELLED.getAndSet(true)) {
                    // exit, not halt: the shutdown hooks remove the temporary file of an output being written
                    System.exit(RobustEcg.INTERRUPTED);
                }
                System.err.println("\nrobustecg: stopping after the current step (Ctrl-C again to quit at once)");
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No console signals on this platform: Ctrl-C then ends the JVM the usual way.
        }
    }
}
