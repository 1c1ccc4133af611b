package org.robustecg.node.attacker;

import java.util.Arrays;
import java.util.List;
import org.robustecg.attack.AttackKind;
import org.robustecg.attack.AttackSettings;
import org.robustecg.model.ModelInfo;
import org.robustecg.node.Option;
import org.robustecg.node.OptionValues;

/**
 * Settings of the Adversarial Attacker.
 *
 * @param kind        the attack
 * @param epsilons    radius grid (each > 0; l2 budgets for C&W)
 * @param steps       iterations; 0 = the attack's default (SPEC 4)
 * @param stepSize    step; 0 = the attack's default
 * @param restarts    random restarts of the iterative attacks
 * @param clamp       default (on, off for SAP), on or off
 * @param auxWeight   weight of the CAS auxiliary losses in the attack objective
 * @param batchSize   items per batch
 * @param adversarial also output the adversarial items
 * @param seed        seed of random starts and noise
 */
public record AttackerSettings(AttackKind kind, double[] epsilons, int steps, double stepSize, int restarts,
        String clamp, double auxWeight, int batchSize, boolean adversarial, long seed) {

    public static final List<Option> OPTIONS = List.of(
            Option.choice("attack", "Attack", "pgd", Arrays.stream(AttackKind.values()).map(AttackKind::cliName).toList(),
                    "noise (uniform), fgsm, mifgsm, pgd (Madry, random start), pgd-ecg (Adamax steps, early stop), cw "
                            + "(Carlini-Wagner l2), cw-linf (CW margin loss as l-inf PGD), apgd (APGD-CE), apgd-dlr, "
                            + "apgd-t (targeted DLR), square (gradient-free, 5000 queries), ensemble (APGD-CE, APGD-T "
                            + "and Square on the beats still unbroken: the honest headline) or sap (smooth adversarial "
                            + "perturbations). Iterative attacks keep each item's best iterate."),
            Option.numbers("epsilons", "Radii (eps)", "0.01,0.03,0.05,0.1,0.2,0.3", "Comma-separated l-inf radii (l2 "
                    + "budgets for cw); the clean point eps = 0 is always added."),
            Option.integer("steps", "Steps", 0, 0, 1_000_000, "Iterations (0 = the attack's default: 100 for PGD, "
                    + "APGD, C&W and the ensemble's APGD runs; 20 for SAP; 10 for MI-FGSM)."),
            Option.number("step_size", "Step size", 0, 0, 10, "Step of the iterative attacks (0 = default: eps / 10 "
                    + "for PGD, 0.01 for MI-FGSM ...)."),
            Option.integer("restarts", "Restarts", 1, 1, 1000, "Random restarts; a sample counts as broken if any "
                    + "restart breaks it."),
            Option.choice("clamp", "Clamp to data range", "default", List.of("default", "on", "off"), "Keep adversarial "
                    + "inputs in the model's value range (default: on, off for SAP)."),
            Option.number("aux_weight", "CAS auxiliary weight", 0, 0, 100, "Adds the CAS auxiliary losses to the "
                    + "attack objective (an adaptive attack on CAS models)."),
            Option.integer("batch_size", "Batch size", 128, 1, 1 << 20, "Items attacked together."),
            Option.bool("adversarial_output", "Output adversarial items", false, "Also output every item attacked "
                    + "at every radius (second output)."),
            Option.integer("seed", "Seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE, "Seed of random starts and noise."));

    public static AttackerSettings of(OptionValues v) {
        double[] eps = v.numbers("epsilons");
        if (eps.length == 0) {
            throw new IllegalArgumentException("give at least one radius (eps)");
        }
        for (double e : eps) {
            if (!(e > 0)) {
                throw new IllegalArgumentException("every radius must be > 0 (the clean point is added), got " + e);
            }
        }
        return new AttackerSettings(AttackKind.ofCliName(v.text("attack")), Arrays.stream(eps).sorted().distinct()
                .toArray(), v.integer("steps"), v.number("step_size"), v.integer("restarts"), v.text("clamp"),
                v.number("aux_weight"), v.integer("batch_size"), v.bool("adversarial_output"), v.integer("seed"));
    }

    /** The core attack settings for a model (its value range). */
    public AttackSettings attack(ModelInfo model) {
        AttackSettings s = AttackSettings.defaults(kind, model.lower(), model.upper());
        boolean clamped = clamp.equals("default") ? s.clamp() : clamp.equals("on");
        s = new AttackSettings(kind, steps > 0 ? steps : s.steps(), stepSize > 0 ? stepSize : s.stepSize(), restarts,
                clamped, s.lower(), s.upper(), auxWeight, seed);
        return s;
    }
}
