package org.robustecg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.robustecg.study.StudyFiles;
import org.robustecg.study.StudyResult;
import org.robustecg.study.StudyRunner;
import org.robustecg.study.StudySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code robustecg study}: a whole robustness study from a study file. */
@Command(name = "study", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs a robustness study declared in a YAML or JSON file (data, models, attacks, scoring) into "
                + "an output folder: datasets/, models/, predictions/, plots/, results.json and report.html. What "
                + "finished is reused on a re-run with unchanged settings, so an interrupted study resumes.")
final class StudyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<study.yaml|json>")
    private Path file;

    @Option(names = "--data", paramLabel = "<dir>", description = "the MIT-BIH records or CPSC2018 recordings "
            + "(overrides the study file's data folder)")
    private Path data;

    @Option(names = "--out", paramLabel = "<dir>", description = "output folder (default runs/<study file name>)")
    private Path out;

    @Override
    public Integer call() throws Exception {
        StudySpec spec = StudyFiles.read(file);
        Path folder = data != null ? data : Path.of(spec.folder());
        String stem = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        if (!spec.cpsc()) {
            folder = DemoCommand.requireMitdb(folder);
        } else if (!java.nio.file.Files.isDirectory(folder)) {
            throw new java.io.FileNotFoundException("no CPSC2018 folder " + folder + ": give --data <dir> (recordings "
                    + "as .mat, or CinC 2020 .hea + .mat, and REFERENCE.csv)");
        }
        return run(spec, folder, out != null ? out : Path.of("runs", stem));
    }

    /** Runs a study with a progress bar and prints where its report is. */
    static int run(StudySpec spec, Path folder, Path out) throws Exception {
        Resources resources = new Resources();
        ConsoleProgress progress = new ConsoleProgress("study", true, Interrupts.CANCELLED);
        StudyResult result;
        try {
            result = new StudyRunner(spec, folder, out, line -> {
                progress.finish();
                System.err.println(line);
            }).run(progress);
        } finally {
            progress.finish();
        }
        System.out.printf("%nstudy '%s' finished in %.1f s%n", spec.name(), resources.seconds());
        for (StudyResult.ModelResult m : result.models()) {
            StudyResult.AttackResult headline = m.robustness();
            StringBuilder line = new StringBuilder(String.format("  %-16s clean accuracy %6.2f %% %s; ACC_robust "
                    + "(%s) %6.2f %% %s", m.name(), 100 * m.accuracy(), m.accuracyInterval().percent(),
                    headline.attack(), 100 * headline.accRobust(), headline.accRobustInterval().percent()));
            for (StudyResult.AttackResult a : m.attacks()) {
                if (!a.attack().equals(headline.attack())) {
                    line.append(String.format("; %s %6.2f %%", a.attack(), 100 * a.accRobust()));
                }
            }
            System.out.println(line);
        }
        System.out.println("report: " + out.resolve("report.html").toAbsolutePath().normalize());
        System.out.println("results: " + out.resolve("results.json").toAbsolutePath().normalize());
        return 0;
    }
}
