package org.robustecg.ops;

import java.util.Arrays;
import java.util.List;
import org.robustecg.attack.AttackKind;
import org.robustecg.attack.AttackSettings;
import org.robustecg.attack.RobustnessEvaluation;
import org.robustecg.data.Dataset;
import org.robustecg.model.ModelInfo;
import org.robustecg.model.TrainedModel;
import org.robustecg.progress.Progress;
import org.robustecg.settings.SettingRanges;

/**
 * The attack operation: one white-box attack over a radius grid on labelled items, in one pass that gives the
 * predictions and, when asked, the adversarial items behind them ({@link RobustnessEvaluation}). The command
 * line's {@code attack}, the Adversarial Attacker node and a study's {@code attacks} entries.
 */
public final class AttackOperation {

    /** The radius grid of the nodes and the command line unless given: MIT-BIH's evaluation grid. */
    public static final String GRID = "0.01,0.03,0.05,0.1,0.2,0.3";

    public static final Schema SCHEMA = new Schema("attack", List.of(
            Parameter.choice("attack", "Attack", "pgd", Arrays.stream(AttackKind.values()).map(AttackKind::cliName)
                    .toList(), "noise (uniform), fgsm, mifgsm, pgd (Madry, random start), pgd-ecg (Adamax steps, "
                    + "early stop), cw (Carlini-Wagner l2), cw-linf (CW margin loss as l-inf PGD), apgd (APGD-CE), "
                    + "apgd-dlr, apgd-t (targeted DLR), square (gradient-free), ensemble (APGD-CE, APGD-T and Square "
                    + "on the items still unbroken: the honest headline) or sap (smooth adversarial perturbations). "
                    + "Iterative attacks keep each item's best iterate. The command line takes a comma-separated "
                    + "list and runs each.").listOnCommandLine(),
            Parameter.numbers("eps", "Radii (eps)", GRID, "input units", "Comma-separated l-inf radii (l2 budgets "
                    + "for cw), a list in a study file; the clean point eps = 0 is always added."),
            Parameter.optionalInteger("steps", "Steps", SettingRanges.ATTACK_STEPS, "iterations", "Iterations; unset: "
                    + "the attack's default, 100 for PGD, PGD-ECG, CW-linf, APGD and C&W (and the ensemble's APGD "
                    + "runs), 20 for SAP (which runs 2 x steps in its second phase), 10 for MI-FGSM."),
            Parameter.optionalNumber("step_size", "Step size", SettingRanges.STEP_SIZE, "input units", "Step of the "
                    + "iterative attacks; unset: eps / 4 for PGD, CW-linf and SAP, eps / steps for MI-FGSM, "
                    + AttackSettings.PGD_ECG_STEP + " for PGD-ECG (APGD and C&W set their own)."),
            Parameter.integer("restarts", "Restarts", 1, SettingRanges.RESTARTS, "", "Random restarts of PGD and "
                    + "CW-linf; an item counts as broken if any restart breaks it."),
            Parameter.integer("queries", "Square queries", AttackSettings.QUERIES, SettingRanges.QUERIES,
                    "forward passes", "Square's query budget per item, alone or in the ensemble."),
            Parameter.number("square_p", "Square initial share", AttackSettings.SQUARE_INIT, SettingRanges.SQUARE_P,
                    "", "Square's initial share of each lead's samples changed per query, halved on its schedule."),
            Parameter.integer("targets", "APGD-T targets", AttackSettings.TARGETS, SettingRanges.TARGETS, "classes",
                    "APGD-T's target classes: the top-k other classes of the clean logits (at most classes - 1)."),
            Parameter.number("aux_weight", "CAS auxiliary weight", 0, SettingRanges.AUX_WEIGHT, "", "Adds the CAS "
                    + "auxiliary losses to the attack objective (an adaptive attack on CAS models)."),
            Parameter.choice("clamp", "Clamp to data range", "auto", List.of("auto", "on", "off"), "Keep adversarial "
                    + "inputs in the model's value range; auto: on, off for SAP."),
            Parameter.integer("batch_size", "Batch size", 128, SettingRanges.BATCH, "items", "Items attacked "
                    + "together; the results do not depend on it."),
            Parameter.integer("seed", "Seed", 1, SettingRanges.SEED, "", "Seed of random starts and noise: every "
                    + "draw is made per item from the seed and the radius, so an item is attacked alike in any "
                    + "batch or range."),
            Parameter.optionalInteger("per_class", "Items per class", SettingRanges.PER_CLASS, "items", "Attack at "
                    + "most this many items of each class, seeded; unset: all.").only(Face.CLI),
            Parameter.bool("adversarial_output", "Output adversarial items", false, "Also output every item as "
                    + "attacked at every radius (second output): the very items behind the predictions.")
                    .only(Face.NODE)));

    private AttackOperation() {
    }

    /** The attacks named: one on a node or in a study, one or more on the command line. */
    public static List<AttackKind> kinds(Values v) {
        return v.words("attack").stream().map(AttackKind::ofCliName).toList();
    }

    /** Checks the settings that depend on each other (the radii on the attack's scale). */
    public static void check(Values v) {
        for (AttackKind kind : kinds(v)) {
            radii(v, kind);
        }
    }

    /** The radius grid for an attack: each allowed on its scale, sorted, without repeats and without 0. */
    public static double[] radii(Values v, AttackKind kind) {
        return kind.radii(v.where("eps"), v.numbers("eps"));
    }

    /** The core settings of one attack on a model (its value range). */
    public static AttackSettings settings(Values v, AttackKind kind, ModelInfo model) {
        AttackSettings s = AttackSettings.defaults(kind, model.lower(), model.upper());
        boolean clamp = switch (v.text("clamp")) {
            case "on" -> true;
            case "off" -> false;
            default -> s.clamp();
        };
        AttackSettings.Builder b = s.toBuilder().restarts(v.integer("restarts")).clamp(clamp)
                .auxWeight(v.number("aux_weight")).seed(v.integer("seed")).queries(v.integer("queries"))
                .squareInit(v.number("square_p")).targets(v.integer("targets"));
        if (v.has("steps")) {
            b.steps(v.integer("steps"));
        }
        return b.stepSize(v.optionalNumber("step_size")).build();
    }

    /**
     * One attack on every item of the data in one pass.
     *
     * @param source the model the examples are made on (transferred to {@code model}), or null
     * @param keep   the adversarial items to keep
     */
    public static RobustnessEvaluation.Result run(Values v, AttackKind kind, TrainedModel model, TrainedModel source,
            Dataset data, RobustnessEvaluation.Keep keep, Progress progress) {
        return run(v, kind, model, source, data, 0, data.size(), keep, progress);
    }

    /** The pass over items {@code [from, to)} of the data: with the others', the rows of the whole. */
    public static RobustnessEvaluation.Result run(Values v, AttackKind kind, TrainedModel model, TrainedModel source,
            Dataset data, int from, int to, RobustnessEvaluation.Keep keep, Progress progress) {
        return RobustnessEvaluation.run(model, source, data, settings(v, kind, model.info()),
                radii(v, kind), v.integer("batch_size"), from, to, keep, progress);
    }
}
