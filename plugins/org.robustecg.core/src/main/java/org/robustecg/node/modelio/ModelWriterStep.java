package org.robustecg.node.modelio;

import java.io.IOException;
import org.robustecg.ops.Parameter;
import org.robustecg.ops.Schema;
import org.robustecg.ops.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.robustecg.io.AtomicFiles;
import org.robustecg.node.ModelPort;
import org.robustecg.node.AbstractNodeStep;
import org.robustecg.node.Port;
import org.robustecg.node.StepContext;

/** Model Writer: saves a model to a .recg file, never replacing a file unless told to. */
public final class ModelWriterStep extends AbstractNodeStep {

    public ModelWriterStep() {
        super("Model Writer",
                "Writes a model to a RobustECG model file (.recg: settings, classes, input shape, preprocessing, "
                    + "training history and weights), atomically. An existing file is only replaced when Overwrite is "
                    + "on.",
                SCHEMA,
                List.of(Port.model("Model", "The model to save.")),
                List.of());
    }

    public static final Schema SCHEMA = new Schema("write model", List.of(
            Parameter.file("file", "Model file", "Where the model is written (.recg)."),
            Parameter.bool("overwrite", "Overwrite", false, "Replace an existing file; otherwise an existing file is an "
                    + "error and stays as it is.")));

    @Override
    public List<Object> configure(Values values, List<Object> inputSpecs) {
        Path file = target(values);
        if (Files.exists(file) && !values.bool("overwrite")) {
            throw new IllegalArgumentException(file + " exists; choose another file or enable Overwrite");
        }
        return List.of();
    }

    @Override
    public List<Object> execute(Values values, List<Object> inputs, StepContext context) throws IOException {
        configure(values, List.of());
        Path file = target(values);
        byte[] bytes = Files.readAllBytes(((ModelPort) inputs.get(0)).file());
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        AtomicFiles.write(file, values.bool("overwrite"), out -> out.write(bytes));
        return List.of();
    }

    private static Path target(Values values) {
        String text = values.text("file").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("choose the model file to write");
        }
        return Path.of(text);
    }
}
