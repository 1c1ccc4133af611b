package org.robustecg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void helpSucceeds() {
        Run run = Run.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Usage: robustecg"), run.out());
    }

    @Test
    void unknownOptionIsBadUsage() {
        Run run = Run.of("--no-such-option");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no-such-option"), run.err());
    }

    @Test
    void unknownCommandIsBadUsage() {
        assertEquals(2, Run.of("frobnicate").exitCode());
    }
}
