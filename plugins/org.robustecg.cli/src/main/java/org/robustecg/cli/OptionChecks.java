package org.robustecg.cli;

import java.util.List;
import org.robustecg.attack.AttackKind;
import org.robustecg.settings.FileNames;
import org.robustecg.settings.Range;
import org.robustecg.settings.SettingRanges;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks a command's option values against the shared setting ranges ({@link SettingRanges}) before any work
 * starts; a value outside its range is a usage error (exit code 2) naming the option, the value and what is
 * allowed.
 */
final class OptionChecks {

    private final CommandSpec spec;

    OptionChecks(CommandSpec spec) {
        this.spec = spec;
    }

    int count(String option, Range range, int value) {
        try {
            return range.check(option, value);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    double number(String option, Range range, double value) {
        try {
            return range.check(option, value);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** An optional value: null (not given) or in the range. */
    <T extends Number> T optional(String option, Range range, T value) {
        if (value != null) {
            number(option, range, value.doubleValue());
        }
        return value;
    }

    /** The attacks named by the option. */
    List<AttackKind> attacks(String option, List<String> names) {
        try {
            return names.stream().map(AttackKind::ofCliName).toList();
        } catch (IllegalArgumentException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    /** A radius grid for every attack: sorted, without repeats and without 0 (the clean point is always added). */
    double[] radii(String option, List<AttackKind> kinds, List<Double> values) {
        double[] grid = values.stream().mapToDouble(Double::doubleValue).toArray();
        try {
            for (AttackKind kind : kinds) {
                grid = kind.radii(option, grid);
            }
            return grid;
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    String fileName(String option, String value) {
        try {
            return FileNames.check(option, value);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
