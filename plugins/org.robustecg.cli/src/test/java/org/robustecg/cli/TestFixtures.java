package org.robustecg.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real-data excerpts committed in the project's test-data/ folder (sources and licences in its NOTICE). */
final class TestFixtures {

    private TestFixtures() {
    }

    static Path file(String relative) {
        String property = System.getProperty("robustecg.fixtures");
        if (property != null && Files.isRegularFile(Path.of(property, "NOTICE"))) {
            return Path.of(property).toAbsolutePath().normalize().resolve(relative);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isRegularFile(p.resolve("test-data").resolve("NOTICE"))) {
                return p.resolve("test-data").resolve(relative);
            }
        }
        throw new IllegalStateException("test-data/NOTICE not found above " + Path.of("").toAbsolutePath());
    }
}
