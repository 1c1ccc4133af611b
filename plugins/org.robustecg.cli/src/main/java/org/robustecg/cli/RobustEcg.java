package org.robustecg.cli;

import java.io.PrintWriter;
import org.robustecg.progress.CancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code robustecg} command: every step of the product, without KNIME. Exit codes: 0 ok, 1 failure
 * (bad data, cancelled, I/O), 2 bad usage. Errors go to standard error, results to standard output.
 */
@Command(name = "robustecg", mixinStandardHelpOptions = true, version = "RobustECG 0.1.0",
        description = "Build, attack and score adversarially robust ECG classifiers (CASLCNet).",
        subcommands = {CommandLine.HelpCommand.class, InspectCommand.class, BeatsCommand.class,
                RecordsCommand.class, TrainCommand.class, PredictCommand.class, AttackCommand.class, ScoreCommand.class, ChannelsCommand.class, StudyCommand.class, DemoCommand.class, BenchCommand.class})
public final class RobustEcg {

    public static void main(String[] args) {
        Interrupts.install();
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new RobustEcg());
        commandLine.setExecutionExceptionHandler(RobustEcg::failure);
        return commandLine.execute(args);
    }

    private static int failure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof CancelledException) {
            err.println("robustecg: cancelled");
        } else {
            err.println("robustecg " + commandLine.getCommandName() + ": error: " + e.getMessage());
            if (System.getenv("ROBUSTECG_DEBUG") != null) {
                e.printStackTrace(err);
            }
        }
        return 1;
    }
}
