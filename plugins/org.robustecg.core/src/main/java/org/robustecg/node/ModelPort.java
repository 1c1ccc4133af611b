package org.robustecg.node;

import java.nio.file.Path;
import org.robustecg.model.ModelInfo;

/**
 * A trained model passed between nodes: its model file and what the file says about it (the port's spec).
 *
 * @param file the model file ({@code .recg})
 * @param info architecture, classes, input shape, preprocessing, training history
 */
public record ModelPort(Path file, ModelInfo info) {

    /** The port's spec. */
    public ModelPortSpec spec() {
        return ModelPortSpec.of(info);
    }

    /** One line for a port view: architecture, classes, input shape. */
    public String summary() {
        var s = info.settings();
        return String.format("%s, width x%s, %d classes %s, input %d x %d at %s Hz", s.architecture().cliName(),
                s.widthMultiplier(), s.classes(), info.classNames(), s.leads(), s.length(), info.samplingFrequency());
    }
}
