package org.robustecg.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.robustecg.progress.Progress;

/**
 * A progress bar on the terminal (standard error) with elapsed time and an estimate of the time left.
 * Cancelled by the first Ctrl-C (see {@link Interrupts}); redraws at most a few times per second.
 */
final class ConsoleProgress implements Progress {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String task;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private final AtomicBoolean cancelled;
    private long lastDraw;
    private boolean drawn;

    ConsoleProgress(String task, boolean enabled, AtomicBoolean cancelled) {
        this.out = System.err;
        this.task = task;
        // A bar redrawn with carriage returns only makes sense on a terminal.
        this.enabled = enabled && System.console() != null;
        this.cancelled = cancelled;
    }

    @Override
    public synchronized void update(double fraction, String message) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && fraction < 1) {
            return;
        }
        lastDraw = now;
        double f = Math.max(0, Math.min(1, fraction));
        int width = 30;
        int filled = (int) Math.round(f * width);
        double elapsed = (now - start) / 1e9;
        String eta = f > 0.01 ? format(elapsed * (1 - f) / f) : "?";
        String line = String.format("\r%s [%s%s] %5.1f%% %s elapsed, %s left %s", task, "#".repeat(filled),
                " ".repeat(width - filled), 100 * f, format(elapsed), eta, message == null ? "" : message);
        out.print(line.length() > 150 ? line.substring(0, 150) : line + "\033[K");
        out.flush();
        drawn = true;
    }

    /** Ends the bar's line so later output starts on a fresh line. */
    synchronized void finish() {
        if (drawn) {
            out.println();
            drawn = false;
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    private static String format(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return d.toHours() > 0 ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%d:%02d", d.toMinutesPart(), d.toSecondsPart());
    }
}
