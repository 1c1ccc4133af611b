package org.robustecg.ops;

import java.util.Arrays;
import java.util.List;
import org.robustecg.attack.AttackKind;
import org.robustecg.attack.AttackSettings;
import org.robustecg.metrics.ChannelActivations;
import org.robustecg.data.Dataset;
import org.robustecg.metrics.ChannelActivation;
import org.robustecg.model.TrainedModel;
import org.robustecg.progress.Progress;
import org.robustecg.settings.SettingRanges;

/**
 * The channels operation: activation magnitude and frequency of every channel of the last feature layer, on
 * natural and attacked items (the CASLCNet paper's figures 4-5). The command line's {@code channels} and a
 * study's {@code channels} section (no node offers it).
 */
public final class ChannelsOperation {

    public static final Schema SCHEMA = new Schema("channels", List.of(
            Parameter.choice("attack", "Attack", "pgd", Arrays.stream(AttackKind.values()).map(AttackKind::cliName)
                    .toList(), "The attack making the adversarial inputs."),
            Parameter.number("eps", "Radius (eps)", 0.1, SettingRanges.L2_BUDGET, "input units", "The attack's "
                    + "radius (an l-inf radius; an l2 budget for cw)."),
            Parameter.optionalInteger("steps", "Steps", SettingRanges.ATTACK_STEPS, "iterations", "The attack's "
                    + "iterations; unset: its default (100 for PGD)."),
            Parameter.optionalNumber("threshold", "Activation threshold", SettingRanges.THRESHOLD, "", "A channel is "
                    + "active on an item when its activation exceeds this share of the largest natural activation; "
                    + "unset: 0.2 for one lead, 0.7 for multi-lead records."),
            Parameter.optionalInteger("per_class", "Items per class", SettingRanges.PER_CLASS, "items", "Use at most "
                    + "this many items of each class, seeded; unset: all.").only(Face.CLI),
            Parameter.integer("batch_size", "Batch size", 128, SettingRanges.BATCH, "items", "Items attacked "
                    + "together; the results do not depend on it."),
            Parameter.integer("seed", "Seed", 1, SettingRanges.SEED, "", "Seed of the attack's random draws and "
                    + "of the per-class subset."))
            // No node: every setting but the command line's subset is also a study key.
            .stream().map(p -> p.key().equals("per_class") ? p : p.only(Face.CLI, Face.STUDY)).toList());

    private ChannelsOperation() {
    }

    /** Checks the settings that depend on each other (the radius on the attack's scale). */
    public static void check(Values v) {
        AttackKind.ofCliName(v.text("attack")).radii(v.where("eps"), new double[] {v.number("eps")});
    }

    /** The activation threshold for this data. */
    public static double threshold(Values v, Dataset data) {
        return v.has("threshold") ? v.number("threshold") : data.leads() > 1 ? 0.7 : 0.2;
    }

    public static ChannelActivation run(Values v, TrainedModel model, Dataset data, Progress progress) {
        check(v);
        AttackKind kind = AttackKind.ofCliName(v.text("attack"));
        AttackSettings.Builder s = AttackSettings.defaults(kind, model.info().lower(), model.info().upper())
                .toBuilder().seed(v.integer("seed"));
        if (v.has("steps")) {
            s.steps(v.integer("steps"));
        }
        return ChannelActivations.measure(model, data, s.build(), v.number("eps"), threshold(v, data), v.integer("batch_size"),
                progress);
    }
}
