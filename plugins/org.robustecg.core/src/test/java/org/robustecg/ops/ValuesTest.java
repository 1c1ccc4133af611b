package org.robustecg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.robustecg.settings.SettingException;

/** One validation for every face: defaults, "unset", text and typed values, and messages naming the setting. */
class ValuesTest {

    private static final Schema TRAIN = TrainOperation.SCHEMA;

    @Test
    void defaultsAreSetAndOptionalSettingsAbsent() {
        Values v = Values.defaults(TRAIN, Face.NODE);
        assertEquals(100, v.integer("epochs"));
        assertFalse(v.has("batch_size"), "unset: the paper's batch for the data's kind");
        assertFalse(v.asMap().containsKey("batch_size"));
    }

    @Test
    void emptyTextAndNullMeanUnsetAndTextIsParsed() {
        Map<String, Object> given = new HashMap<>();
        given.put("batch_size", "");
        given.put("learning_rate", null);
        given.put("eps", " 0.05 ");
        given.put("epochs", "7");
        given.put("balance", "true");
        Values v = Values.of(TRAIN, Face.NODE, given);
        assertFalse(v.has("batch_size"));
        assertFalse(v.has("learning_rate"));
        assertEquals(0.05, v.number("eps"));
        assertEquals(7, v.integer("epochs"));
        assertTrue(v.bool("balance"));
        assertEquals(12, Values.of(TRAIN, Face.STUDY, Map.of("epochs", 12.0)).integer("epochs"), "a whole number "
                + "read as a number from a study file");
    }

    @Test
    void everyFaceNamesTheSettingAsItsUserKnowsIt() {
        Map<String, Object> bad = Map.of("batch_size", 0);
        assertTrue(message(() -> Values.of(TRAIN, Face.CLI, bad)).startsWith("--batch-size is 0: must be a whole "
                + "number from 1 to"));
        assertTrue(message(() -> Values.of(TRAIN, Face.NODE, bad)).startsWith("setting 'Batch size' (batch_size) is "
                + "0"));
        assertTrue(message(() -> Values.of(TRAIN, Face.STUDY, bad, p -> "models[2]." + p.key()))
                .startsWith("models[2].batch_size is 0"));
        assertTrue(message(() -> Values.of(TRAIN, Face.STUDY, Map.of("epochs", 1.5))).contains("epochs is 1.5: must "
                + "be a whole number"));
        assertTrue(message(() -> Values.of(TRAIN, Face.NODE, Map.of("epochs", "many"))).contains("is many: must be "
                + "a whole number"));
        assertTrue(message(() -> Values.of(TRAIN, Face.NODE, Map.of("architecture", "vgg99"))).contains(
                "is 'vgg99': must be one of caslcnet, resnet18"));
    }

    @Test
    void unknownKeysNameTheAllowedOnes() {
        String m = message(() -> Values.of(TRAIN, Face.STUDY, Map.of("batch", 64)));
        assertTrue(m.contains("'batch'") && m.contains("allowed: " + String.join(", ", TRAIN.keys(Face.STUDY))), m);
        String node = message(() -> Values.of(AttackOperation.SCHEMA, Face.NODE, Map.of("per_class", 3)));
        assertTrue(node.contains("'per_class'"), "a command-line setting is not a node setting: " + node);
    }

    @Test
    void onlyTheCommandLineTakesSeveralAttacks() {
        Values cli = Values.of(AttackOperation.SCHEMA, Face.CLI, Map.of("attack", "fgsm, pgd"));
        assertEquals(List.of("fgsm", "pgd"), cli.words("attack"));
        assertThrows(SettingException.class, () -> Values.of(AttackOperation.SCHEMA, Face.NODE, Map.of("attack",
                "fgsm,pgd")));
        assertEquals("0.01,0.1", Values.of(AttackOperation.SCHEMA, Face.STUDY, Map.of("eps", List.of(0.01, 0.1)))
                .text("eps"), "a study's list of radii");
    }

    private static String message(Runnable r) {
        return assertThrows(SettingException.class, r::run).getMessage();
    }
}
