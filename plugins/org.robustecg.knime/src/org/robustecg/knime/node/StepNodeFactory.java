package org.robustecg.knime.node;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.robustecg.node.NodeStep;

/**
 * The factory of a RobustECG node: its core step. The node description is the {@code <Factory>.xml} file next
 * to the factory class, written from the step by the core's tests ({@code org.robustecg.node.NodeDescriptions}).
 */
public abstract class StepNodeFactory extends NodeFactory<StepNodeModel> {

    private final NodeStep step;

    protected StepNodeFactory(NodeStep step) {
        this.step = step;
    }

    /** The step this factory's nodes run (for the checks on KNIME's classes in the test fragment). */
    NodeStep step() {
        return step;
    }

    @Override
    public StepNodeModel createNodeModel() {
        return new StepNodeModel(step);
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<StepNodeModel> createNodeView(final int viewIndex, final StepNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("no view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return !step.schema().on(org.robustecg.ops.Face.NODE).isEmpty();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new StepNodeDialog(step);
    }
}
