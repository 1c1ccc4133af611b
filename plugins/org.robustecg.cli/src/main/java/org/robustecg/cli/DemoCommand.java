package org.robustecg.cli;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.robustecg.database.PhysioNetDownload;
import org.robustecg.study.StudyFiles;
import org.robustecg.study.StudySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code robustecg demo}: the bundled small MIT-BIH study. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the bundled small robustness study on MIT-BIH (ResNet18 + cross-entropy vs CASLCNet + "
                + "MART, class-balanced subset, width x0.25; 1,000 balanced test beats; the attack ensemble, PGD and SAP "
                + "at four radii), about 50 minutes on a 2-core CPU, and prints where the report is. Looks for the MIT-BIH records in --data, $ROBUSTECG_DATA, "
                + "../shared/data/mitdb and ~/.robustecg/data/mitdb; if none holds them, downloads the database from "
                + "PhysioNet into ~/.robustecg/data/mitdb (SHA-256 checked, resumable).")
final class DemoCommand implements Callable<Integer> {

    private static final String STUDY = "/org/robustecg/study/demo-mitbih.yaml";

    @Option(names = "--data", paramLabel = "<mitdb dir>", description = "folder of the MIT-BIH records")
    private Path data;

    @Option(names = "--out", defaultValue = "runs/demo", paramLabel = "<dir>", description = "output folder (${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() throws Exception {
        String text;
        try (InputStream in = DemoCommand.class.getResourceAsStream(STUDY)) {
            if (in == null) {
                throw new FileNotFoundException("the bundled demo study " + STUDY + " is missing from the runner");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StudySpec spec = StudyFiles.parse(Path.of("demo-mitbih.yaml"), text);
        Path mitdb = findMitdb();
        if (mitdb == null) {
            mitdb = download();
        }
        return StudyCommand.run(spec, mitdb, out);
    }

    /** Downloads the database from PhysioNet into ~/.robustecg/data/mitdb (checksums verified, resumable). */
    private static Path download() throws java.io.IOException {
        Path target = Path.of(System.getProperty("user.home"), ".robustecg", "data", "mitdb");
        System.err.println("MIT-BIH records not found locally: downloading the database (about 100 MB) from "
                + PhysioNetDownload.MITDB + " into " + target);
        ConsoleProgress progress = new ConsoleProgress("downloading MIT-BIH", true, Interrupts.CANCELLED);
        try {
            new PhysioNetDownload(PhysioNetDownload.MITDB).download(target, null, progress);
        } finally {
            progress.finish();
        }
        return target;
    }

    /** The first folder that holds the records, or null if none does. */
    private Path findMitdb() throws FileNotFoundException {
        List<Path> candidates = new ArrayList<>();
        if (data != null) {
            return requireMitdb(data);
        }
        String env = System.getenv("ROBUSTECG_DATA");
        if (env != null) {
            candidates.add(Path.of(env));
            candidates.add(Path.of(env, "mitdb"));
        }
        candidates.add(Path.of("..", "shared", "data", "mitdb"));
        String root = System.getProperty("robustecg.home");
        if (root != null) {
            candidates.add(Path.of(root, "..", "shared", "data", "mitdb"));
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".robustecg", "data", "mitdb"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("100.hea"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** The folder, if it holds MIT-BIH records; otherwise a clear error. */
    static Path requireMitdb(Path dir) throws FileNotFoundException {
        if (!Files.isRegularFile(dir.resolve("100.hea"))) {
            throw new FileNotFoundException(dir + " holds no MIT-BIH records (100.hea, 100.dat, 100.atr, ...)");
        }
        return dir.toAbsolutePath().normalize();
    }
}
