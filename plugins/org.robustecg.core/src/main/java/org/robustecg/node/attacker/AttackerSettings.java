package org.robustecg.node.attacker;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.robustecg.attack.AttackKind;
import org.robustecg.attack.AttackSettings;
import org.robustecg.model.ModelInfo;
import org.robustecg.node.Option;
import org.robustecg.node.OptionValues;
import org.robustecg.settings.SettingRanges;

/**
 * Settings of the Adversarial Attacker.
 *
 * @param kind        the attack
 * @param epsilons    radius grid (each > 0; l2 budgets for C&W)
 * @param steps       iterations; 0 = the attack's default (METHOD 8.4)
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
            Option.integerOrDefault("steps", "Steps", SettingRanges.ATTACK_STEPS, "Iterations (0 = the attack's default: 100 for PGD, "
                    + "APGD, C&W and the ensemble's APGD runs; 20 for SAP; 10 for MI-FGSM)."),
            Option.numberOrDefault("step_size", "Step size", SettingRanges.STEP_SIZE, "Step of the iterative attacks "
                    + "(0 = default: eps / 4 for PGD, eps / steps for MI-FGSM ...)."),
            Option.integer("restarts", "Restarts", 1, SettingRanges.RESTARTS, "Random restarts; a sample counts as broken if any "
                    + "restart breaks it."),
            Option.choice("clamp", "Clamp to data range", "default", List.of("default", "on", "off"), "Keep adversarial "
                    + "inputs in the model's value range (default: on, off for SAP)."),
            Option.number("aux_weight", "CAS auxiliary weight", 0, SettingRanges.AUX_WEIGHT, "Adds the CAS auxiliary losses to the "
                    + "attack objective (an adaptive attack on CAS models)."),
            Option.integer("batch_size", "Batch size", 128, SettingRanges.BATCH, "Items attacked together."),
            Option.bool("adversarial_output", "Output adversarial items", false, "Also output every item attacked "
                    + "at every radius (second output)."),
            Option.anyInteger("seed", "Seed", 1, "Seed of random starts and noise."));

    public static AttackerSettings of(OptionValues v) {
        AttackKind kind = AttackKind.ofCliName(v.text("attack"));
        double[] eps = kind.radii("setting 'Radii (eps)' (epsilons)", v.numbers("epsilons"));
        return new AttackerSettings(kind, eps, v.integer("steps"), v.number("step_size"), v.integer("restarts"), v.text("clamp"),
                v.number("aux_weight"), v.integer("batch_size"), v.bool("adversarial_output"), v.integer("seed"));
    }

    /** The core attack settings for a model (its value range). */
    public AttackSettings attack(ModelInfo model) {
        AttackSettings.Builder s = AttackSettings.defaults(kind, model.lower(), model.upper()).toBuilder()
                .restarts(restarts).auxWeight(auxWeight).seed(seed);
        if (steps > 0) {
            s.steps(steps);
        }
        if (stepSize > 0) {
            s.stepSize(OptionalDouble.of(stepSize));
        }
        if (!clamp.equals("default")) {
            s.clamp(clamp.equals("on"));
        }
        return s.build();
    }
}
