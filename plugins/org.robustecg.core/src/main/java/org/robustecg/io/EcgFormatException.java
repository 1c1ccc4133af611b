package org.robustecg.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be read as the format it claims to be. The message always names the file and,
 * where known, the place in it (line, byte offset, record, row).
 */
public class EcgFormatException extends IOException {

    private final transient Path file;

    public EcgFormatException(Path file, String where, String problem) {
        super(message(file, where, problem));
        this.file = file;
    }

    public EcgFormatException(Path file, String where, String problem, Throwable cause) {
        super(message(file, where, problem), cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    private static String message(Path file, String where, String problem) {
        String name = file == null ? "<input>" : file.toString();
        return where == null || where.isEmpty() ? name + ": " + problem : name + " (" + where + "): " + problem;
    }
}
