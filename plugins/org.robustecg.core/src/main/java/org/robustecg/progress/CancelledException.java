package org.robustecg.progress;

/** Thrown by long-running work when its {@link Progress} reports that the user cancelled it. */
public class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled");
    }
}
