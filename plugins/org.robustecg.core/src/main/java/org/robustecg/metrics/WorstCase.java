package org.robustecg.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.robustecg.attack.AttackRecord;

/**
 * The per-beat worst case over the l-inf attacks of a predictions table: at each radius that every one of them
 * ran, a beat counts as broken when any attack broke it. Any predictions file, ours or another tool's, thus gets
 * a headline that no single attack can overstate. Carlini-Wagner l2 rows (radii are l2 budgets) take no part.
 */
final class WorstCase {

    private WorstCase() {
    }

    /**
     * Rows named {@value RobustnessScore#WORST_CASE}; none when the table holds ensemble rows, fewer than two
     * l-inf attacks, or no common radius grid reaching {@code epsMax}.
     */
    static List<AttackRecord> rows(List<AttackRecord> rows, double epsMax) {
        Map<String, Map<Double, Map<Integer, AttackRecord>>> byAttack = new LinkedHashMap<>();
        for (AttackRecord r : rows) {
            if (r.attack().equals(RobustnessScore.ENSEMBLE) || r.attack().equals(RobustnessScore.WORST_CASE)) {
                return List.of();
            }
            if (!r.attack().equals("cw") && !r.attack().equals("transfer-cw")) {
                byAttack.computeIfAbsent(r.attack(), k -> new TreeMap<>()).computeIfAbsent(r.epsilon(),
                        k -> new LinkedHashMap<>()).put(r.sampleId(), r);
            }
        }
        if (byAttack.size() < 2) {
            return List.of();
        }
        Set<Double> radii = null;
        for (Map<Double, Map<Integer, AttackRecord>> grid : byAttack.values()) {
            if (radii == null) {
                radii = new LinkedHashSet<>(grid.keySet());
            } else {
                radii.retainAll(grid.keySet());
            }
        }
        if (!radii.contains(0.0) || radii.stream().noneMatch(e -> e >= epsMax)) {
            return List.of();
        }
        List<AttackRecord> worst = new ArrayList<>();
        for (double eps : radii) {
            Map<Integer, AttackRecord> chosen = new LinkedHashMap<>();
            for (Map<Double, Map<Integer, AttackRecord>> grid : byAttack.values()) {
                for (AttackRecord r : grid.get(eps).values()) {
                    AttackRecord had = chosen.get(r.sampleId());
                    if (had == null || had.prediction().equals(had.label()) && !r.prediction().equals(r.label())) {
                        chosen.put(r.sampleId(), r);
                    }
                }
            }
            for (AttackRecord r : chosen.values()) {
                worst.add(new AttackRecord(RobustnessScore.WORST_CASE, eps, r.sampleId(), r.label(), r.prediction(),
                        r.cleanPrediction(), r.linf(), r.l2(), r.snrDb()));
            }
        }
        return worst;
    }
}
