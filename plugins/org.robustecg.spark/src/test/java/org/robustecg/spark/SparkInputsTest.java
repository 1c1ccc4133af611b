package org.robustecg.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.cli.RobustEcg;

/** A bad master or an unreachable one: one clear line and the command line's exit codes, before any work. */
class SparkInputsTest {

    @TempDir
    Path dir;

    @Test
    void aBadMasterIsAUsageError() throws Exception {
        for (String master : new String[] {"locl[2]", "local[0]", "spark://host", "http://host:7077"}) {
            String err = fails(2, "--spark", master);
            assertTrue(err.contains("--spark " + master + ": not a Spark master"), err);
        }
    }

    @Test
    void anUnreachableMasterIsNamed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String err = fails(1, "--spark", "spark://127.0.0.1:" + port);
        assertTrue(err.contains("cannot reach the Spark master at 127.0.0.1:" + port), err);
    }

    /** The study command with these options on a valid study failed with this code and one line. */
    private String fails(int code, String... options) throws Exception {
        Path study = dir.resolve("s.yaml");
        Files.writeString(study, "models: [{name: a}]\nattacks: [{attack: fgsm, eps: [0.1]}]\n");
        String[] args = new String[5 + options.length];
        args[0] = "study";
        args[1] = study.toString();
        args[2] = "--data";
        args[3] = SparkStudyTest.fixtures().resolve("mitdb").toString();
        args[4] = "--out=" + dir.resolve("out");
        System.arraycopy(options, 0, args, 5, options.length);
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = RobustEcg.run(args);
        } finally {
            System.setErr(old);
        }
        String text = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(code, exit, text);
        assertEquals(1, text.lines().count(), text);
        assertFalse(text.matches("(?s).*\\b(java|org|scala)\\.[a-z]+\\.[A-Za-z].*|.*Exception.*"), text);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        return text;
    }
}
