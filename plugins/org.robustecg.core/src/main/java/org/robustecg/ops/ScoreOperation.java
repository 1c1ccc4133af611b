package org.robustecg.ops;

import java.util.ArrayList;
import java.util.List;
import org.robustecg.attack.AttackRecord;
import org.robustecg.metrics.MaskingCheck;
import org.robustecg.metrics.RobustnessScore;
import org.robustecg.settings.SettingRanges;

/**
 * The score operation: per attack of a predictions table, accuracy and macro F1 at every radius, ACC_robust and
 * F1_robust with their intervals, the headline and the signs of gradient masking. The command line's
 * {@code score}, the Robustness Scorer node and a study's {@code score} section.
 */
public final class ScoreOperation {

    public static final Schema SCHEMA = new Schema("score", List.of(
            Parameter.number("eps_max", "eps max", 0.1, SettingRanges.EPS_MAX, "input units", "Upper end of the "
                    + "area under the curve: ACC_robust = sqrt(clean accuracy x area / eps max), F1_robust likewise "
                    + "with macro F1."),
            Parameter.bool("clean_mistakes_stay", "Clean mistakes stay mistakes", true, "An item the model gets "
                    + "wrong on clean input counts as wrong at every radius (the reference code's rule; some "
                    + "published curves were computed without it)."),
            Parameter.choice("chart", "Chart", "accuracy", List.of("accuracy", "macro-f1"), "What the curve image "
                    + "shows.").only(Face.NODE)));

    private ScoreOperation() {
    }

    /**
     * @param ordered  every attack's score, the headline first
     * @param headline the ensemble, else the per-item worst case over the attacks, else the only attack
     * @param warnings signs of gradient masking, each about one attack
     */
    public record Scores(List<RobustnessScore> ordered, RobustnessScore headline, List<MaskingCheck.Warning> warnings) {

        /** The warnings about one attack. */
        public List<String> about(String attack) {
            return warnings.stream().filter(w -> w.attack().equals(attack)).map(MaskingCheck.Warning::message)
                    .toList();
        }
    }

    public static Scores run(Values v, List<AttackRecord> rows) {
        List<RobustnessScore> scores = RobustnessScore.score(rows, v.number("eps_max"), v.bool("clean_mistakes_stay"));
        RobustnessScore headline = RobustnessScore.headline(scores);
        List<RobustnessScore> ordered = new ArrayList<>(scores);
        ordered.remove(headline);
        ordered.add(0, headline);
        return new Scores(ordered, headline, MaskingCheck.warnings(scores));
    }
}
