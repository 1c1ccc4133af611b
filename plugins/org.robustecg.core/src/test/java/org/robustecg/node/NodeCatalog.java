package org.robustecg.node;

import java.util.List;
import org.robustecg.node.attacker.AttackerStep;
import org.robustecg.node.check.ExpectationStep;
import org.robustecg.node.learner.LearnerStep;
import org.robustecg.node.modelio.ModelReaderStep;
import org.robustecg.node.modelio.ModelWriterStep;
import org.robustecg.node.predictor.PredictorStep;
import org.robustecg.node.preprocessor.PreprocessorStep;
import org.robustecg.node.reader.EcgReaderStep;
import org.robustecg.node.scorer.ScorerStep;

/**
 * The KNIME nodes: each node's factory class (in the org.robustecg.knime bundle), its step, KNIME node type,
 * icon and views. Node descriptions, example workflows and their tests are checked against this list.
 */
public final class NodeCatalog {

    /**
     * @param factory factory class name
     * @param step    the node's logic
     * @param type    KNIME node type
     * @param icon    icon file next to the factory
     * @param views   view names
     */
    public record Entry(String factory, NodeStep step, String type, String icon, List<String> views) {

        public Entry {
            views = List.copyOf(views);
        }

        /** The factory's simple name (the node description is {@code <simple name>.xml} next to it). */
        public String simpleName() {
            return factory.substring(factory.lastIndexOf('.') + 1);
        }
    }

    private static final String PACKAGE = "org.robustecg.knime.";

    private NodeCatalog() {
    }

    public static List<Entry> entries() {
        return List.of(
                new Entry(PACKAGE + "reader.EcgReaderNodeFactory", new EcgReaderStep(), "Source", "reader.png", List.of()),
                new Entry(PACKAGE + "preprocessor.EcgPreprocessorNodeFactory", new PreprocessorStep(), "Manipulator",
                        "preprocessor.png", List.of()),
                new Entry(PACKAGE + "learner.CaslcnetLearnerNodeFactory", new LearnerStep(), "Learner", "learner.png",
                        List.of("Training progress")),
                new Entry(PACKAGE + "predictor.EcgPredictorNodeFactory", new PredictorStep(), "Predictor",
                        "predictor.png", List.of()),
                new Entry(PACKAGE + "attacker.AdversarialAttackerNodeFactory", new AttackerStep(), "Manipulator",
                        "attacker.png", List.of()),
                new Entry(PACKAGE + "scorer.RobustnessScorerNodeFactory", new ScorerStep(), "Other", "scorer.png",
                        List.of()),
                new Entry(PACKAGE + "modelio.ModelWriterNodeFactory", new ModelWriterStep(), "Sink", "writer.png",
                        List.of()),
                new Entry(PACKAGE + "modelio.ModelReaderNodeFactory", new ModelReaderStep(), "Source", "reader.png",
                        List.of()),
                new Entry(PACKAGE + "check.ExpectationCheckNodeFactory", new ExpectationStep(), "Other", "check.png",
                        List.of()));
    }
}
