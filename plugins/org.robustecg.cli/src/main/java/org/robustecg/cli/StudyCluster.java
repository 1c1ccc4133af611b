package org.robustecg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.robustecg.study.StudyWork;

/**
 * A cluster that does a study's work ({@code study --spark}). The command line knows clusters only through this
 * interface and finds the binding (org.robustecg.spark) with {@link ServiceLoader}: the binding and Spark are on the
 * class path only when a study runs on a cluster (the launcher adds them for {@code --spark}; spark-submit runs the
 * job jar), so the command line has no compile-time or run-time dependency on Spark.
 */
public interface StudyCluster extends StudyWork, AutoCloseable {

    /** Connects a study's output to a cluster. */
    interface Binding {
        /**
         * @param master where the cluster is (e.g. local[2], spark://host:7077)
         * @param conf   settings of the cluster framework
         * @param out    the output folder, a local path or a URI of shared storage (hdfs://, s3a://)
         * @param log    lines for the user
         */
        StudyCluster connect(String master, Map<String, String> conf, String out, Consumer<String> log)
                throws IOException;
    }

    /** The local folder the study writes: the output folder, or a copy of a remote one. */
    Path folder();

    /** Copies the folder to a remote output; nothing for a local one. */
    void publish() throws IOException;

    @Override
    void close();

    /** The cluster binding on the class path. */
    static Binding binding() {
        return ServiceLoader.load(Binding.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "--spark needs RobustECG's Spark module and Spark on the class path: run the study through the "
                + "./robustecg launcher, or submit the job jar with spark-submit (see docs/SCALING.md)"));
    }
}
