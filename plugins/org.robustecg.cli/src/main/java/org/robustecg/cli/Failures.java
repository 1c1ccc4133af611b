package org.robustecg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import org.robustecg.io.EcgFormatException;
import org.robustecg.settings.SettingException;
import org.robustecg.study.StudySettingsException;

/**
 * What a failed command tells its user: one line naming the file or setting and what is wrong, never a Java
 * class name. Failures that carry no such message are bugs and say so.
 */
final class Failures {

    private Failures() {
    }

    /** A setting the core or a study file refused: the same mistake as a bad option value. */
    static boolean isUsage(Exception e) {
        return e instanceof SettingException || e instanceof StudySettingsException;
    }

    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        if (e instanceof EcgFormatException) {
            return e.getMessage();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + ": already exists (use --overwrite to replace it)";
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": "
                    + EcgFormatException.reason(f);
        }
        if (e instanceof IOException) {
            return EcgFormatException.reason(e);
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            if (e.getMessage() != null && !e.getMessage().isBlank() && isOurs(e)) {
                return e.getMessage();
            }
        }
        if (e instanceof ai.djl.engine.EngineException) {
            return "the compute engine failed: " + EcgFormatException.reason(e);
        }
        return "internal error: please report it with the command line that caused it (ROBUSTECG_DEBUG=1 prints "
                + "the details)";
    }

    /** Thrown by this product's code (its messages are written for users), not by the JDK or a library. */
    private static boolean isOurs(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.robustecg.");
    }
}
