package org.robustecg.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.robustecg.progress.Progress;

/**
 * Downloads records of a PhysioNet database (by default the MIT-BIH Arrhythmia Database) over HTTPS:
 * the database's {@code SHA256SUMS.txt} first, then each record's {@code .hea}, {@code .dat} and
 * {@code .atr}; a file already present with the right checksum is kept, an interrupted download resumes
 * from its {@code .part} file (HTTP range request), and every file is checked against its SHA-256 before it
 * is moved into place.
 */
public final class PhysioNetDownload {

    /** The MIT-BIH Arrhythmia Database, version 1.0.0. */
    public static final URI MITDB = URI.create("https://physionet.org/files/mitdb/1.0.0/");

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20)).build();

    public PhysioNetDownload(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    }

    /** A download failure, with a message that says what to do instead. */
    public static final class DownloadException extends IOException {
        DownloadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Makes {@code target} hold the given records (all of RECORDS when {@code records} is null), verified.
     *
     * @return the record names
     */
    public List<String> download(Path target, List<String> records, Progress progress) throws IOException {
        Files.createDirectories(target);
        Map<String, String> sums = checksums(fetchText("SHA256SUMS.txt"));
        List<String> names = records != null ? records
                : fetchText("RECORDS").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (records == null) {
            Files.writeString(target.resolve("RECORDS"), String.join("\n", names) + "\n");
        }
        int done = 0;
        for (String name : names) {
            for (String ext : new String[] {".hea", ".dat", ".atr"}) {
                progress.checkCancelled();
                String file = name + ext;
                String sum = sums.get(file);
                if (sum == null) {
                    throw new DownloadException(base + "SHA256SUMS.txt lists no checksum for " + file, null);
                }
                fetchVerified(file, sum, target);
                progress.update(++done / (3.0 * names.size()), file);
            }
        }
        return names;
    }

    private void fetchVerified(String file, String sum, Path target) throws IOException {
        Path destination = target.resolve(file);
        if (Files.exists(destination) && sha256(destination).equals(sum)) {
            return;
        }
        Path part = target.resolve(file + ".part");
        long have = Files.exists(part) ? Files.size(part) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(file)).timeout(Duration.ofMinutes(5));
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = send(request.build(), file);
        boolean resumed = response.statusCode() == 206;
        if (response.statusCode() != 200 && !resumed) {
            response.body().close();
            throw new DownloadException(base.resolve(file) + ": HTTP " + response.statusCode(), null);
        }
        try (InputStream in = response.body();
                OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE,
                        resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            in.transferTo(out);
        }
        String actual = sha256(part);
        if (!actual.equals(sum)) {
            Files.delete(part);
            throw new DownloadException(base.resolve(file) + ": SHA-256 " + actual + " does not match " + sum
                    + " of SHA256SUMS.txt (the damaged download was removed; run again)", null);
        }
        Files.move(part, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String fetchText(String file) throws IOException {
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(base.resolve(file))
                .timeout(Duration.ofMinutes(1)).build(), file);
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new DownloadException(base.resolve(file) + ": HTTP " + response.statusCode(), null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request, String file) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | UnknownHostException | HttpTimeoutException e) {
            throw new DownloadException("cannot reach " + base.getHost() + " to download " + file + " (" + e + "): "
                    + "without internet, put the records in ~/.robustecg/data/mitdb or pass --data <dir>", e);
        } catch (IOException e) {
            throw new DownloadException("download of " + base.resolve(file) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("download of " + file + " interrupted", e);
        }
    }

    /** "hash name" lines of a SHA256SUMS.txt. */
    static Map<String, String> checksums(String text) {
        Map<String, String> sums = new LinkedHashMap<>();
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] parts = l.split("\\s+", 2);
            if (parts.length == 2) {
                sums.put(parts[1].replaceFirst("^\\*", ""), parts[0].toLowerCase(java.util.Locale.ROOT));
            }
        });
        return sums;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
