package org.robustecg.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.robustecg.progress.CancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code robustecg} command: every step of the product, without KNIME. Exit codes: 0 ok, 1 failure
 * (bad data, I/O), 2 bad usage (an unknown option, a value outside its range), 130 interrupted (Ctrl-C).
 * Errors go to standard error as one line naming the command; results go to standard output.
 */
@Command(name = "robustecg", mixinStandardHelpOptions = true, version = "RobustECG 0.1.0",
        description = "Build, attack and score adversarially robust ECG classifiers (CASLCNet).",
        subcommands = {CommandLine.HelpCommand.class, InspectCommand.class, BeatsCommand.class,
                RecordsCommand.class, TrainCommand.class, PredictCommand.class, AttackCommand.class, ScoreCommand.class, ChannelsCommand.class, StudyCommand.class, DemoCommand.class, BenchCommand.class})
public final class RobustEcg {

    /** Options of earlier versions (some only of one command), with the names that replaced them. */
    private static final Map<String, String> RENAMED = Map.ofEntries(Map.entry("--batch", "--batch-size"),
            Map.entry("--subset", "--per-class"), Map.entry("--lr", "--learning-rate"),
            Map.entry("--width-multiplier", "--width"), Map.entry("--val-fraction", "--validation-fraction"),
            Map.entry("--crop", "--crop-length"), Map.entry("--length", "--padded-length"),
            Map.entry("--keep-clean-mistakes", "--clean-mistakes-stay"),
            Map.entry("--no-keep-clean-mistakes", "--no-clean-mistakes-stay"),
            Map.entry("--linf-batch", "--linf-batch-size"), Map.entry("train --model", "--architecture"),
            Map.entry("train --steps", "--attack-steps"));

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERRUPTED = 130;

    public static void main(String[] args) {
        Interrupts.install();
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setParameterExceptionHandler(RobustEcg::usage);
        commandLine.setExecutionExceptionHandler(RobustEcg::failure);
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            commandLine.getErr().println("robustecg: out of memory: use a smaller --batch-size, or give Java more memory "
                    + "(ROBUSTECG_JAVA_OPTS=-Xmx16g)");
            return FAILED;
        }
        if (code == 0 && Interrupts.CANCELLED.get()) {
            // Ctrl-C came after the last point where the command could stop: its outputs are complete.
            commandLine.getErr().println("robustecg: interrupted after the outputs were written (they are complete)");
            return INTERRUPTED;
        }
        return code;
    }

    /** The command line with every command, its options made from the operations' schemas, and the converters. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RobustEcg());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (sub.getCommand() instanceof SchemaOptions.Operated command) {
                SchemaOptions.add(sub.getCommandSpec(), command.schema());
            }
        }
        commandLine.registerConverter(Integer.class, v -> parse(v, "a whole number", Integer::valueOf))
                .registerConverter(int.class, v -> parse(v, "a whole number", Integer::valueOf))
                .registerConverter(Long.class, v -> parse(v, "a whole number", Long::valueOf))
                .registerConverter(long.class, v -> parse(v, "a whole number", Long::valueOf))
                .registerConverter(Double.class, v -> parse(v, "a number", Double::valueOf))
                .registerConverter(double.class, v -> parse(v, "a number", Double::valueOf))
                .registerConverter(Path.class, v -> parse(v, "a file name", Path::of));
        return commandLine;
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(String text, String expected, Parser<T> parser) {
        try {
            return parser.parse(text.strip());
        } catch (NumberFormatException | InvalidPathException e) {
            throw new TypeConversionException("'" + text + "' is not " + expected);
        }
    }

    private static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        String message = e.getMessage().replaceAll("\\s*\\n\\s*", " ").strip();
        // An old option name says what replaced it, whatever else picocli found wrong (e.g. a required option
        // missing too): that is the one thing a user of the old command line needs to read.
        for (String arg : args) {
            String flag = arg.split("=", 2)[0];
            String now = RENAMED.getOrDefault(command.getCommandName() + " " + flag, RENAMED.get(flag));
            if (now != null && flag.startsWith("--") && command.getCommandSpec().findOption(flag) == null) {
                message = flag + " is now " + now;
                break;
            }
        }
        command.getErr().println(name + ": " + message + " (see '" + name + " --help')");
        return USAGE;
    }

    private static int failure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (System.getenv("ROBUSTECG_DEBUG") != null) {
            e.printStackTrace(err);
        }
        if (e instanceof CancelledException) {
            err.println("robustecg: cancelled (nothing was written by the step that was running)");
            return INTERRUPTED;
        }
        String name = commandLine.getCommandSpec().qualifiedName();
        err.println(name + ": error: " + Failures.describe(e));
        return Failures.isUsage(e) ? USAGE : FAILED;
    }
}
