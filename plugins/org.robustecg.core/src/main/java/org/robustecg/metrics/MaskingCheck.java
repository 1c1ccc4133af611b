package org.robustecg.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signs of gradient masking in one model's scores: an attack that should be at least as strong as another
 * (by construction: more iterations, adaptive steps, restarts) leaves more accuracy than the weaker one.
 * Such a model's robustness is then measured by its strongest attack, and gradient-free or transfer checks
 * are warranted.
 */
public final class MaskingCheck {

    /** Pairs (weaker, stronger) of attack names whose order holds for any model without masked gradients. */
    private static final List<String[]> ORDER = List.of(new String[] {"noise", "fgsm"}, new String[] {"fgsm", "pgd"},
            new String[] {"fgsm", "mifgsm"}, new String[] {"fgsm", "apgd"}, new String[] {"pgd", "apgd"},
            new String[] {"noise", "pgd"}, new String[] {"noise", "apgd"});

    /** A stronger attack may score this much higher (sampling noise) before a warning. */
    private static final double SLACK = 0.005;

    private MaskingCheck() {
    }

    /** Warnings for one model's scores, empty when the attacks rank as expected. */
    public static List<String> warnings(List<RobustnessScore> scores) {
        Map<String, RobustnessScore> byName = new java.util.HashMap<>();
        for (RobustnessScore s : scores) {
            byName.put(s.attack(), s);
        }
        List<String> warnings = new ArrayList<>();
        for (String[] pair : ORDER) {
            RobustnessScore weaker = byName.get(pair[0]);
            RobustnessScore stronger = byName.get(pair[1]);
            if (weaker != null && stronger != null && stronger.accRobust() > weaker.accRobust() + SLACK) {
                warnings.add(String.format(java.util.Locale.ROOT, "%s leaves ACC_robust %.2f %%, more than the weaker "
                        + "%s (%.2f %%): gradients may be masked; trust the strongest attack and check with APGD, "
                        + "restarts or transfer attacks", pair[1], 100 * stronger.accRobust(), pair[0],
                        100 * weaker.accRobust()));
            }
        }
        return warnings;
    }
}
