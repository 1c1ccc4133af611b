package org.robustecg.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Signs of gradient masking in one model's scores: an attack that should be at least as strong as another
 * (by construction: more iterations, adaptive steps, restarts) leaves more accuracy than the weaker one; a
 * single attack leaves clearly more than the ensemble (or the per-beat worst case); the gradient-free Square
 * leaves less than every gradient attack. The model's robustness is then what the ensemble measures.
 */
public final class MaskingCheck {

    /**
     * One warning.
     *
     * @param attack  the attack it is about (the one that overstates robustness, or Square)
     * @param message the warning, with the figures
     */
    public record Warning(String attack, String message) {
    }

    /** Pairs (weaker, stronger) of attack names whose order holds for any model without masked gradients. */
    private static final List<String[]> ORDER = List.of(new String[] {"noise", "fgsm"}, new String[] {"fgsm", "pgd"},
            new String[] {"fgsm", "mifgsm"}, new String[] {"fgsm", "apgd"}, new String[] {"pgd", "apgd"},
            new String[] {"noise", "pgd"}, new String[] {"noise", "apgd"});

    /** Attacks whose figures are not comparable with the l-inf ensemble (a baseline, an l2 budget). */
    private static final Set<String> NOT_COMPARED = Set.of("noise", "cw", "transfer-cw", RobustnessScore.ENSEMBLE,
            RobustnessScore.WORST_CASE);

    /** A stronger attack may score this much higher (sampling noise) before a warning. */
    private static final double SLACK = 0.005;
    /** A single attack may leave this much more ACC_robust than the ensemble before a warning. */
    private static final double GAP = 0.02;

    private MaskingCheck() {
    }

    /** Warnings for one model's scores, empty when the attacks rank as expected. */
    public static List<Warning> warnings(List<RobustnessScore> scores) {
        Map<String, RobustnessScore> byName = new HashMap<>();
        for (RobustnessScore s : scores) {
            byName.put(s.attack(), s);
        }
        List<Warning> warnings = new ArrayList<>();
        for (String[] pair : ORDER) {
            RobustnessScore weaker = byName.get(pair[0]);
            RobustnessScore stronger = byName.get(pair[1]);
            if (weaker != null && stronger != null && stronger.accRobust() > weaker.accRobust() + SLACK) {
                warnings.add(new Warning(pair[1], String.format(Locale.ROOT, "%s leaves ACC_robust %.2f %%, more than "
                        + "the weaker %s (%.2f %%): gradients may be masked; trust the ensemble", pair[1],
                        100 * stronger.accRobust(), pair[0], 100 * weaker.accRobust())));
            }
        }
        RobustnessScore headline = RobustnessScore.headline(scores);
        if (!NOT_COMPARED.contains(headline.attack())) {
            return warnings;
        }
        RobustnessScore strongestGradient = null;
        for (RobustnessScore s : scores) {
            if (NOT_COMPARED.contains(s.attack())) {
                continue;
            }
            if (s.accRobust() > headline.accRobust() + GAP) {
                RobustnessScore.CurvePoint mine = atEpsMax(s);
                RobustnessScore.CurvePoint theirs = atEpsMax(headline);
                warnings.add(new Warning(s.attack(), String.format(Locale.ROOT, "%s alone overstates robustness: "
                        + "ACC_robust %.2f %% %s against %.2f %% %s for the %s (%.2f points; the intervals %s); "
                        + "accuracy at eps %s %.2f %% against %.2f %%", s.attack(), 100 * s.accRobust(),
                        s.accRobustInterval().percent(), 100 * headline.accRobust(),
                        headline.accRobustInterval().percent(), headline.attack(),
                        100 * (s.accRobust() - headline.accRobust()),
                        s.accRobustInterval().overlaps(headline.accRobustInterval()) ? "overlap" : "do not overlap",
                        mine.epsilon(), 100 * mine.accuracy(), 100 * theirs.accuracy())));
            }
            if (!s.attack().equals("square") && !s.attack().startsWith("transfer-")
                    && (strongestGradient == null || s.accRobust() < strongestGradient.accRobust())) {
                strongestGradient = s;
            }
        }
        RobustnessScore square = byName.get("square");
        if (square != null && strongestGradient != null && square.accRobust() < strongestGradient.accRobust() - GAP) {
            warnings.add(new Warning("square", String.format(Locale.ROOT, "the gradient-free square leaves ACC_robust "
                    + "%.2f %%, less than the strongest gradient attack %s (%.2f %%): gradients may be masked",
                    100 * square.accRobust(), strongestGradient.attack(), 100 * strongestGradient.accRobust())));
        }
        return warnings;
    }

    /** The curve point at the largest radius not above eps_max. */
    private static RobustnessScore.CurvePoint atEpsMax(RobustnessScore s) {
        RobustnessScore.CurvePoint point = s.curve().get(0);
        for (RobustnessScore.CurvePoint p : s.curve()) {
            if (p.epsilon() <= s.epsMax() + 1e-12) {
                point = p;
            }
        }
        return point;
    }
}
