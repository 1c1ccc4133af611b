package org.robustecg.node.scorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.ops.Face;
import org.robustecg.ops.Values;
import org.robustecg.attack.AttackRecord;
import org.robustecg.node.StepContext;
import org.robustecg.node.tables.PredictionTables;
import org.robustecg.progress.Progress;
import org.robustecg.table.Table;

class ScorerStepTest {

    /** 20 beats; at eps 0.1 pgd breaks beats 0-9, apgd only beats 0-3 (a stronger attack leaving more). */
    private static List<AttackRecord> rows() {
        List<AttackRecord> rows = new ArrayList<>();
        for (String attack : new String[] {"pgd", "apgd"}) {
            int broken = attack.equals("pgd") ? 10 : 4;
            for (int i = 0; i < 20; i++) {
                rows.add(new AttackRecord(attack, 0, i, "N", "N", "N", 0, 0, 0));
                rows.add(new AttackRecord(attack, 0.1, i, "N", i < broken ? "V" : "N", "N", 0, 0, 0));
            }
        }
        return rows;
    }

    @Test
    void headlineFirstWithIntervalsAndEachWarningOnItsOwnAttack(@TempDir Path work) throws Exception {
        ScorerStep step = new ScorerStep();
        List<Object> out = step.execute(Values.of(step.schema(), Face.NODE, Map.of("eps_max", 0.1)),
                List.of(PredictionTables.toTable(rows())), StepContext.of(Progress.NONE, work));
        Table metrics = (Table) out.get(0);
        int attack = metrics.spec().indexOf("attack");
        int role = metrics.spec().indexOf("role");
        int warnings = metrics.spec().indexOf("warnings");
        assertEquals(List.of("worst-case", "pgd", "apgd"), List.of(metrics.string(0, attack), metrics.string(1, attack),
                metrics.string(2, attack)));
        assertEquals("headline", metrics.string(0, role));
        assertEquals("single attack", metrics.string(1, role));
        // "apgd leaves more than the weaker pgd" is about apgd only, though its text names pgd.
        assertEquals(List.of(), metrics.strings(1, warnings));
        assertEquals(2, metrics.strings(2, warnings).size(), metrics.strings(2, warnings).toString());
        assertTrue(metrics.strings(2, warnings).get(0).startsWith("apgd leaves ACC_robust"));
        assertTrue(metrics.strings(2, warnings).get(1).startsWith("apgd alone overstates robustness"));
        // Worst case at eps 0.1: 10 of 20 right; its Wilson interval.
        double[] accuracy = metrics.doubles(0, metrics.spec().indexOf("curve accuracy"));
        double[] low = metrics.doubles(0, metrics.spec().indexOf("curve accuracy low"));
        assertEquals(0.5, accuracy[1], 1e-12);
        assertEquals(org.robustecg.metrics.Interval.wilson(10, 20).low(), low[1], 1e-12);
        double acc = metrics.number(0, metrics.spec().indexOf("ACC_robust"));
        assertTrue(metrics.number(0, metrics.spec().indexOf("ACC_robust low")) <= acc
                && acc <= metrics.number(0, metrics.spec().indexOf("ACC_robust high")));
    }
}
