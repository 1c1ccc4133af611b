package org.robustecg.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.robustecg.settings.SettingException;
import org.robustecg.study.StudyFiles;
import org.robustecg.study.StudyResult;
import org.robustecg.study.StudyRunner;
import org.robustecg.study.StudySpec;
import org.robustecg.study.StudyWork;
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

    @Option(names = "--out", paramLabel = "<dir>", description = "output folder (default runs/<study file name>); "
            + "with --spark also a URI of shared storage (hdfs://..., s3a://...)")
    private String out;

    @Option(names = "--spark", paramLabel = "<master>", description = "train the models and run the attacks on "
            + "Apache Spark: local[N] (in this process, N tasks at a time) or spark://host:port (a standalone "
            + "cluster); the results equal a run without it")
    private String spark;

    @Option(names = "--spark-conf", paramLabel = "<key=value>", description = "a Spark setting, e.g. "
            + "spark.executorEnv.DJL_CACHE_DIR=/scratch/djl (repeatable)")
    private Map<String, String> sparkConf = new LinkedHashMap<>();

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
        String target = out != null ? out : Path.of("runs", stem).toString();
        if (spark == null) {
            if (target.contains("://")) {
                throw new SettingException("--out " + target + ": an output URI needs --spark (a local run writes "
                        + "a folder)");
            }
            return run(spec, folder, Path.of(target), StudyWork.LOCAL, target);
        }
        try (StudyCluster cluster = StudyCluster.binding().connect(spark, sparkConf, target, System.err::println)) {
            return run(spec, folder, cluster.folder(), cluster, target);
        }
    }

    /** Runs a study in this process with a progress bar and prints where its report is. */
    static int run(StudySpec spec, Path folder, Path out) throws Exception {
        return run(spec, folder, out, StudyWork.LOCAL, out.toString());
    }

    /**
     * @param out    the folder the study writes
     * @param work   where the models are trained and the attacks run (a cluster publishes the folder to the target)
     * @param target where its results end up (the folder, or a remote output)
     */
    private static int run(StudySpec spec, Path folder, Path out, StudyWork work, String target) throws Exception {
        Resources resources = new Resources();
        ConsoleProgress progress = new ConsoleProgress("study", true, Interrupts.CANCELLED);
        StudyResult result;
        try {
            result = new StudyRunner(spec, folder, out, work, line -> {
                progress.finish();
                System.err.println(line);
            }).run(progress);
        } finally {
            progress.finish();
        }
        if (work instanceof StudyCluster cluster) {
            cluster.publish();
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
        boolean remote = target.contains("://");
        System.out.println("report: " + (remote ? target + "/report.html" : out.resolve("report.html")
                .toAbsolutePath().normalize()));
        System.out.println("results: " + (remote ? target + "/results.json" : out.resolve("results.json")
                .toAbsolutePath().normalize()));
        return 0;
    }
}
