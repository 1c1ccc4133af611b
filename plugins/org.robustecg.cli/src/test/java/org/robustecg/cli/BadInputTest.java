package org.robustecg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.robustecg.node.reader.EcgReaderSettings;
import org.robustecg.ops.AttackOperation;
import org.robustecg.ops.Face;
import org.robustecg.ops.PredictOperation;
import org.robustecg.ops.TrainOperation;
import org.robustecg.ops.Values;
import org.robustecg.settings.SettingRanges;

/**
 * The bad-input suite: every class of bad input of issue 11 that the command line answers, several variants
 * each, run through the real commands. Every failure must exit with the right code (2 usage, 1 data or I/O,
 * 130 interrupted), say in one line what is wrong, where and what is allowed, name no Java class, and leave
 * no output file behind.
 */
class BadInputTest {

    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com|org|ai|picocli)\\.[a-z0-9_]+\\.[A-Za-z]|Exception|No enum constant");

    @TempDir
    static Path fixtures;

    static Path beats;
    static Path model;
    static Path predictions;
    static String trainJson;

    @TempDir
    Path work;

    static Path data(String relative) {
        return TestFixtures.file(relative);
    }

    @BeforeAll
    static void buildFixtures() throws IOException {
        Run b = Run.of("beats", "--mitdb", data("mitdb").toString(), "--records", "100", "--split", "random", "--out",
                fixtures.resolve("beats.npz").toString());
        assertEquals(0, b.exitCode(), b.err());
        beats = fixtures.resolve("beats-test.npz");
        model = fixtures.resolve("m.recg");
        // No validation data: the validation columns of the history are missing values (the NaN case of --json).
        Run train = Run.of("train", "--data", fixtures.resolve("beats-train.npz").toString(), "--per-class", "5",
                "--epochs", "1", "--batch-size", "16", "--attack-steps", "1", "--width", "0.0625",
                "--validation-fraction", "0",
                "--out", model.toString(), "--json");
        assertEquals(0, train.exitCode(), train.err());
        trainJson = train.out();
        predictions = fixtures.resolve("attack.csv");
        Run attack = Run.of("attack", "--model", model.toString(), "--data", beats.toString(), "--attack", "fgsm",
                "--eps", "0.05,0.1", "--per-class", "2", "--out", predictions.toString());
        assertEquals(0, attack.exitCode(), attack.err());
    }

    @AfterEach
    void noOutputLeft() throws IOException {
        Interrupts.CANCELLED.set(false);
        try (Stream<Path> files = Files.walk(work)) {
            List<Path> left = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("input"))
                    .toList();
            assertEquals(List.of(), left, "no output file may be left by a failed command");
        }
    }

    /** Runs a command line with {model}, {data}, {predictions} and {out} filled in. */
    private Run run(String... template) {
        String[] args = new String[template.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = template[i].replace("{model}", model.toString()).replace("{data}", beats.toString())
                    .replace("{predictions}", predictions.toString()).replace("{mitdb}", data("mitdb").toString())
                    .replace("{out}", work.toString());
        }
        return Run.of(args);
    }

    /** The run failed with this exit code and one clear line holding every fragment. */
    private static void assertClearFailure(Run run, int exitCode, String... fragments) {
        String err = run.err().strip();
        assertEquals(exitCode, run.exitCode(), err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("robustecg"), err);
        assertFalse(CLASS_NAME.matcher(err).find(), "no Java class name: " + err);
        assertFalse(err.contains("http"), "no library link: " + err);
        assertFalse(err.endsWith(": null") || err.endsWith("error: -1"), err);
        for (String f : fragments) {
            assertTrue(err.contains(f), "'" + f + "' in: " + err);
        }
    }

    // ---- 1. One range per setting, checked before any work, the same in every face ----

    static Stream<Arguments> optionsOutOfRange() {
        String[] attack = {"attack", "--model", "{model}", "--data", "{data}", "--out", "{out}/a.csv"};
        String[] train = {"train", "--data", "{data}", "--out", "{out}/m.recg"};
        String[] predict = {"predict", "--model", "{model}", "--data", "{data}", "--out", "{out}/p.csv"};
        String[] channels = {"channels", "--model", "{model}", "--data", "{data}"};
        String[] records = {"records", "--cpsc", data("cpsc2018/cinc2020").toString(), "--reference",
                data("cpsc2018/REFERENCE.csv").toString(), "--out", "{out}/r.npz"};
        String[] beatsCommand = {"beats", "--mitdb", "{mitdb}", "--records", "100", "--out", "{out}/b.npz"};
        return Stream.of(
                variant(attack, "--attack,pgd,--eps,NaN", "--eps", "is NaN", "> 0 and <= 2"),
                variant(attack, "--attack,pgd,--eps,1e9", "--eps", "is 1000000000", "> 0 and <= 2"),
                variant(attack, "--attack,pgd,--eps,0.1;-0.1", "--eps", "is -0.1"),
                variant(attack, "--attack,fgsm,--eps,Infinity", "--eps", "is Infinity"),
                variant(attack, "--attack,pgd,--eps,0", "--eps", "no radius above 0"),
                variant(attack, "--attack,cw,--eps,5000", "--eps (cw)", "is 5000", "<= 1000"),
                variant(attack, "--attack,pgd,--eps,0.1,--steps,0", "--steps is 0", "from 1 to 100000"),
                variant(attack, "--attack,pgd,--eps,0.1,--steps,-3", "--steps is -3"),
                variant(attack, "--attack,pgd,--eps,0.1,--steps,100001", "--steps is 100001"),
                variant(attack, "--attack,pgd,--eps,0.1,--step-size,-1", "--step-size is -1", "> 0 and <= 2"),
                variant(attack, "--attack,pgd,--eps,0.1,--step-size,NaN", "--step-size is NaN"),
                variant(attack, "--attack,pgd,--eps,0.1,--step-size,5", "--step-size is 5"),
                variant(attack, "--attack,pgd,--eps,0.1,--restarts,0", "--restarts is 0", "from 1 to 1000"),
                variant(attack, "--attack,pgd,--eps,0.1,--aux-weight,-1", "--aux-weight is -1"),
                variant(attack, "--attack,pgd,--eps,0.1,--per-class,0", "--per-class is 0"),
                variant(attack, "--attack,pgd,--eps,0.1,--per-class,-5", "--per-class is -5"),
                variant(attack, "--attack,pgd,--eps,0.1,--batch-size,0", "--batch-size is 0", "from 1 to 1048576"),
                variant(attack, "--attack,bogus,--eps,0.1", "--attack is 'bogus'", "one of noise", "pgd"),
                variant(attack, "--attack,pgd,--clamp,sometimes", "--clamp is 'sometimes'", "one of auto, on, off"),
                variant(predict, "--batch-size,0", "--batch-size is 0", "from 1 to 1048576"),
                variant(predict, "--batch-size,-1", "--batch-size is -1"),
                variant(train, "--epochs,0", "--epochs is 0", "from 1 to 100000"),
                variant(train, "--epochs,100001", "--epochs is 100001"),
                variant(train, "--attack-steps,0", "--attack-steps is 0", "from 1 to 10000"),
                variant(train, "--learning-rate,0", "--learning-rate is 0", "> 0 and <= 10"),
                variant(train, "--learning-rate,NaN", "--learning-rate is NaN"),
                variant(train, "--width,0", "--width is 0"),
                variant(train, "--validation-fraction,1", "--validation-fraction is 1", ">= 0 and <= 0.9"),
                variant(train, "--channels-per-group,0", "--channels-per-group is 0"),
                variant(train, "--per-class,0", "--per-class is 0"),
                variant(train, "--early-stopping,-1", "--early-stopping is -1"),
                variant(train, "--robust-samples,-1", "--robust-samples is -1"),
                variant(train, "--eps,3", "--eps is 3", "> 0 and <= 2"),
                variant(train, "--batch-size,0", "--batch-size is 0"),
                variant(train, "--alpha,-1", "--alpha is -1"),
                variant(train, "--architecture,vgg99", "--architecture is 'vgg99'", "caslcnet"),
                variant(train, "--device,tpu", "--device is 'tpu'", "auto, cpu, gpu"),
                variant(train, "--batch,16", "--batch is now --batch-size"),
                variant(train, "--model,caslcnet", "--model is now --architecture"),
                variant(train, "--steps,3", "--steps is now --attack-steps"),
                variant(channels, "--batch-size,0", "--batch-size is 0"),
                variant(channels, "--threshold,0", "--threshold is 0", "> 0 and <= 1"),
                variant(channels, "--eps,NaN", "--eps", "is NaN"),
                variant(new String[] {"score", "--predictions", "{predictions}"}, "--eps-max,-1", "--eps-max is -1"),
                variant(new String[] {"score", "--predictions", "{predictions}"}, "--eps-max,NaN", "--eps-max is NaN"),
                variant(records, "--crop-length,0", "--crop-length is 0", "from 8 to 10000000"),
                variant(records, "--crop-length,700,--padded-length,600", "--crop-length 700 is above --padded-length 600"),
                variant(records, "--test-per-class,-1", "--test-per-class is -1"),
                variant(records, "--split,per-class", "a per-class split needs --test-per-class"),
                variant(beatsCommand, "--test-fraction,0", "--test-fraction is 0", "> 0 and <= 0.99"),
                variant(beatsCommand, "--test-fraction,1", "--test-fraction is 1"),
                variant(beatsCommand, "--split,bogus", "--split is 'bogus'", "random, inter-patient, per-class, none"),
                variant(beatsCommand, "--peaks,bogus", "--peaks is 'bogus'", "annotations, detector"),
                variant(new String[] {"bench"}, "--repeats,0", "--repeats is 0"),
                variant(new String[] {"bench"}, "--width,0", "--width is 0"),
                variant(predict, "--batch-size,x", "'x' is not a whole number"),
                variant(predict, "--batch-size,99999999999", "'99999999999' is not a whole number"),
                variant(attack, "--attack,pgd,--eps,abc", "'abc' is not a number"),
                variant(predict, "--no-such-option", "Unknown option", "--no-such-option"),
                variant(new String[] {"predict", "--model", "{model}"}, "", "Missing required option"));
    }

    /** An option of earlier versions names its successor even when required options are missing too. */
    @ParameterizedTest
    @ValueSource(strings = {"train --batch 16:--batch is now --batch-size", "train --lr=0.1:--lr is now --learning-rate",
            "train --model caslcnet:--model is now --architecture", "train --subset 4:--subset is now --per-class",
            "attack --subset 4:--subset is now --per-class", "predict --batch 8:--batch is now --batch-size",
            "records --crop 500:--crop is now --crop-length", "score --keep-clean-mistakes:--keep-clean-mistakes is now "
            + "--clean-mistakes-stay", "channels --batch 8:--batch is now --batch-size"})
    void anOldOptionNamesItsSuccessorFirst(String given) {
        String[] parts = given.split(":", 2);
        assertClearFailure(Run.of(parts[0].split(" ")), 2, parts[1]);
    }

    private static Arguments variant(String[] command, String extra, String... fragments) {
        List<String> args = new ArrayList<>(List.of(command));
        if (!extra.isEmpty()) {
            for (String a : extra.split(",")) {
                args.add(a.replace(';', ','));
            }
        }
        return Arguments.of(String.join(" ", args), args.toArray(String[]::new), fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionsOutOfRange")
    void anOptionOutOfRangeIsAUsageErrorBeforeAnyWork(String name, String[] args, String[] fragments) {
        assertClearFailure(run(args), 2, fragments);
    }

    static Stream<Arguments> studyValuesOutOfRange() {
        return Stream.of(
                Arguments.of("attacks: [{attack: pgd, eps: [-0.1]}]", "attacks[0].eps (pgd) is -0.1"),
                Arguments.of("attacks: [{attack: pgd, eps: [.nan]}]", "attacks[0].eps (pgd) is NaN"),
                Arguments.of("attacks: [{attack: pgd, eps: [1.0e9]}]", "attacks[0].eps (pgd) is 1000000000"),
                Arguments.of("attacks: [{attack: pgd, eps: [x]}]", "attacks[0].eps[0] must be a number"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1], steps: -1}]", "attacks[0].steps is -1"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\nscore: {eps_max: -1}", "score.eps_max is -1"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\nchannels: {eps: -0.1}", "channels.eps is -0.1"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\neps_max: 0.1", "'eps_max' is now score"),
                Arguments.of("attacks: [{kind: pgd, eps: [0.1]}]", "'kind' is now attack"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\nchannels: 0.1", "'channels: 0.1' is now channels: "
                        + "{eps: 0.1}"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\nmitdb: data/mitdb", "'mitdb' is now data.folder"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\nmodels: [{lr: 0.1}]", "'lr' is now learning_rate"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\ndata: {test_fraction: 1}", "data.test_fraction is 1"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\ndata: {crop_length: 700, padded_length: 600}",
                        "data.crop_length 700 is above data.padded_length 600"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\nmodels: [{epochs: 0}]", "models[0].epochs is 0"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\nmodels: [{epochs: 1.5}]", "models[0].epochs is 1.5"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\nmodels: [{batch_size: 0}]", "models[0].batch_size is 0"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\nmodels: [{batch: 0}]", "'batch' is now batch_size"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\nmodels: [{learning_rate: 0}]",
                        "models[0].learning_rate is 0"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\ntrain: {width: 0}", "train.width is 0"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\nmodels: [{width: 0}]", "models[0].width is 0"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\nmodels: [{eps: -0.1}]", "models[0].eps is -0.1"),
                Arguments.of("attacks: [{attack: pgd, eps: [0.1]}]\nmodels: [{name: a}, {name: a}]", "'a' is used twice"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("studyValuesOutOfRange")
    void aStudyFileRefusesWhatTheCommandLineRefuses(String yaml, String fragment) throws IOException {
        String text = yaml.contains("models:") ? yaml : yaml + "\nmodels: [{name: a, epochs: 1}]";
        Path study = work.resolve("input-study.yaml");
        Files.writeString(study, text);
        assertClearFailure(run("study", study.toString(), "--data", "{mitdb}", "--out", "{out}/run"), 2,
                "input-study.yaml", fragment);
        assertFalse(Files.exists(work.resolve("run")), "nothing written");
    }

    /** Spark is not on the command line's own class path; an output URI is for Spark runs only. */
    @Test
    void aStudyOnSparkNeedsTheSparkModule() throws IOException {
        Path study = work.resolve("input-study.yaml");
        Files.writeString(study, "models: [{name: a}]\nattacks: [{attack: fgsm, eps: [0.1]}]\n");
        assertClearFailure(run("study", study.toString(), "--data", "{mitdb}", "--out", "{out}/run", "--spark",
                "local[2]"), 1, "--spark needs RobustECG's Spark module", "./robustecg");
        assertClearFailure(run("study", study.toString(), "--data", "{mitdb}", "--out", "hdfs://namenode/runs/a"), 2,
                "hdfs://namenode/runs/a", "needs --spark");
    }

    /** The same value is refused with the same explanation by the options, the study file and the KNIME node. */
    @ParameterizedTest
    @ValueSource(strings = {"NaN", "1e9", "-0.1", "3"})
    void aRadiusIsRefusedAlikeEverywhere(String value) throws IOException {
        String allowed = SettingRanges.RADIUS.allowed();
        assertClearFailure(run("attack", "--model", "{model}", "--data", "{data}", "--attack", "pgd", "--eps", value,
                "--out", "{out}/a.csv"), 2, allowed);
        Path study = work.resolve("input-study.json");
        Files.writeString(study, "{\"models\": [{\"name\": \"a\"}], \"attacks\": [{\"attack\": \"pgd\", \"eps\": [" + value
                + "]}]}");
        assertClearFailure(run("study", study.toString(), "--data", "{mitdb}", "--out", "{out}/run"), 2, allowed);
        IllegalArgumentException node = assertThrows(IllegalArgumentException.class, () -> AttackOperation.check(
                Values.of(AttackOperation.SCHEMA, Face.NODE, Map.of("eps", value))));
        assertTrue(node.getMessage().contains(allowed) || node.getMessage().contains("finite numbers"), node.getMessage());
    }

    @Test
    void countsAreRefusedAlikeEverywhere() throws IOException {
        String batch = SettingRanges.BATCH.allowed();
        assertClearFailure(run("predict", "--model", "{model}", "--data", "{data}", "--batch-size", "0", "--out",
                "{out}/p.csv"), 2, batch);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Values.of(PredictOperation.SCHEMA, Face.NODE,
                Map.of("batch_size", 0))).getMessage().contains(batch));
        String epochs = SettingRanges.EPOCHS.allowed();
        assertClearFailure(run("train", "--data", "{data}", "--epochs", "0", "--out", "{out}/m.recg"), 2, epochs);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Values.of(TrainOperation.SCHEMA, Face.NODE,
                Map.of("epochs", 0))).getMessage().contains(epochs));
        Path study = work.resolve("input-study.yaml");
        Files.writeString(study, "models: [{name: a, epochs: 0}]\nattacks: [{attack: pgd, eps: [0.1]}]\n");
        assertClearFailure(run("study", study.toString(), "--data", "{mitdb}", "--out", "{out}/run"), 2, epochs);
        String steps = SettingRanges.ATTACK_STEPS.allowed();
        assertClearFailure(run("attack", "--model", "{model}", "--data", "{data}", "--attack", "pgd", "--eps", "0.1",
                "--steps", "-1", "--out", "{out}/a.csv"), 2, steps);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Values.of(AttackOperation.SCHEMA, Face.NODE,
                Map.of("steps", -1))).getMessage().contains(steps));
        Files.writeString(study, "models: [{name: a}]\nattacks: [{attack: pgd, eps: [0.1], steps: -1}]\n");
        assertClearFailure(run("study", study.toString(), "--data", "{mitdb}", "--out", "{out}/run"), 2, steps);
    }

    // ---- 2. Names that become file names stay inside the output folder ----

    @ParameterizedTest
    @ValueSource(strings = {"../../../evil", "/tmp/robustecg-evil-absolute", "sub/evil", "..", "evil\\\\win",
            "bell\\u0007evil", "''", "a:b"})
    void aStudyModelNameCannotWriteOutsideTheOutputFolder(String name) throws IOException {
        Path study = work.resolve("input-study.json");
        String json = name.equals("''") ? "" : name;
        Files.writeString(study, "{\"models\": [{\"name\": \"" + json + "\", \"epochs\": 1, \"width\": 0.0625}], "
                + "\"attacks\": [{\"attack\": \"fgsm\", \"eps\": [0.1]}], \"data\": {\"train_per_class\": 3, "
                + "\"test_per_class\": 2}}");
        Path out = work.resolve("deep").resolve("run");
        Run r = run("study", study.toString(), "--data", "{mitdb}", "--out", out.toString());
        assertClearFailure(r, 2, "input-study.json", "models[0].name", "letters, digits");
        assertFalse(Files.exists(out), "nothing written");
        assertFalse(Files.exists(Path.of("/tmp/robustecg-evil-absolute.recg")));
        try (Stream<Path> all = Files.walk(work)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().contains("evil")), "no evil file anywhere");
        }
    }

    @Test
    void namesFromOptionsDataAndNodeSettingsAreCheckedToo() throws IOException {
        assertClearFailure(run("beats", "--mitdb", "{mitdb}", "--records", "100,../../100", "--out", "{out}/b.npz"), 2,
                "--records", "'../../100'");
        assertClearFailure(run("inspect", data("mitdb/100").toString(), "--annotator", "../atr"), 2, "--annotator");
        Path csv = work.resolve("input-predictions.csv");
        Files.writeString(csv, "attack,epsilon,sample_id,label,prediction\n../../evil,0,0,N,N\n../../evil,0.1,0,N,V\n");
        assertClearFailure(run("score", "--predictions", csv.toString(), "--plots", "{out}/plots"), 1, "attack name",
                "'../../evil'");
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("records", "100,../x"),
                Map.<String, Object>of("records", "/etc/passwd"), Map.<String, Object>of("annotator", "a/b"))) {
            String message = assertThrows(IllegalArgumentException.class, () -> EcgReaderSettings.of(
                    Values.of(EcgReaderSettings.SCHEMA, Face.NODE, bad))).getMessage();
            assertTrue(message.startsWith("setting '"), message);
        }
        EcgReaderSettings fine = EcgReaderSettings.of(Values.of(EcgReaderSettings.SCHEMA, Face.NODE,
                Map.of("records", "100, 101", "annotator", "atr")));
        assertEquals(List.of("100", "101"), fine.records());
    }

    // ---- 3. --json is strict JSON ----

    /** Parses with a strict parser (RFC 8259: no NaN, no Infinity, nothing after the document). */
    static JsonObject strict(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement e = new Gson().getAdapter(JsonElement.class).read(reader);
        assertEquals(JsonToken.END_DOCUMENT, reader.peek());
        return e.getAsJsonObject();
    }

    @Test
    void trainJsonWithoutValidationDataHasNullsNotNaN() throws IOException {
        assertFalse(trainJson.contains("NaN"), trainJson);
        JsonObject epoch = strict(trainJson).getAsJsonArray("history").get(0).getAsJsonObject();
        assertTrue(epoch.get("validationLoss").isJsonNull(), epoch.toString());
        assertTrue(epoch.get("validationAccuracy").isJsonNull(), epoch.toString());
        assertTrue(epoch.get("trainLoss").getAsDouble() > 0);
    }

    static Stream<Arguments> jsonCommands() {
        return Stream.of(
                Arguments.of((Object) new String[] {"inspect", data("mitdb/100").toString(), "--json"}),
                Arguments.of((Object) new String[] {"inspect", data("wfdb-formats/test_generator_2.edf").toString(),
                        "--json"}),
                Arguments.of((Object) new String[] {"beats", "--mitdb", "{mitdb}", "--records", "100", "--out",
                        "{out}/b.npz", "--split", "none", "--json"}),
                Arguments.of((Object) new String[] {"records", "--cpsc", data("cpsc2018/cinc2020").toString(),
                        "--reference", data("cpsc2018/REFERENCE.csv").toString(), "--crop-length", "500", "--padded-length",
                        "600", "--split", "none",
                        "--out", "{out}/r.npz", "--json"}),
                Arguments.of((Object) new String[] {"predict", "--model", "{model}", "--data", "{data}", "--out",
                        "{out}/p.csv", "--json"}),
                Arguments.of((Object) new String[] {"attack", "--model", "{model}", "--data", "{data}", "--attack",
                        "noise", "--eps", "0.1", "--per-class", "1", "--out", "{out}/a.csv", "--json"}),
                Arguments.of((Object) new String[] {"score", "--predictions", "{predictions}", "--json"}),
                Arguments.of((Object) new String[] {"channels", "--model", "{model}", "--data", "{data}", "--steps", "1",
                        "--per-class", "1", "--json"}),
                Arguments.of((Object) new String[] {"bench", "--batch-size", "2", "--linf-batch-size", "2", "--width", "8",
                        "--repeats", "1", "--json"}));
    }

    @ParameterizedTest
    @MethodSource("jsonCommands")
    void everyJsonOutputIsStrictJson(String[] args) throws IOException {
        Run r = run(args);
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(strict(r.out()).isEmpty());
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.delete(p);
            }
        }
    }

    // ---- 4. Messages: the root cases of issue 11 ----

    @Test
    void filesThatAreNotWhatTheyClaimGetOneClearLine() throws IOException {
        Path binary = work.resolve("input-binary.yaml");
        byte[] junk = new byte[512];
        new java.util.Random(1).nextBytes(junk);
        Files.write(binary, junk);
        assertClearFailure(run("study", binary.toString(), "--out", "{out}/run"), 1, "input-binary.yaml",
                "not UTF-8 text");
        Path binaryCsv = work.resolve("input-binary.csv");
        Files.write(binaryCsv, junk);
        assertClearFailure(run("score", "--predictions", binaryCsv.toString()), 1, "input-binary.csv", "not UTF-8");
        assertClearFailure(run("train", "--data", binaryCsv.toString(), "--out", "{out}/m.recg"), 1, "not UTF-8");

        Path json = work.resolve("input-broken.json");
        Files.writeString(json, "{\"models\": [{\"name\": \"x\"");
        assertClearFailure(run("study", json.toString(), "--out", "{out}/run"), 1, "input-broken.json",
                "not valid JSON", "line");
        Files.writeString(json, "{\"models\": [1, }");
        assertClearFailure(run("study", json.toString(), "--out", "{out}/run"), 1, "not valid JSON");

        Path damaged = work.resolve("input-damaged.recg");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(damaged))) {
            zip.putNextEntry(new ZipEntry("model.json"));
            zip.write("{\"format\": \"robustecg-model\", \"format_version\": 1, \"settings\": [".getBytes(
                    StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("parameters.bin"));
            zip.write(new byte[8]);
        }
        assertClearFailure(run("predict", "--model", damaged.toString(), "--data", "{data}", "--out", "{out}/p.csv"), 1,
                "input-damaged.recg");
        assertClearFailure(run("predict", "--model", "{model}", "--data", binaryCsv.toString(), "--out", "{out}/p.csv"),
                1, "input-binary.csv");
        assertClearFailure(run("score", "--predictions", work.toString()), 1, work.toString());
    }

    @Test
    void unexpectedFailuresAreReportedWithoutJavaNames() {
        String bug = Failures.describe(new ArithmeticException("/ by zero"));
        assertTrue(bug.startsWith("internal error") && !bug.contains("Arithmetic") && !bug.contains("/ by zero"), bug);
        assertEquals("x.csv: no such file or folder",
                Failures.describe(new UncheckedIOException(new NoSuchFileException("x.csv"))));
        String npe = Failures.describe(new NullPointerException());
        assertFalse(npe.endsWith("null") || CLASS_NAME.matcher(npe).find(), npe);
        String index = Failures.describe(new ArrayIndexOutOfBoundsException(-1));
        assertFalse(index.contains("-1"), index);
    }

    // ---- 5. Exit codes: 1 for data and I/O, 130 when interrupted; files: atomic, the umask's permissions ----

    static Stream<Arguments> missingInputs() {
        return Stream.of(
                Arguments.of((Object) new String[] {"predict", "--model", "{model}", "--data", "{out}/input-none.npz",
                        "--out", "{out}/p.csv"}),
                Arguments.of((Object) new String[] {"attack", "--model", "{out}/input-none.recg", "--data", "{data}",
                        "--attack", "pgd", "--eps", "0.1", "--out", "{out}/a.csv"}),
                Arguments.of((Object) new String[] {"score", "--predictions", "{out}/input-none.csv"}),
                Arguments.of((Object) new String[] {"study", "{out}/input-none.yaml"}),
                Arguments.of((Object) new String[] {"inspect", "{out}/input-none"}),
                Arguments.of((Object) new String[] {"train", "--data", "{out}/input-none.npz", "--out", "{out}/m.recg"}),
                Arguments.of((Object) new String[] {"beats", "--mitdb", "{out}/input-none", "--out", "{out}/b.npz"}),
                Arguments.of((Object) new String[] {"demo", "--data", "{out}/input-none", "--out", "{out}/run"}));
    }

    @ParameterizedTest
    @MethodSource("missingInputs")
    void aMissingInputIsAnIoErrorNamingIt(String[] args) {
        assertClearFailure(run(args), 1, work.resolve("input-none").toString());
    }

    @Test
    void anExistingOutputIsKeptAndRefused() throws IOException {
        Path existing = work.resolve("input-existing.csv");
        Files.writeString(existing, "keep me");
        assertClearFailure(run("predict", "--model", "{model}", "--data", "{data}", "--out", existing.toString()), 1,
                "already exists", "--overwrite");
        assertEquals("keep me", Files.readString(existing));
    }

    @Test
    void ctrlCBeforeTheOutputIsWrittenLeavesNoFileAndExits130() {
        Interrupts.CANCELLED.set(true);
        Run r = run("predict", "--model", "{model}", "--data", "{data}", "--out", "{out}/p.csv");
        assertEquals(130, r.exitCode(), r.err());
        assertTrue(r.err().contains("cancelled"), r.err());
    }

    @Test
    void ctrlCWhileTheOutputIsWrittenIsNotSuccess() throws IOException {
        // score checks for Ctrl-C nowhere: the flag raised during its run is seen only once its outputs are written.
        Interrupts.CANCELLED.set(true);
        Path plots = fixtures.resolve("interrupted-plots");
        Run r = run("score", "--predictions", "{predictions}", "--plots", plots.toString());
        assertEquals(130, r.exitCode(), r.err());
        assertTrue(r.err().contains("interrupted after the outputs were written"), r.err());
        assertFalse(r.err().contains("stopping"), r.err());
        try (Stream<Path> files = Files.list(plots)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void outputFilesGetTheUmasksPermissions() throws IOException {
        Path out = fixtures.resolve("permissions.csv");
        assertEquals(0, run("predict", "--model", "{model}", "--data", "{data}", "--out", out.toString()).exitCode());
        Path plain = fixtures.resolve("plain-new-file");
        Files.newOutputStream(plain).close();
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    /** The real launcher's situation: a separate JVM, a real SIGINT at several moments, umask 022. */
    @Test
    void aRealSigintNeverEndsInSuccessOrAPartialFile() throws Exception {
        // Enough beats that predict runs well past the last signal (6 s) on a fast machine: the training beats of the
        // excerpt, 64 times over.
        Path big = fixtures.resolve("beats-many-64.npz");
        if (!Files.exists(big)) {
            var beats = org.robustecg.data.DatasetFiles.load(fixtures.resolve("beats-train.npz"));
            org.robustecg.data.DatasetFiles.save(org.robustecg.data.Dataset.concat(java.util.Collections.nCopies(64, beats)),
                    big, false);
        }
        int items = org.robustecg.data.DatasetFiles.load(big).size();
        int interrupted = 0;
        for (long delay : new long[] {300, 1500, 3000, 4500, 6000}) {
            Path out = fixtures.resolve("sigint-" + delay + ".csv");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder("sh", "-c", "umask 022 && exec \"$0\" \"$@\"", java, "-Xmx1g", "-cp",
                    System.getProperty("java.class.path"), RobustEcg.class.getName(), "predict", "--model",
                    model.toString(), "--data", big.toString(), "--batch-size", "64", "--out", out.toString())
                    .redirectErrorStream(true).redirectOutput(fixtures.resolve("sigint-" + delay + ".log").toFile())
                    .start();
            boolean finishedFirst = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finishedFirst) {
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            }
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ends after SIGINT");
            String log = Files.readString(fixtures.resolve("sigint-" + delay + ".log"));
            if (!finishedFirst && p.exitValue() == 0) {
                // The signal came after the command had finished its work and reported it (JVM shutdown): a
                // complete, reported result may end in 0; anything earlier must not.
                assertTrue(log.contains("wrote ") && Files.exists(out), "delay " + delay + " ms, exit 0 without a "
                        + "complete result: " + log);
            } else if (!finishedFirst) {
                interrupted++;
                assertEquals(130, p.exitValue(), "delay " + delay + " ms: " + log);
            } else {
                assertEquals(0, p.exitValue(), log);
            }
            if (Files.exists(out)) {
                assertEquals(items + 1, Files.readAllLines(out).size(), "a complete file or none");
                assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
            }
            try (Stream<Path> files = Files.list(fixtures)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no partial file");
            }
        }
        assertTrue(interrupted >= 3, "most runs were interrupted: " + interrupted);
    }
}
