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

    /** The file could not be read at all: says why in words (not UTF-8 text, permission denied, a folder ...). */
    public static EcgFormatException unreadable(Path file, IOException e) {
        return new EcgFormatException(file, null, "cannot read: " + reason(e), e);
    }

    /**
     * Why something failed, in one line without Java class names or library links: what a user reads after
     * the file's name.
     */
    public static String reason(Throwable e) {
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not UTF-8 text (it holds bytes that are not characters: is it a binary file?)";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.io.EOFException) {
            return "the file ends too early";
        }
        String message = e.getMessage();
        if ((message == null || message.isBlank()) && e.getCause() != null && e.getCause() != e) {
            return reason(e.getCause());
        }
        if (message == null || message.isBlank()) {
            return "unexpected failure";
        }
        // Library messages may start with a class name ("com.x.FooException: ...") or end in a help link.
        String text = message.replaceAll("(?s)\\s*See https?://\\S+.*$", "")
                .replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ", "")
                .replaceAll("\\s*\\n\\s*", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) + " ..." : text;
    }

    private static String message(Path file, String where, String problem) {
        String name = file == null ? "<input>" : file.toString();
        return where == null || where.isEmpty() ? name + ": " + problem : name + " (" + where + "): " + problem;
    }
}
