package org.robustecg.study;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.robustecg.io.AtomicFiles;

/**
 * The settings that made a study artefact, stored beside it: written (atomically) after the artefact, so an
 * artefact whose fingerprint file holds the current settings is complete and may be reused.
 */
final class Fingerprint {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .create();

    private final Path file;
    private final String text;

    /** @param settings everything the artefact depends on */
    Fingerprint(Path file, Object settings) {
        this.file = file;
        this.text = GSON.toJson(settings);
    }

    boolean unchanged() throws IOException {
        return Files.exists(file) && Files.readString(file).equals(text);
    }

    void write() throws IOException {
        AtomicFiles.write(file, true, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
