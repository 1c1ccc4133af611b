package org.robustecg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.robustecg.TestData;
import org.robustecg.database.Cpsc2018;
import org.robustecg.database.CpscSettings;
import org.robustecg.io.EcgFormatException;
import org.robustecg.io.npz.NpyArray;
import org.robustecg.io.npz.Npz;
import org.robustecg.node.tables.DatasetTables;
import org.robustecg.progress.Progress;
import org.robustecg.table.Row;
import org.robustecg.table.Table;

/**
 * Datasets made from real data (Kaggle heartbeats; CPSC2018 recordings, which carry a mask), then damaged in
 * one array: every reader refuses them with one line naming the file or table, the array and the first bad index.
 */
class DatasetValidationTest {

    private static final Path KAGGLE = TestData.file("kaggle-heartbeat/mitbih_test_first100.csv");
    private static Dataset kaggle;
    private static Dataset cpsc;

    @BeforeAll
    static void realData() throws Exception {
        kaggle = KaggleCsv.read(KAGGLE, KaggleCsv.IndexColumn.AUTO).select(java.util.stream.IntStream.range(0, 20)
                .toArray());
        List<String> names = List.of("A0001", "A0002", "A0003", "A0004", "A0005", "A0006");
        // A crop shorter than the padded length: every item has a masked, zero tail.
        cpsc = Cpsc2018.prepare(TestData.file("cpsc2018/cinc2020"), Cpsc2018.reference(TestData.file(
                "cpsc2018/REFERENCE.csv")), names, new CpscSettings(CpscSettings.DEFAULT.leads(), 2000, 3000, 500),
                Progress.NONE);
    }

    static Stream<Arguments> badNpz() {
        return Stream.of(
                npz("NaN in x", "kaggle", set("x", a -> ((float[]) a)[3 * 187 + 17] = Float.NaN),
                        "the signals (x) hold NaN at index [3, 0, 17]"),
                npz("+Inf in x", "kaggle", set("x", a -> ((float[]) a)[0] = Float.POSITIVE_INFINITY), "Infinity at index [0, 0, 0]"),
                npz("-Inf at the last sample", "cpsc", set("x", a -> ((float[]) a)[6 * 8 * 3000 - 3001] = Float.NEGATIVE_INFINITY),
                        "-Infinity at index [5, 6, 2999]", "must be finite"),
                npz("label above the classes", "kaggle", set("y", a -> ((int[]) a)[2] = 5), "labels (y): item 2",
                        "has label 5, allowed are the class indices 0..4"),
                npz("negative label", "cpsc", set("y", a -> ((int[]) a)[4] = -1), "item 4 (record A0005) has label -1"),
                npz("y shorter than x", "kaggle", resize("y", 19), "labels (y) have 19 entries, the signals (x) 20 items"),
                npz("more record ids than items", "kaggle", resize("record_ids", 21), "record ids (record_ids) have 21"),
                npz("positions shorter than x", "cpsc", resize("positions", 5), "positions have 5 entries"),
                npz("position below -1", "kaggle", set("positions", a -> ((int[]) a)[7] = -9), "item 7",
                        "position -9, allowed are 0 or more, or -1"),
                npz("x of 0 items", "kaggle", arrays -> {
                    arrays.put("x", NpyArray.of(new float[0], 0, 1, 187));
                    arrays.put("y", NpyArray.of(new int[0], 0));
                }, "array x", "no items"),
                npz("y missing", "kaggle", arrays -> arrays.remove("y"), "no array 'y'"),
                npz("x stored as float64", "kaggle", arrays -> arrays.put("x", NpyArray.of(new double[20 * 187], 20, 1, 187)),
                        "array x", "expected 3-d <f4"),
                npz("mask of the wrong length", "cpsc", arrays -> arrays.put("mask", NpyArray.of(new float[6 * 2999], 6, 2999)),
                        "array mask", "has shape [6, 2999]", "[6, 3000]"),
                npz("mask value 0.5", "cpsc", set("mask", a -> ((float[]) a)[3000 + 10] = 0.5f),
                        "mask at index [1, 10] (item 1, record A0002) is 0.5", "allowed are 1 (real sample) and 0"),
                npz("mask 1 inside the padding", "cpsc", set("mask", a -> ((float[]) a)[2 * 3000 + 2500] = 1f),
                        "mask at index [2, 2500]", "is 1 after padding"),
                npz("mask all 0 for an item", "cpsc", set("mask", a -> Arrays.fill((float[]) a, 3 * 3000, 4 * 3000, 0f)),
                        "mask of item 3 (record A0004) is all 0"),
                npz("signal where the mask says padding", "cpsc", set("x", a -> ((float[]) a)[(5 * 8 + 7) * 3000 + 2999] = 0.25f),
                        "0.25 at index [5, 7, 2999]", "padding must be 0"),
                npz("NaN sampling frequency", "kaggle", arrays -> arrays.put("sampling_frequency",
                        NpyArray.of(new double[] {Double.NaN})), "sampling frequency NaN Hz"),
                npz("negative sampling frequency", "cpsc", arrays -> arrays.put("sampling_frequency",
                        NpyArray.of(new double[] {-500})), "sampling frequency -500.0 Hz", "a positive number"),
                npz("no class names", "kaggle", arrays -> arrays.put("class_names", NpyArray.of(new String[0], 0)),
                        "no class names"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNpz")
    void damagedNpzIsRefusedNamingFileArrayAndIndex(String variant, String base, Consumer<Map<String, NpyArray>> damage,
            String[] expected, @TempDir Path dir) throws Exception {
        Path real = dir.resolve("real.npz");
        DatasetFiles.save(base.equals("kaggle") ? kaggle : cpsc, real, false);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        Npz.read(real).forEach((name, a) -> arrays.put(name, copy(a)));
        damage.accept(arrays);
        Path bad = dir.resolve("bad.npz");
        Npz.write(bad, arrays, false);
        EcgFormatException e = assertThrows(EcgFormatException.class, () -> DatasetFiles.load(bad), variant);
        assertOneClearLine(e.getMessage(), bad.toString(), expected);
    }

    static Stream<Arguments> badCsv() {
        return Stream.of(
                csv("NaN sample", lines -> replaceCell(lines, 3, 5, "NaN"), "line 3, column 6", "not finite"),
                csv("infinite sample", lines -> replaceCell(lines, 4, 1, "-Infinity"), "line 4, column 2", "not finite"),
                csv("label 9", lines -> replaceCell(lines, 5, 188, "9.0"), "line 5", "label 9.0 is not a class 0..4"),
                csv("fractional label", lines -> replaceCell(lines, 6, 188, "1.5"), "line 6", "label 1.5"),
                csv("a row with a missing sample", lines -> {
                    List<String> out = new ArrayList<>(lines);
                    out.set(6, out.get(6).substring(0, out.get(6).lastIndexOf(',', out.get(6).lastIndexOf(',') - 1))
                            + ",0.0");
                    return out;
                }, "line 7", "columns, the first row has"),
                csv("header only", lines -> lines.subList(0, 1), "no data rows"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCsv")
    void damagedKaggleCsvIsRefusedNamingFileAndLine(String variant, UnaryOperator<List<String>> damage,
            String[] expected, @TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(KAGGLE).subList(0, 30);
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, damage.apply(lines));
        EcgFormatException e = assertThrows(EcgFormatException.class, () -> DatasetFiles.load(bad), variant);
        assertOneClearLine(e.getMessage(), bad.toString(), expected);
    }

    @Test
    void damagedTablesAreRefusedNamingTheTable() {
        Table table = DatasetTables.toTable(cpsc, CpscSettings.DEFAULT.leads(), "item");
        int fs = table.spec().indexOf(DatasetTables.SAMPLING_FREQUENCY);
        int valid = table.spec().indexOf(DatasetTables.VALID_LENGTH);
        assertEquals(cpsc.size(), DatasetTables.toDataset(table, Cpsc2018.CLASSES, true, "the items").size(),
                "the real table converts");
        for (Object[] variant : new Object[][] {
                {fs, 0, -500.0, "sampling frequency -500.0 Hz"},
                {fs, 0, Double.NaN, "sampling frequency NaN Hz"},
                {valid, 2, 1500, "where the mask marks padding: padding must be 0"}}) {
            Table damaged = withCell(table, (int) variant[0], (int) variant[1], variant[2]);
            DatasetException e = assertThrows(DatasetException.class,
                    () -> DatasetTables.toDataset(damaged, Cpsc2018.CLASSES, true, "the training table"));
            assertOneClearLine(e.getMessage(), "the training table: ", (String) variant[3]);
        }
        DatasetException direct = assertThrows(DatasetException.class, () -> new Dataset(
                new float[] {0f, Float.NaN}, 1, 1, 2, new int[] {0}, List.of("N"), new String[] {"100"}, new int[] {-1},
                null, 360));
        assertOneClearLine(direct.getMessage(), "the signals (x) hold NaN at index [0, 0, 1]");
    }

    private static void assertOneClearLine(String message, String start, String... fragments) {
        assertTrue(message.startsWith(start), message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "'" + fragment + "' not in: " + message);
        }
        assertFalse(message.contains("\n") || message.contains("Exception") || message.contains("java."), message);
    }

    private static Table withCell(Table table, int column, int row, Object value) {
        List<Row> rows = new ArrayList<>(table.rows());
        List<Object> cells = new ArrayList<>(rows.get(row).cells());
        cells.set(column, value);
        rows.set(row, new Row(rows.get(row).key(), cells));
        return new Table(table.spec(), rows);
    }

    private static Arguments npz(String variant, String base, Consumer<Map<String, NpyArray>> damage, String... expected) {
        return Arguments.of(variant, base, damage, expected);
    }

    private static Arguments csv(String variant, UnaryOperator<List<String>> damage, String... expected) {
        return Arguments.of(variant, damage, expected);
    }

    /** Changes the data of one array in place (the map holds copies). */
    private static Consumer<Map<String, NpyArray>> set(String name, Consumer<Object> change) {
        return arrays -> change.accept(arrays.get(name).data());
    }

    /** A 1-d array cut or extended (by repeating its last entry) to {@code n} entries. */
    private static Consumer<Map<String, NpyArray>> resize(String name, int n) {
        return arrays -> {
            NpyArray a = arrays.get(name);
            Object data = switch (a.dtype()) {
                case INT32 -> Arrays.copyOf((int[]) a.data(), n);
                case UNICODE -> {
                    String[] s = Arrays.copyOf((String[]) a.data(), n);
                    Arrays.fill(s, Math.min(n, ((String[]) a.data()).length), n, "extra");
                    yield s;
                }
                default -> throw new IllegalArgumentException(a.dtype().toString());
            };
            arrays.put(name, new NpyArray(a.dtype(), new int[] {n}, data));
        };
    }

    private static NpyArray copy(NpyArray a) {
        Object data = switch (a.dtype()) {
            case FLOAT32 -> ((float[]) a.data()).clone();
            case FLOAT64 -> ((double[]) a.data()).clone();
            case INT32 -> ((int[]) a.data()).clone();
            case INT64 -> ((long[]) a.data()).clone();
            case UNICODE -> ((String[]) a.data()).clone();
        };
        return new NpyArray(a.dtype(), a.shape(), data);
    }

    /** Line {@code line} (1-based, the header is line 1) with cell {@code column} (0-based) replaced. */
    private static List<String> replaceCell(List<String> lines, int line, int column, String value) {
        List<String> out = new ArrayList<>(lines);
        String[] cells = out.get(line - 1).split(",", -1);
        cells[column] = value;
        out.set(line - 1, String.join(",", cells));
        return out;
    }
}
