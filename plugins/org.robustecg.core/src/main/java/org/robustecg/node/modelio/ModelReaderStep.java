package org.robustecg.node.modelio;

import java.io.IOException;
import org.robustecg.ops.Parameter;
import org.robustecg.ops.Schema;
import org.robustecg.ops.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.robustecg.io.EcgFormatException;
import org.robustecg.model.ModelFile;
import org.robustecg.model.ModelInfo;
import org.robustecg.node.ModelPort;
import org.robustecg.node.ModelPortSpec;
import org.robustecg.node.AbstractNodeStep;
import org.robustecg.node.Port;
import org.robustecg.node.StepContext;

/** Model Reader: a model from a .recg file (also written by {@code robustecg train}). */
public final class ModelReaderStep extends AbstractNodeStep {

    public ModelReaderStep() {
        super("Model Reader",
                "Reads a RobustECG model file (.recg), e.g. one written by the Model Writer or by the command line's "
                    + "train command. The file's description is checked when the node is configured (or, for a file "
                    + "written earlier in the same workflow, when it runs).",
                SCHEMA,
                List.of(),
                List.of(Port.model("Model", "The model read.")));
    }

    public static final Schema SCHEMA = new Schema("read model", List.of(
            Parameter.file("file", "Model file", "The model file (.recg) to read.")));

    @Override
    public List<Object> configure(Values values, List<Object> inputSpecs) {
        Path file = path(values);
        if (!Files.exists(file)) {
            // written later in the same workflow (e.g. by a Model Writer): known only when executed
            return java.util.Arrays.asList((Object) null);
        }
        try {
            return List.of(ModelPortSpec.of(ModelFile.info(file)));
        } catch (EcgFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public List<Object> execute(Values values, List<Object> inputs, StepContext context) throws IOException {
        Path file = source(values);
        ModelInfo info = ModelFile.info(file);
        Files.createDirectories(context.workFolder());
        Path copy = Files.createTempFile(context.workFolder(), "model-", ".recg");
        // a snapshot: later changes to the user's file do not change this node's output
        Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ModelFile.load(copy).close();
        return List.of(new ModelPort(copy, info));
    }

    private static Path path(Values values) {
        String text = values.text("file").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("choose the model file to read");
        }
        return Path.of(text);
    }

    private static Path source(Values values) {
        Path file = path(values);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file " + file + " does not exist");
        }
        return file;
    }
}
