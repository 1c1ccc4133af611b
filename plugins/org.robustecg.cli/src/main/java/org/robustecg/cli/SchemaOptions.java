package org.robustecg.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.robustecg.ops.Face;
import org.robustecg.ops.Parameter;
import org.robustecg.ops.Schema;
import org.robustecg.ops.Values;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A command's settings, made from its operation's schema: one option per parameter the command line offers, the
 * flag the key in kebab case ({@code --batch-size} for {@code batch_size}), with the parameter's default,
 * description and unit; read back as {@link Values}, checked by the schema (a value it refuses is a usage error,
 * exit code 2). Only the files a command reads and writes, and switches such as {@code --json}, are its own.
 */
final class SchemaOptions {

    /** A command whose settings are an operation's parameters. */
    interface Operated {
        Schema schema();
    }

    private SchemaOptions() {
    }

    /** Adds an option per command-line parameter of the schema to the command. */
    static void add(CommandSpec spec, Schema schema) {
        for (Parameter p : schema.on(Face.CLI)) {
            OptionSpec.Builder b = OptionSpec.builder(p.flag()).description(description(p));
            switch (p.type()) {
                case INTEGER -> b.type(Integer.class).paramLabel("<" + p.key() + ">");
                case NUMBER -> b.type(Double.class).paramLabel("<" + p.key() + ">");
                case BOOLEAN -> {
                    b.type(boolean.class).arity("0");
                    if ((Boolean) p.defaultValue()) {
                        // On unless switched off: --no-<flag>.
                        b.negatable(true).fallbackValue("true");
                    }
                }
                case CHOICE -> b.type(String.class).paramLabel(String.join("|", p.choices())
                        + (p.several() ? "[,...]" : ""));
                default -> b.type(String.class).paramLabel("<" + p.key() + ">");
            }
            if (!p.optional()) {
                b.defaultValue(p.defaultText());
            }
            spec.addOption(b.build());
        }
    }

    private static String description(Parameter p) {
        String unit = p.unit().isEmpty() ? "" : " " + p.unit();
        String def = p.optional() ? "" : p.type() == Parameter.Type.BOOLEAN ? " (default: " + (Boolean.TRUE.equals(
                p.defaultValue()) ? "on" : "off") + ")" : " (default: " + p.defaultText() + unit + ")";
        // picocli reads '%' in descriptions as a format.
        return (p.description() + def).replace("%", "%%");
    }

    /** The values of the schema's options as given (defaults for the rest), checked. */
    static Values values(CommandSpec spec, Schema schema) {
        return values(spec, schema, Map.of());
    }

    /** As {@link #values(CommandSpec, Schema)}, with some values set by the command (e.g. one attack of a list). */
    static Values values(CommandSpec spec, Schema schema, Map<String, ?> set) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (Parameter p : schema.on(Face.CLI)) {
            Object value = spec.findOption(p.flag()).getValue();
            if (value != null) {
                given.put(p.key(), value);
            }
        }
        given.putAll(set);
        try {
            return Values.of(schema, Face.CLI, given);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
