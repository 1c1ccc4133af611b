package org.robustecg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.attack.AttackRecord;
import org.robustecg.io.EcgFormatException;

class RobustnessScoreTest {

    /**
     * Four samples, labels A A B B. Clean predictions A A B A (sample 3 wrong). At eps 0.05: A B B A; at 0.1:
     * B B A B (sample 3 then "right" by chance).
     */
    private static List<AttackRecord> rows() {
        String[] labels = {"A", "A", "B", "B"};
        String[][] predictions = {{"A", "A", "B", "A"}, {"A", "B", "B", "A"}, {"B", "B", "A", "B"}};
        double[] eps = {0, 0.05, 0.1};
        List<AttackRecord> rows = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            for (int s = 0; s < 4; s++) {
                rows.add(new AttackRecord("pgd", eps[e], s, labels[s], predictions[e][s], predictions[0][s], 0, 0, 0));
            }
        }
        return rows;
    }

    @Test
    void accuracyCurveAndAccRobustByHand() {
        RobustnessScore s = RobustnessScore.score(rows(), 0.1, true).get(0);
        // With the rule, sample 3 stays wrong (prediction A): accuracies 3/4, 2/4, 0/4.
        assertEquals(0.75, s.curve().get(0).accuracy(), 1e-12);
        assertEquals(0.5, s.curve().get(1).accuracy(), 1e-12);
        assertEquals(0.0, s.curve().get(2).accuracy(), 1e-12);
        // Trapezoid: 0.05 * (0.75 + 0.5) / 2 + 0.05 * (0.5 + 0) / 2 = 0.04375; / 0.1 = 0.4375.
        assertEquals(Math.sqrt(0.75 * 0.4375), s.accRobust(), 1e-12);
        // F1 clean: A: 2*2/(2+3) = 0.8; B: 2*1/(2+1) = 2/3 -> 11/15.
        assertEquals((0.8 + 2 / 3.0) / 2, s.curve().get(0).macroF1(), 1e-12);
        // Without the rule, sample 3 counts as right at eps 0.1: accuracy 1/4.
        RobustnessScore raw = RobustnessScore.score(rows(), 0.1, false).get(0);
        assertEquals(0.25, raw.curve().get(2).accuracy(), 1e-12);
        // eps_max between grid points: the curve is interpolated at 0.075 (0.25): area 0.03125 + 0.009375.
        RobustnessScore mid = RobustnessScore.score(rows(), 0.075, true).get(0);
        assertEquals(Math.sqrt(0.75 * ((0.03125 + 0.025 * (0.5 + 0.25) / 2) / 0.075)), mid.accRobust(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> RobustnessScore.score(rows(), 0.2, true));
    }

    @Test
    void predictionsFilesRoundTripAndForeignLayouts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.csv");
        PredictionsCsv.write(rows(), file, false);
        assertEquals(rows(), PredictionsCsv.read(file));
        // Another tool's file: other column order, an extra column, no norms, no clean_prediction.
        Path foreign = dir.resolve("foreign.csv");
        StringBuilder text = new StringBuilder("model,label,prediction,epsilon,attack,sample_id\n");
        for (AttackRecord r : rows()) {
            text.append("x,").append(r.label()).append(',').append(r.prediction()).append(',').append(r.epsilon())
                    .append(',').append(r.attack()).append(',').append(r.sampleId()).append('\n');
        }
        Files.writeString(foreign, text);
        RobustnessScore s = RobustnessScore.score(PredictionsCsv.read(foreign), 0.1, true).get(0);
        assertEquals(RobustnessScore.score(rows(), 0.1, true).get(0).accRobust(), s.accRobust(), 1e-12);
        Files.writeString(foreign, "attack,epsilon,sample_id,label,prediction\npgd,zero,1,A,A\n");
        EcgFormatException e = assertThrows(EcgFormatException.class, () -> PredictionsCsv.read(foreign));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("epsilon"), e.getMessage());
        Files.writeString(foreign, "attack,eps,sample_id,label,prediction\n");
        assertThrows(EcgFormatException.class, () -> PredictionsCsv.read(foreign));
    }
}
