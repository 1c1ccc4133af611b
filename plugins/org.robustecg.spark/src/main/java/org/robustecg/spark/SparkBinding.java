package org.robustecg.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.robustecg.cli.StudyCluster;
import org.robustecg.settings.SettingException;

/**
 * Connects {@code study --spark <master>} (and the job that spark-submit runs) to Spark: checks the master, sets
 * PyTorch's compute threads so that the tasks running at once on a machine do not oversubscribe its cores, keeps
 * Spark's console quiet and chooses where the output and the attacks' part files go.
 */
public final class SparkBinding implements StudyCluster.Binding {

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|[1-9][0-9]*)(?:,\\s*[1-9][0-9]*)?])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://([^/:,]+):([0-9]{1,5})");
    private static final String THREADS = "ai.djl.pytorch.num_threads";

    @Override
    public StudyCluster connect(String master, Map<String, String> settings, String out, Consumer<String> log)
            throws IOException {
        SparkConf conf = new SparkConf().setMaster(check(master)).setAppName("RobustECG study");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        settings.forEach(conf::set);
        Matcher local = LOCAL.matcher(master);
        if (local.matches()) {
            // In-process: this JVM is the executor. PyTorch's pool serves every task thread, so each of the N
            // tasks at a time gets cores / N threads (unless set: ROBUSTECG_THREADS).
            String n = local.group(1);
            int cores = Runtime.getRuntime().availableProcessors();
            int tasks = n == null ? 1 : n.equals("*") ? cores : Integer.parseInt(n);
            if (System.getProperty(THREADS) == null) {
                System.setProperty(THREADS, Integer.toString(Math.max(1, cores / tasks)));
                System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            }
        } else {
            reachable(master);
            // An executor runs cores / spark.task.cpus tasks at a time: spark.task.cpus threads each.
            String options = conf.get("spark.executor.extraJavaOptions", "");
            if (!options.contains(THREADS)) {
                conf.set("spark.executor.extraJavaOptions", (options + " -D" + THREADS + "="
                        + conf.getInt("spark.task.cpus", 1) + " -Dai.djl.pytorch.num_interop_threads=1").strip());
            }
            // Started by the launcher (not spark-submit): the executors need the job jar and PyTorch's native jar.
            String jars = System.getProperty("robustecg.spark.jars");
            if (jars != null && !conf.contains("spark.jars")) {
                conf.set("spark.jars", jars);
            }
        }
        boolean remote = out.contains("://") && !out.startsWith("file:");
        Path folder = remote ? Files.createTempDirectory("robustecg-study-") : Path.of(out.startsWith("file:")
                ? URI.create(out).getPath() : out).toAbsolutePath().normalize();
        JavaSparkContext sc = new JavaSparkContext(conf);
        sc.setLogLevel("WARN");
        try {
            String parts = (remote ? out.replaceFirst("/+$", "") : folder.toUri().toString().replaceFirst("/+$", ""))
                    + "/predictions/parts";
            if (remote) {
                fetch(sc, out, folder, log);
            }
            return new SparkStudy(sc, folder, remote ? out : null, parts, log);
        } catch (IOException | RuntimeException e) {
            sc.stop();
            throw e;
        }
    }

    /** The master if Spark can use it, else a usage error. */
    static String check(String master) {
        if (master == null || master.isBlank()) {
            throw new SettingException("--spark needs a master: local[N] or spark://host:port");
        }
        if (LOCAL.matcher(master).matches() || STANDALONE.matcher(master).matches() || master.equals("yarn")
                || master.startsWith("k8s://https://") || master.startsWith("local-cluster[")) {
            return master;
        }
        throw new SettingException("--spark " + master + ": not a Spark master (local, local[N], local[*] or "
                + "spark://host:port)");
    }

    /** Fails fast, with a clear message, when a standalone master does not answer. */
    private static void reachable(String master) {
        Matcher m = STANDALONE.matcher(master);
        if (!m.matches()) {
            return;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))), 5000);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the Spark master at " + m.group(1) + ":" + m.group(2)
                    + " (is it running, and is the address right?)");
        }
    }

    /** An earlier run's results in a remote output, so that the study resumes from them. */
    private static void fetch(JavaSparkContext sc, String out, Path folder, Consumer<String> log) throws IOException {
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(out);
        FileSystem fs = source.getFileSystem(sc.hadoopConfiguration());
        if (!fs.exists(source)) {
            return;
        }
        log.accept("reading the earlier results in " + out);
        try {
            for (var status : fs.listStatus(source)) {
                fs.copyToLocalFile(false, status.getPath(), new org.apache.hadoop.fs.Path(folder.toUri()), true);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
