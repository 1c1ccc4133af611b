package org.robustecg.node;

import java.util.List;
import org.robustecg.node.attacker.AttackerStep;
import org.robustecg.node.learner.LearnerStep;
import org.robustecg.node.modelio.ModelReaderStep;
import org.robustecg.node.modelio.ModelWriterStep;
import org.robustecg.node.predictor.PredictorStep;
import org.robustecg.node.preprocessor.PreprocessorStep;
import org.robustecg.node.reader.EcgReaderStep;
import org.robustecg.node.scorer.ScorerStep;

/** Every node step, in the order the node repository lists them. */
public final class NodeSteps {

    private NodeSteps() {
    }

    public static List<NodeStep> all() {
        return List.of(new EcgReaderStep(), new PreprocessorStep(), new LearnerStep(), new PredictorStep(),
                new AttackerStep(), new ScorerStep(), new ModelWriterStep(), new ModelReaderStep());
    }
}
