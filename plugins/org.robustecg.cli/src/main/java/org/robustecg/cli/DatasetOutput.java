package org.robustecg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.data.Split;

/** Writes the datasets a command made and describes them for its summary. */
final class DatasetOutput {

    private DatasetOutput() {
    }

    /** {@code beats.npz} with part "train" gives {@code beats-train.npz}. */
    static Path partFile(Path out, String part) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        return out.resolveSibling(stem + "-" + part + extension);
    }

    /** Fails before any work is done if an output exists and may not be replaced. */
    static void checkWritable(boolean overwrite, Path... files) throws java.nio.file.FileAlreadyExistsException {
        for (Path file : files) {
            if (!overwrite && java.nio.file.Files.exists(file)) {
                throw new java.nio.file.FileAlreadyExistsException(file.toAbsolutePath().normalize().toString(), null,
                        "already exists (use --overwrite to replace it)");
            }
        }
    }

    /** The files a command writes: {@code out} itself, or its -train and -test parts when it splits. */
    static Path[] files(Path out, boolean split) {
        return split ? new Path[] {partFile(out, "train"), partFile(out, "test")} : new Path[] {out};
    }

    /**
     * Saves a split to the -train and -test files of {@code out}, or, with split {@code none} (whole), its train part
     * (then the whole dataset) to {@code out} itself.
     */
    static List<Map<String, Object>> save(Path out, boolean overwrite, boolean whole, Split split) throws IOException {
        List<Map<String, Object>> outputs = new ArrayList<>();
        if (whole) {
            outputs.add(save(split.train(), out, overwrite));
        } else {
            outputs.add(save(split.train(), partFile(out, "train"), overwrite));
            outputs.add(save(split.test(), partFile(out, "test"), overwrite));
        }
        return outputs;
    }

    /** Saves and returns a summary: file, items, shape, class counts by name. */
    static Map<String, Object> save(Dataset data, Path file, boolean overwrite) throws IOException {
        DatasetFiles.save(data, file, overwrite);
        return describe(data, file);
    }

    static Map<String, Object> describe(Dataset data, Path file) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", file.toAbsolutePath().normalize().toString());
        summary.put("items", data.size());
        summary.put("shape", new int[] {data.size(), data.leads(), data.length()});
        summary.put("sampling_frequency", data.samplingFrequency());
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] c = data.classCounts();
        for (int k = 0; k < c.length; k++) {
            counts.put(data.classNames().get(k), c[k]);
        }
        summary.put("class_counts", counts);
        return summary;
    }

    static String table(Map<String, Object> summary) {
        StringBuilder s = new StringBuilder();
        s.append(summary.get("file")).append(": ").append(summary.get("items")).append(" items of ");
        int[] shape = (int[]) summary.get("shape");
        s.append(shape[1]).append(" x ").append(shape[2]).append(" at ").append(summary.get("sampling_frequency"))
                .append(" Hz\n");
        @SuppressWarnings("unchecked")
        Map<String, Integer> counts = (Map<String, Integer>) summary.get("class_counts");
        counts.forEach((name, n) -> s.append(String.format("  %-8s %8d%n", name, n)));
        return s.toString();
    }
}
