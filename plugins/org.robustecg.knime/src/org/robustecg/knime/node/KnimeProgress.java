package org.robustecg.knime.node;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.robustecg.progress.Progress;

/** The core's progress on a KNIME execution monitor: fraction and message shown, cancel honoured. */
final class KnimeProgress implements Progress {

    private final ExecutionMonitor exec;

    KnimeProgress(ExecutionMonitor exec) {
        this.exec = exec;
    }

    @Override
    public void update(double fraction, String message) {
        exec.setProgress(Math.max(0, Math.min(1, fraction)), message);
    }

    @Override
    public boolean isCancelled() {
        try {
            exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }
}
