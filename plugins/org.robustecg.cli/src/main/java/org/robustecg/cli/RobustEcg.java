package org.robustecg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code robustecg} command: every step of the product, without KNIME. */
@Command(name = "robustecg", mixinStandardHelpOptions = true, version = "RobustECG 0.1.0",
        description = "Build, attack and score adversarially robust ECG classifiers (CASLCNet).",
        subcommands = {CommandLine.HelpCommand.class})
public final class RobustEcg {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code: 0 ok, 1 failure, 2 bad usage. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new RobustEcg());
        return commandLine.execute(args);
    }
}
