package org.robustecg.node;

import java.io.IOException;
import java.util.List;
import org.robustecg.ops.Schema;
import org.robustecg.ops.Values;

/**
 * The KNIME-free logic of one node: its settings, ports, output specs and execution. Port data are
 * {@link org.robustecg.table.Table}, {@link ModelPort} or {@link PngImage} by port kind; specs are
 * {@link org.robustecg.table.TableSpec}, {@link ModelPortSpec} or null (unknown until run).
 * Errors a user can fix are {@link IllegalArgumentException}s whose message says what to change.
 */
public interface NodeStep {

    /** Node name as the node repository shows it. */
    String name();

    /** What the node does: the introduction of its node description. */
    String description();

    /** Its settings: the operation's parameters offered on a node ({@link org.robustecg.ops.Face#NODE}). */
    Schema schema();

    List<Port> inputs();

    List<Port> outputs();

    /**
     * Checks settings against the input specs (null for an unconnected optional input or an unknown spec) and
     * gives the output specs (null where they are only known after execution).
     */
    List<Object> configure(Values settings, List<Object> inputSpecs);

    /**
     * The input table that an output table carries on with new columns appended (its rows in the same order and
     * its columns first), or -1. The KNIME node then keeps that input as it is and only appends the new columns.
     */
    default int passThroughInput(int output) {
        return -1;
    }

    /** Runs the step. Inputs are null for unconnected optional ports. */
    List<Object> execute(Values settings, List<Object> inputs, StepContext context) throws IOException;
}
