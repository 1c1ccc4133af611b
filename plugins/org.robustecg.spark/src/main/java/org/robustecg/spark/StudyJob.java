package org.robustecg.spark;

import java.util.ArrayList;
import java.util.List;
import org.robustecg.cli.RobustEcg;

/**
 * The job spark-submit runs: {@code spark-submit --class org.robustecg.spark.StudyJob robustecg-spark.jar
 * <study.yaml> --out <dir or URI> [--data <dir>]}. It is the command line's {@code study --spark} with the master
 * spark-submit chose, so messages, exit codes and results are the same.
 */
public final class StudyJob {

    private StudyJob() {
    }

    public static void main(String[] args) {
        List<String> line = new ArrayList<>(List.of("study"));
        line.addAll(List.of(args));
        String master = System.getProperty("spark.master");
        if (!line.contains("--spark") && master != null) {
            line.add("--spark");
            line.add(master);
        }
        System.exit(RobustEcg.run(line.toArray(String[]::new)));
    }
}
