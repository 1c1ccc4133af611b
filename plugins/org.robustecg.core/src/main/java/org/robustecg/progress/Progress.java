package org.robustecg.progress;

/**
 * Where long work (reading a database, training, attacking) reports how far it is and learns whether it
 * should stop. KNIME nodes adapt their execution monitor to it; the command line draws a progress bar.
 */
public interface Progress {

    /** Ignores every report and never cancels. */
    Progress NONE = new Progress() {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** @param fraction done so far, 0..1; @param message what is being done now (may be null) */
    void update(double fraction, String message);

    boolean isCancelled();

    /** Throws {@link CancelledException} if the user asked to stop. Call it at least once per unit of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** A view of this progress covering the sub-range [from, to] of the whole. */
    default Progress range(double from, double to) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                parent.update(from + (to - from) * Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }
}
