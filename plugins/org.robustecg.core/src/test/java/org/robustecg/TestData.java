package org.robustecg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Real ECG data for tests. Most tests read the small excerpts committed in the project's {@code test-data/} folder
 * (sources and licences in its NOTICE). The few that need the complete MIT-BIH database find it where the demo
 * looks for it, and are skipped with one line saying how to provide it when it is not there.
 */
public final class TestData {

    private TestData() {
    }

    /** The committed fixtures: {@code -Drobustecg.fixtures}, else {@code test-data/} in the project root. */
    public static Path dir() {
        String property = System.getProperty("robustecg.fixtures");
        if (property != null && Files.isRegularFile(Paths.get(property, "NOTICE"))) {
            return Paths.get(property).toAbsolutePath().normalize();
        }
        return projectRoot().resolve("test-data");
    }

    /** Excerpts of MIT-BIH records (the first minutes of each, annotations cut to match). */
    public static Path mitdb() {
        return dir().resolve("mitdb");
    }

    public static Path file(String relative) {
        return dir().resolve(relative);
    }

    /**
     * The complete data folder (holding {@code mitdb/} with all 48 records, and {@code cpsc2018/} and
     * {@code kaggle-heartbeat/} beside it as in DATA.md): {@code -Drobustecg.data}, {@code $ROBUSTECG_DATA},
     * {@code ../shared/data} beside the project, or {@code ~/.robustecg/data}. Skips the calling test when none
     * holds the database.
     */
    public static Path complete() {
        List<Path> candidates = new ArrayList<>();
        for (String configured : new String[] {System.getProperty("robustecg.data"), System.getenv("ROBUSTECG_DATA")}) {
            if (configured != null && !configured.isBlank()) {
                candidates.add(Paths.get(configured));
            }
        }
        // Only the project's own sibling: walking further up could find an unrelated shared/ folder.
        candidates.add(projectRoot().resolveSibling("shared").resolve("data"));
        candidates.add(Paths.get(System.getProperty("user.home"), ".robustecg", "data"));
        for (Path candidate : candidates) {
            Path data = Files.isRegularFile(candidate.resolve("232.dat")) ? candidate.getParent() : candidate;
            if (data != null && Files.isRegularFile(data.resolve("mitdb").resolve("232.dat"))
                    && Files.isRegularFile(data.resolve("mitdb").resolve("RECORDS"))) {
                return data.toAbsolutePath().normalize();
            }
        }
        Assumptions.abort("skipped: needs the complete MIT-BIH Arrhythmia Database (48 records); put it in "
                + "-Drobustecg.data=<dir>/mitdb, $ROBUSTECG_DATA/mitdb, ../shared/data/mitdb or ~/.robustecg/data/mitdb "
                + "(./robustecg demo downloads it there)");
        throw new AssertionError("unreachable");
    }

    /** The complete MIT-BIH database ({@link #complete()}). */
    public static Path completeMitdb() {
        return complete().resolve("mitdb");
    }

    /** The folder holding {@code mvnw} and {@code test-data/}, at or above the working directory. */
    private static Path projectRoot() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isRegularFile(p.resolve("test-data").resolve("NOTICE"))) {
                return p;
            }
        }
        throw new IllegalStateException("test-data/NOTICE not found above " + Paths.get("").toAbsolutePath()
                + ": run the tests inside the project, or set -Drobustecg.fixtures=<project>/test-data");
    }
}
