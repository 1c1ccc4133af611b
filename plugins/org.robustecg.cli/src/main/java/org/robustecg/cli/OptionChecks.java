package org.robustecg.cli;

import org.robustecg.settings.FileNames;
import org.robustecg.settings.Range;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks the values of a command's own options (those not made from an operation's schema, see
 * {@link SchemaOptions}) before any work starts; a value outside its range is a usage error (exit code 2) naming
 * the option, the value and what is allowed.
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
