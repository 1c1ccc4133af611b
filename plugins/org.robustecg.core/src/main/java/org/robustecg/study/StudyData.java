package org.robustecg.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.robustecg.data.Dataset;
import org.robustecg.data.DatasetFiles;
import org.robustecg.data.Split;
import org.robustecg.database.Cpsc2018;
import org.robustecg.database.MitBih;
import org.robustecg.io.wfdb.WfdbReadOptions;
import org.robustecg.ops.DatasetOperation;
import org.robustecg.ops.Values;
import org.robustecg.progress.Progress;

/**
 * A study's training and test items: the dataset operation on the study's records, or the datasets of an earlier
 * run when the data settings are unchanged (datasets/train.npz, and test.npz unless the split has no test part).
 */
final class StudyData {

    private final StudySpec spec;
    private final Path folder;
    private final Path dir;
    private final Consumer<String> log;

    StudyData(StudySpec spec, Path folder, Path dir, Consumer<String> log) {
        this.spec = spec;
        this.folder = folder;
        this.dir = dir;
        this.log = log;
    }

    Split split(Progress progress) throws IOException {
        Path train = dir.resolve("train.npz");
        Path test = dir.resolve("test.npz");
        Fingerprint fingerprint = new Fingerprint(dir.resolve("fingerprint.json"), spec.data());
        if (fingerprint.unchanged() && Files.exists(train)) {
            log.accept("reusing datasets in " + dir);
            Dataset trainPart = DatasetFiles.load(train);
            return new Split(trainPart, Files.exists(test) ? DatasetFiles.load(test) : trainPart.select(new int[0]));
        }
        Values v = spec.dataValues();
        Dataset items;
        if (spec.cpsc()) {
            log.accept("preparing the CPSC2018 records of " + folder);
            items = cpscItems(v, progress);
        } else {
            log.accept("building the MIT-BIH beat dataset from " + folder);
            items = MitBih.beats(folder, MitBih.records(folder), DatasetOperation.beats(v), WfdbReadOptions.STRICT,
                    progress);
        }
        Split split = DatasetOperation.split(v, items);
        Files.createDirectories(dir);
        DatasetFiles.save(split.train(), train, true);
        Files.deleteIfExists(test);
        if (split.test().size() > 0) {
            DatasetFiles.save(split.test(), test, true);
        }
        fingerprint.write();
        return split;
    }

    /** The single-label CPSC2018 recordings of the folder, labelled by the reference file or the headers. */
    private Dataset cpscItems(Values v, Progress progress) throws IOException {
        List<String> names = Cpsc2018.recordings(folder);
        String given = v.text("reference");
        Path reference = !given.isBlank() ? Path.of(given)
                : Files.isRegularFile(folder.resolve("REFERENCE.csv")) ? folder.resolve("REFERENCE.csv") : null;
        Map<String, List<Integer>> labels = new LinkedHashMap<>();
        if (reference != null) {
            labels.putAll(Cpsc2018.reference(reference));
        } else {
            for (String name : names) {
                var record = Cpsc2018.read(folder, name);
                labels.put(name, Cpsc2018.classesOfDx(record.metadata().getOrDefault("dx", "")).stream()
                        .map(c -> c + 1).toList());
            }
        }
        Dataset items = Cpsc2018.prepare(folder, labels, names, DatasetOperation.records(v), progress);
        if (items.size() == 0) {
            throw new IllegalArgumentException("no single-label CPSC2018 recordings in " + folder);
        }
        return items;
    }
}
