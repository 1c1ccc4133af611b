package org.robustecg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the real data that lies beside the project ({@code ../shared/data}, see its DATA.md). */
public final class TestData {

    private TestData() {
    }

    /** The data folder: system property {@code robustecg.data}, else {@code $ROBUSTECG_DATA}, else ../shared/data. */
    public static Path dir() {
        for (String candidate : new String[] {System.getProperty("robustecg.data"), System.getenv("ROBUSTECG_DATA")}) {
            if (candidate != null && Files.isDirectory(Paths.get(candidate))) {
                return Paths.get(candidate).toAbsolutePath().normalize();
            }
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path data = p.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(data)) {
                return data;
            }
        }
        throw new IllegalStateException("real ECG data not found: set -Drobustecg.data=<dir> or ROBUSTECG_DATA, "
                + "or put the project beside shared/data");
    }

    public static Path mitdb() {
        return dir().resolve("mitdb");
    }

    public static Path file(String relative) {
        return dir().resolve(relative);
    }
}
