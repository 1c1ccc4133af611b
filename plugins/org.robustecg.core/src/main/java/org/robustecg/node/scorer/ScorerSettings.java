package org.robustecg.node.scorer;

import java.util.List;
import org.robustecg.node.Option;
import org.robustecg.node.OptionValues;
import org.robustecg.settings.SettingRanges;

/**
 * Settings of the Robustness Scorer.
 *
 * @param epsMax            upper end of the robustness area (ACC_robust, F1_robust)
 * @param cleanMistakesStay a sample wrong on clean input counts as wrong at every radius (the reference rule)
 * @param macroF1Chart      the chart shows macro F1 instead of accuracy
 */
public record ScorerSettings(double epsMax, boolean cleanMistakesStay, boolean macroF1Chart) {

    public static final List<Option> OPTIONS = List.of(
            Option.number("eps_max", "eps max", 0.1, SettingRanges.EPS_MAX, "Upper end of the area under the curve: ACC_robust = "
                    + "sqrt(clean accuracy x area / eps max), F1_robust likewise with macro F1."),
            Option.bool("clean_mistakes_stay", "Clean mistakes stay mistakes", true, "A sample the model gets wrong "
                    + "on clean input counts as wrong at every radius (the reference code's rule; some published "
                    + "curves were computed without it)."),
            Option.choice("chart", "Chart", "accuracy", List.of("accuracy", "macro-f1"), "What the curve image shows."));

    public static ScorerSettings of(OptionValues v) {
        return new ScorerSettings(v.number("eps_max"), v.bool("clean_mistakes_stay"), v.text("chart").equals("macro-f1"));
    }
}
