package org.robustecg.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.robustecg.ops.AttackOperation;
import org.robustecg.ops.ChannelsOperation;
import org.robustecg.ops.DatasetOperation;
import org.robustecg.ops.Face;
import org.robustecg.ops.Parameter;
import org.robustecg.ops.PredictOperation;
import org.robustecg.ops.Schema;
import org.robustecg.ops.ScoreOperation;
import org.robustecg.ops.TrainOperation;

/**
 * The KNIME face of every operation: the node's settings are the operation's schema, and its description names
 * exactly the keys the schema offers a node, with the schema's defaults (the command line and the study file are
 * checked the same way in the command-line module's OperationFacesTest).
 */
class NodeSchemaTest {

    static Stream<Arguments> operations() {
        return Stream.of(Arguments.of(DatasetOperation.SCHEMA, "EcgPreprocessorNodeFactory"),
                Arguments.of(TrainOperation.SCHEMA, "CaslcnetLearnerNodeFactory"),
                Arguments.of(PredictOperation.SCHEMA, "EcgPredictorNodeFactory"),
                Arguments.of(AttackOperation.SCHEMA, "AdversarialAttackerNodeFactory"),
                Arguments.of(ScoreOperation.SCHEMA, "RobustnessScorerNodeFactory"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("operations")
    void theNodeOffersTheSchemasKeysWithItsDefaults(Schema schema, String node) {
        NodeCatalog.Entry entry = NodeCatalog.entries().stream().filter(e -> e.simpleName().equals(node))
                .findFirst().orElseThrow();
        assertSame(schema, entry.step().schema(), "the node's settings are the operation's schema");
        String description = NodeDescriptions.xml(entry);
        for (Parameter p : schema.parameters()) {
            String key = "Settings key (flow variable): " + p.key() + ".";
            assertEquals(p.on(Face.NODE), description.contains(key), node + " describes " + p.key());
            if (p.on(Face.NODE) && !p.optional() && !p.defaultText().isEmpty()) {
                assertTrue(description.contains("Default: " + p.defaultText().replace("&", "&amp;")), node + " "
                        + p.key() + " default");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void channelsHaveNoNode() {
        assertTrue(ChannelsOperation.SCHEMA.parameters().stream().noneMatch(p -> p.on(Face.NODE)), "no node, so no node settings");
    }
}
