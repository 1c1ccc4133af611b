package org.robustecg;

import org.robustecg.progress.Progress;

/** A progress that counts the checks for cancellation made on it and reports cancelled from the (k + 1)-th on. */
public final class CancelAfter implements Progress {

    private final long k;
    private long checks;

    public CancelAfter(long k) {
        this.k = k;
    }

    /** Never cancels: counts only. */
    public static CancelAfter never() {
        return new CancelAfter(Long.MAX_VALUE);
    }

    public long checks() {
        return checks;
    }

    @Override
    public void update(double fraction, String message) {
    }

    @Override
    public boolean isCancelled() {
        return ++checks > k;
    }
}
