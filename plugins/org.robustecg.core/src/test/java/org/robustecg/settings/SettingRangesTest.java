package org.robustecg.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.attack.AttackKind;
import org.robustecg.attack.AttackSettings;
import org.robustecg.io.AtomicFiles;
import org.robustecg.io.StrictJson;
import org.robustecg.model.EpochRecord;

class SettingRangesTest {

    @Test
    void everyRangeIsDeclaredOnceAndExplainsItself() {
        assertEquals(SettingRanges.ALL.size(), new HashSet<>(SettingRanges.ALL.stream().map(Range::key).toList()).size());
        for (Range r : SettingRanges.ALL) {
            assertFalse(r.allows(Double.NaN), r.key());
            assertFalse(r.allows(Double.POSITIVE_INFINITY), r.key());
            String message = assertThrows(SettingException.class, () -> r.check("--x", Double.NaN)).getMessage();
            assertTrue(message.startsWith("--x is NaN: must be " + r.allowed() + " (" + r.meaning() + ")"), message);
        }
    }

    @Test
    void radiiFollowTheDataScale() {
        assertTrue(SettingRanges.RADIUS.allows(2) && !SettingRanges.RADIUS.allows(2.0001) && !SettingRanges.RADIUS.allows(0));
        assertTrue(AttackKind.CW.radiusRange().allows(100));
        assertArrayEquals(new double[] {0.01, 0.1}, AttackKind.PGD.radii("--eps", new double[] {0.1, 0,
            0.01, 0.1}));
        assertThrows(SettingException.class, () -> AttackKind.PGD.radii("--eps", new double[] {0}));
        assertThrows(SettingException.class, () -> AttackKind.PGD.radii("--eps", new double[] {1e9}));
        assertThrows(SettingException.class, () -> AttackKind.FGSM.radii("--eps", new double[] {-0.1}));
        assertEquals(1e-3, SettingRanges.STEP_SIZE.checkOr(0, "s", 1e-3));
        assertEquals(0, SettingRanges.STEP_SIZE.checkOr(0, "s", 0));
        assertTrue(Double.isNaN(SettingRanges.LEARNING_RATE.checkOr(Double.NaN, "lr", Double.NaN)));
        assertThrows(SettingException.class, () -> SettingRanges.EPOCHS.check("e", 2.5));
    }

    @Test
    void theSettingsRecordsSayWhichValueIsWrong() {
        String step = assertThrows(SettingException.class, () -> AttackSettings.defaults(AttackKind.PGD, 0, 1)
                .toBuilder().stepSize(OptionalDouble.of(5)).build()).getMessage();
        assertTrue(step.contains("step size is 5") && step.contains(SettingRanges.STEP_SIZE.allowed()), step);
        String restarts = assertThrows(SettingException.class, () -> AttackSettings.defaults(AttackKind.PGD, 0, 1)
                .toBuilder().restarts(0).build()).getMessage();
        assertTrue(restarts.contains("restarts is 0"), restarts);
    }

    @Test
    void fileNamesStayPlain() {
        for (String ok : List.of("resnet18-ce", "caslcnet_mart.v2", "m+1", "Modèle1")) {
            assertEquals(ok, FileNames.check("name", ok));
        }
        for (String bad : List.of("", "..", "../x", "a/b", "a\\b", "/abs", "C:x", "a\u0000b", "tab\tname", "a..b", "x y",
                "é".repeat(101))) {
            String message = assertThrows(SettingException.class, () -> FileNames.check("name", bad)).getMessage();
            assertTrue(message.startsWith("name '") && !message.contains("\u0000") && !message.contains("\t"), message);
        }
    }

    @Test
    void strictJsonWritesMissingNumbersAsNull() {
        String json = StrictJson.gson().toJson(Map.of("history", List.of(new EpochRecord(1, 0.5, 0.9, Double.NaN,
                Double.NaN, Double.POSITIVE_INFINITY, 1e-3, 8, List.of(0.5), 1.5)), "f", Float.NaN));
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
        assertTrue(json.contains("\"validationLoss\": null") && json.contains("\"f\": null")
                && json.contains("\"trainLoss\": 0.5"), json);
    }

    @Test
    void atomicFilesGetTheUmasksPermissionsAndLeaveNoPartialFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.csv");
        AtomicFiles.write(target, false, o -> o.write("a".getBytes(StandardCharsets.UTF_8)));
        Path plain = dir.resolve("plain");
        Files.newOutputStream(plain).close();
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertThrows(java.io.IOException.class, () -> AtomicFiles.write(dir.resolve("failed.csv"), false, o -> {
            o.write(1);
            throw new java.io.IOException("disk full");
        }));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("out.csv", "plain"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
