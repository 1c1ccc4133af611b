package org.robustecg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.robustecg.io.EcgFormatException;
import org.robustecg.ops.AttackOperation;
import org.robustecg.ops.ChannelsOperation;
import org.robustecg.ops.DatasetOperation;
import org.robustecg.ops.Face;
import org.robustecg.ops.Parameter;
import org.robustecg.ops.PredictOperation;
import org.robustecg.ops.Schema;
import org.robustecg.ops.ScoreOperation;
import org.robustecg.ops.TrainOperation;
import org.robustecg.ops.Values;
import org.robustecg.study.StudyFiles;
import org.robustecg.study.StudySpec;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One definition per operation: for every operation, the command line, the KNIME node and the study file offer
 * exactly the keys its schema offers on that face, under the schema's names (the flag is the key in kebab case),
 * and take the schema's defaults when nothing is given.
 */
class OperationFacesTest {

    /** Options of every command that are not settings: help and version. */
    private static final Set<String> STANDARD = Set.of("--help", "--version");

    /**
     * @param command  the command-line command
     * @param own      its options that name files or switch output (not settings)
     * @param required the arguments it needs to parse
     * @param section  the study-file section, or null
     */
    record Face3(String operation, Schema schema, String command, Set<String> own, List<String> required,
            String section) {

        @Override
        public String toString() {
            return command;
        }
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                new Face3("dataset", DatasetOperation.SCHEMA, "beats", Set.of("--mitdb", "--records", "--out",
                        "--overwrite", "--json"), List.of("--mitdb", "m", "--out", "o.npz"), "data"),
                new Face3("dataset", DatasetOperation.SCHEMA, "records", Set.of("--cpsc", "--reference", "--out",
                        "--overwrite", "--json"), List.of("--cpsc", "c", "--reference", "r.csv", "--out", "o.npz"),
                        "data"),
                new Face3("train", TrainOperation.SCHEMA, "train", Set.of("--data", "--val", "--out", "--overwrite",
                        "--json"), List.of("--data", "d.npz", "--out", "m.recg"), "models"),
                new Face3("predict", PredictOperation.SCHEMA, "predict", Set.of("--model", "--data", "--out",
                        "--overwrite", "--json"), List.of("--model", "m", "--data", "d", "--out", "p.csv"), null),
                new Face3("attack", AttackOperation.SCHEMA, "attack", Set.of("--model", "--data", "--source-model",
                        "--plots", "--out-adversarial", "--out", "--overwrite", "--json"), List.of("--model", "m",
                        "--data", "d", "--out", "a.csv"), "attacks"),
                new Face3("score", ScoreOperation.SCHEMA, "score", Set.of("--predictions", "--plots", "--json"),
                        List.of("--predictions", "p.csv"), "score"),
                new Face3("channels", ChannelsOperation.SCHEMA, "channels", Set.of("--model", "--data", "--plots",
                        "--json"), List.of("--model", "m", "--data", "d"), "channels"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void theCommandLineOffersTheSchemasKeysWithItsDefaults(Face3 op) {
        CommandLine root = RobustEcg.commandLine();
        CommandLine command = root.getSubcommands().get(op.command());
        CommandSpec spec = command.getCommandSpec();
        Schema schema = ((SchemaOptions.Operated) command.getCommand()).schema();
        assertEquals(op.operation(), schema.operation().equals("beats") || schema.operation().equals("records")
                ? "dataset" : schema.operation());
        Set<String> settings = new TreeSet<>();
        for (OptionSpec o : spec.options()) {
            if (!op.own().contains(o.longestName()) && !STANDARD.contains(o.longestName())) {
                settings.add(o.longestName());
            }
        }
        Set<String> flags = new TreeSet<>();
        for (Parameter p : schema.on(Face.CLI)) {
            flags.add(p.flag());
            assertEquals(p.key().replace('_', '-'), p.flag().substring(2), "the flag is the key in kebab case");
            OptionSpec o = spec.findOption(p.flag());
            assertEquals(p.optional() ? null : p.defaultText(), o.defaultValue(), op + " " + p.flag() + " default");
        }
        assertEquals(flags, settings, op + ": the settings options are the schema's command-line keys");
        for (Parameter p : schema.on(Face.CLI)) {
            assertEquals(op.schema().get(p.key()).defaultValue(), p.defaultValue(), "the operation's default: "
                    + p.key());
        }
        List<String> args = new java.util.ArrayList<>(List.of(op.command()));
        args.addAll(op.required());
        root.parseArgs(args.toArray(String[]::new));
        assertEquals(Values.defaults(schema, Face.CLI).asMap(), SchemaOptions.values(spec, schema).asMap(),
                op + ": nothing given, every setting takes the schema's default");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void theStudyFileOffersTheSchemasKeysWithItsDefaults(Face3 op) throws Exception {
        if (op.section() == null) {
            assertTrue(op.schema().on(Face.STUDY).isEmpty(), op + " has no study section, so no study keys");
            return;
        }
        Map<String, Object> defaults = Values.defaults(op.schema(), Face.STUDY).asMap();
        assertEquals(defaults, section(parse(""), op.section()), op + ": nothing given, the schema's defaults");
        // Every key the schema offers a study, written out with its default (or a value it allows), is read as
        // that setting.
        StringBuilder all = new StringBuilder();
        Map<String, Object> expected = new LinkedHashMap<>(defaults);
        for (Parameter p : op.schema().on(Face.STUDY)) {
            Object value = p.optional() ? allowed(p) : p.defaultValue();
            all.append(all.length() == 0 ? "" : ", ").append(p.key()).append(": ").append(yaml(p, value));
            expected.put(p.key(), p.type() == Parameter.Type.NUMBERS ? p.defaultValue() : value);
        }
        assertEquals(expected, section(parse(op.section() + "-section", all.toString(), op.section()), op.section()),
                op + ": every key read under the schema's name");
        EcgFormatException unknown = assertThrows(EcgFormatException.class, () -> parse("bad", "colour: red",
                op.section()));
        assertTrue(unknown.getMessage().contains("'colour'") && unknown.getMessage().contains("allowed: "
                + String.join(", ", op.schema().keys(Face.STUDY))), unknown.getMessage());
    }

    private static String yaml(Parameter p, Object value) {
        if (p.type() == Parameter.Type.NUMBERS) {
            return "[" + value + "]";
        }
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    /** A value an optional setting allows: its largest whole number or number. */
    private static Object allowed(Parameter p) {
        return p.type() == Parameter.Type.INTEGER ? (Object) (int) p.range().max() : (Object) p.range().max();
    }

    private static StudySpec parse(String name, String settings, String section) throws EcgFormatException {
        String models = section.equals("models") ? "models: [{" + settings + "}]\n" : "models: [{}]\n";
        String attacks = section.equals("attacks") ? "attacks: [{" + settings + "}]\n" : "attacks: [{}]\n";
        String other = section.equals("models") || section.equals("attacks") ? "" : section + ": {" + settings + "}\n";
        return StudyFiles.parse(Path.of(name + ".yaml"), models + attacks + other + (section.equals("channels") ? ""
                : "channels: {}\n"));
    }

    private static StudySpec parse(String extra) throws EcgFormatException {
        return StudyFiles.parse(Path.of("minimal.yaml"), "models: [{}]\nattacks: [{}]\nchannels: {}\n" + extra);
    }

    private static Map<String, Object> section(StudySpec spec, String section) {
        return switch (section) {
            case "data" -> spec.data();
            case "models" -> spec.models().get(0).train();
            case "attacks" -> spec.attacks().get(0);
            case "score" -> spec.score();
            default -> spec.channels();
        };
    }
}
