package org.robustecg.database;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.robustecg.TestData;
import org.robustecg.progress.Progress;

/** Downloads real MIT-BIH files (the committed excerpts) from a server on the loopback address. */
class PhysioNetDownloadTest {

    @Test
    void downloadsVerifiesAndResumes(@TempDir Path dir) throws Exception {
        List<String> ranges = new ArrayList<>();
        HttpServer server = serve(ranges, Set.of());
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mitdb/");
            Path target = dir.resolve("mitdb");
            Files.createDirectories(target);
            // An interrupted earlier download of 100.dat: the first 1,000 bytes are there.
            byte[] dat = Files.readAllBytes(TestData.mitdb().resolve("100.dat"));
            Files.write(target.resolve("100.dat.part"), Arrays.copyOf(dat, 1000));
            new PhysioNetDownload(base).download(target, List.of("100", "101"), Progress.NONE);
            for (String f : new String[] {"100.hea", "100.dat", "100.atr", "101.hea", "101.dat", "101.atr"}) {
                assertArrayEquals(Files.readAllBytes(TestData.mitdb().resolve(f)), Files.readAllBytes(target.resolve(f)), f);
            }
            assertEquals(List.of("bytes=1000-"), ranges, "the partial file was resumed");
            assertTrue(Files.notExists(target.resolve("100.dat.part")));
            // Present and verified: nothing is fetched again.
            ranges.clear();
            new PhysioNetDownload(base).download(target, List.of("100"), Progress.NONE);
            assertTrue(ranges.isEmpty());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aDamagedFileIsRefusedAndRemoved(@TempDir Path dir) throws Exception {
        HttpServer server = serve(new ArrayList<>(), Set.of("101.atr"));
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mitdb/");
            PhysioNetDownload.DownloadException e = assertThrows(PhysioNetDownload.DownloadException.class,
                    () -> new PhysioNetDownload(base).download(dir, List.of("101"), Progress.NONE));
            assertTrue(e.getMessage().contains("101.atr") && e.getMessage().contains("SHA-256"), e.getMessage());
            assertTrue(Files.notExists(dir.resolve("101.atr")) && Files.notExists(dir.resolve("101.atr.part")));
        } finally {
            server.stop(0);
        }
        // Nothing listening: one clear message that says what to do offline.
        PhysioNetDownload.DownloadException offline = assertThrows(PhysioNetDownload.DownloadException.class,
                () -> new PhysioNetDownload(URI.create("http://127.0.0.1:9/mitdb/")).download(dir, null, Progress.NONE));
        assertTrue(offline.getMessage().contains("--data"), offline.getMessage());
    }

    /** Serves the real files (Range requests honoured, listed in {@code ranges}); {@code damaged} files get a flipped byte. */
    private static HttpServer serve(List<String> ranges, Set<String> damaged) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mitdb/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/mitdb/".length());
            Path file = TestData.mitdb().resolve(name);
            if (name.contains("/") || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            if (damaged.contains(name)) {
                body[body.length / 2] ^= 1;
            }
            String range = exchange.getRequestHeaders().getFirst("Range");
            int status = 200;
            if (range != null) {
                ranges.add(range);
                int from = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
                body = Arrays.copyOfRange(body, from, body.length);
                status = 206;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
