package org.robustecg.knime.learner;

import org.knime.core.node.NodeView;
import org.robustecg.knime.node.StepNodeFactory;
import org.robustecg.knime.node.StepNodeModel;
import org.robustecg.node.learner.LearnerStep;

/** The CASLCNet Learner node: any architecture and loss; a view follows training epoch by epoch. */
public final class CaslcnetLearnerNodeFactory extends StepNodeFactory {

    public CaslcnetLearnerNodeFactory() {
        super(new LearnerStep());
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<StepNodeModel> createNodeView(final int viewIndex, final StepNodeModel nodeModel) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("no view " + viewIndex);
        }
        return new TrainingView(nodeModel);
    }
}
