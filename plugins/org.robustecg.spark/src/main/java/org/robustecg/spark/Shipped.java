package org.robustecg.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.broadcast.Broadcast;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.io.EcgFormatException;

/**
 * Datasets and model files shipped to the executors as broadcast file contents. An executor unpacks each once and
 * keeps it for the tasks that follow: a dataset in memory, a model file on its local disk.
 */
final class Shipped {

    private static final Map<String, Dataset> DATASETS = new ConcurrentHashMap<>();
    private static final Map<String, Path> FILES = new ConcurrentHashMap<>();

    private Shipped() {
    }

    /** The file's contents, to broadcast. */
    static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    /** A dataset's file contents (the study's datasets/ format), to broadcast. */
    static byte[] bytes(Dataset items) throws IOException {
        Path file = Files.createTempFile("robustecg-items-", ".npz");
        try {
            DatasetFiles.save(items, file, true);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** @param run the driver's run, so that the broadcast ids of successive runs in one process do not collide */
    static Dataset dataset(String run, Broadcast<byte[]> items) {
        return DATASETS.computeIfAbsent(run + "-items-" + items.id(), key -> {
            try {
                return DatasetFiles.load(file(key, ".npz", items.value()));
            } catch (EcgFormatException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A model file on this executor's disk. */
    static Path model(String run, Broadcast<Map<String, byte[]>> models, String name) {
        return FILES.computeIfAbsent(run + "-model-" + models.id() + "-" + name,
                key -> file(key, ".recg", models.value().get(name)));
    }

    private static Path file(String key, String suffix, byte[] bytes) {
        try {
            Path file = Files.createTempFile("robustecg-" + key + "-", suffix);
            file.toFile().deleteOnExit();
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frees what a run shipped to this process (the driver's, which is the executor in local mode). */
    static void forget(String run) {
        DATASETS.keySet().removeIf(key -> key.startsWith(run + "-"));
        FILES.entrySet().removeIf(e -> {
            if (!e.getKey().startsWith(run + "-")) {
                return false;
            }
            e.getValue().toFile().delete();
            return true;
        });
    }
}
