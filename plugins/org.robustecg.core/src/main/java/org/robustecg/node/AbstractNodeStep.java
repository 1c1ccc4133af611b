package org.robustecg.node;

import java.util.List;

/** The parts of a {@link NodeStep} that are plain data: name, description, options and ports, given once. */
public abstract class AbstractNodeStep implements NodeStep {

    private final String name;
    private final String description;
    private final List<Option> options;
    private final List<Port> inputs;
    private final List<Port> outputs;

    protected AbstractNodeStep(String name, String description, List<Option> options, List<Port> inputs,
            List<Port> outputs) {
        this.name = name;
        this.description = description;
        this.options = List.copyOf(options);
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
    public final List<Option> options() {
        return options;
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
