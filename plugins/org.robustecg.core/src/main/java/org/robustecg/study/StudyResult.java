package org.robustecg.study;

import java.util.List;
import java.util.Map;
import org.robustecg.metrics.Interval;
import org.robustecg.metrics.RobustnessScore.CurvePoint;

/**
 * What a study measured, as written to results.json.
 *
 * @param study        the study as run
 * @param device       engine and device
 * @param java         Java version
 * @param trainItems   training beats (after balancing)
 * @param testItems    test beats predicted and attacked
 * @param models       per model
 * @param seconds      wall time of the whole run (this invocation)
 * @param plots        chart files relative to the output folder, by title
 */
public record StudyResult(StudySpec study, String device, String java, int trainItems, int testItems,
        List<ModelResult> models, double seconds, Map<String, String> plots) {

    /**
     * @param name            model name
     * @param trainingSeconds time its training took (when it was trained, possibly in an earlier run)
     * @param reused          true if the model file of an earlier run was reused
     * @param accuracy        clean test accuracy
     * @param accuracyInterval its 95 % Wilson interval
     * @param balancedAccuracy clean balanced accuracy
     * @param macroF1         clean macro F1
     * @param macroF1Interval its 95 % bootstrap interval
     * @param headChanged     per l-inf head layer, the share of deciding inputs that changed during training (at the
     *                        epoch kept; empty without an l-inf head)
     * @param robustness      the headline: the ensemble, else the per-beat worst case over the attacks, else the
     *                        only attack
     * @param attacks         per attack of the study
     * @param warnings        signs of gradient masking (a single attack overstating robustness against the
     *                        headline, a stronger attack scoring higher than a weaker one)
     */
    public record ModelResult(String name, double trainingSeconds, boolean reused, double accuracy,
            Interval accuracyInterval, double balancedAccuracy, double macroF1, Interval macroF1Interval,
            List<Double> headChanged, AttackResult robustness, List<AttackResult> attacks, List<String> warnings) {
    }

    /** ACC_robust and F1_robust of one attack on one model with their 95 % intervals, and its curve. */
    public record AttackResult(String attack, double accRobust, Interval accRobustInterval, double f1Robust,
            Interval f1RobustInterval, List<CurvePoint> curve, double seconds) {
    }
}
