package org.robustecg.node;

import java.util.List;
import java.util.Objects;
import org.robustecg.model.Architecture;
import org.robustecg.model.ModelInfo;

/**
 * The spec of a model port: what the nodes after it know of the model before it runs. A learner knows the
 * architecture, the classes and the leads at configure, from its settings and its training table's spec; a
 * trained or read model adds everything its model file says.
 *
 * @param architecture the network
 * @param classNames   name of each output class, in output order
 * @param leads        input leads
 * @param info         the model file's description (input length, preprocessing, training history ...), or null
 *                     before the model exists
 */
public record ModelPortSpec(Architecture architecture, List<String> classNames, int leads, ModelInfo info) {

    public ModelPortSpec {
        Objects.requireNonNull(architecture, "architecture");
        classNames = List.copyOf(classNames);
    }

    /** The spec of an existing model. */
    public static ModelPortSpec of(ModelInfo info) {
        return new ModelPortSpec(info.settings().architecture(), info.classNames(), info.settings().leads(), info);
    }

    /** What a port view shows: the model file's description, or what is known before training. */
    public String describe() {
        return info != null ? org.robustecg.model.ModelFile.toJson(info) : String.format("Before training: %s, %d "
                + "classes %s, %d lead(s); input length, preprocessing and history follow from the training data.",
                architecture.cliName(), classNames.size(), classNames, leads);
    }
}
