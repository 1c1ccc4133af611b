package org.robustecg.node;

import java.util.List;
import org.robustecg.ops.Schema;

/** The parts of a {@link NodeStep} that are plain data: name, description, settings and ports, given once. */
public abstract class AbstractNodeStep implements NodeStep {

    private final String name;
    private final String description;
    private final Schema schema;
    private final List<Port> inputs;
    private final List<Port> outputs;

    protected AbstractNodeStep(String name, String description, Schema schema, List<Port> inputs,
            List<Port> outputs) {
        this.name = name;
        this.description = description;
        this.schema = schema;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Schema schema() {
        return schema;
    }

    @Override
    public final List<Port> inputs() {
        return inputs;
    }

    @Override
    public final List<Port> outputs() {
        return outputs;
    }
}
