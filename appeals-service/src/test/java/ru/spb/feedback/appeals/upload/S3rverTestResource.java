package ru.spb.feedback.appeals.upload;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real S3-compatible server for the suite: s3rver (from npm, installed into
 * {@code target/s3rver} on first use) run with node on 127.0.0.1, stopped with the suite. It checks
 * the form of a V4 Authorization header and its access key, but does not recompute V4 signatures.
 */
public class S3rverTestResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "photos";
    /** s3rver's built-in credentials. */
    static final String ACCESS_KEY = "S3RVER";
    static final String SECRET_KEY = "S3RVER";

    private static final Path SOURCES = Path.of("src/test/s3rver");
    private static final Path HOME = Path.of("target/s3rver");

    private Process server;

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(HOME);
            for (String file : new String[] {"package.json", "launch.js"}) {
                Files.copy(SOURCES.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.isDirectory(HOME.resolve("node_modules/s3rver"))) {
                run(new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-package-lock"), "npm.log", 300);
            }
            server = new ProcessBuilder("node", "launch.js", BUCKET).directory(HOME.toFile())
                    .redirectError(HOME.resolve("s3rver.log").toFile()).start();
            BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return output.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            Matcher port = Pattern.compile("\"port\":(\\d+)").matcher(line == null ? "" : line);
            if (!port.find()) {
                throw new IllegalStateException("s3rver did not start; see " + HOME.resolve("s3rver.log"));
            }
            return Map.of(
                    "appeals.uploads.storage", "s3",
                    "appeals.uploads.s3.endpoint", "http://127.0.0.1:" + port.group(1),
                    "appeals.uploads.s3.bucket", BUCKET,
                    "appeals.uploads.s3.access-key", ACCESS_KEY,
                    "appeals.uploads.s3.secret-key", SECRET_KEY,
                    "appeals.uploads.s3.path-style", "true");
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot start s3rver for the tests", e);
        }
    }

    @Override
    public void stop() {
        if (server == null) {
            return;
        }
        try {
            server.getOutputStream().close(); // launch.js stops when its input closes
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroy();
            }
        } catch (IOException e) {
            server.destroy();
        } catch (InterruptedException e) {
            server.destroy();
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    private static void run(ProcessBuilder command, String log, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = command.directory(HOME.toFile()).redirectErrorStream(true)
                .redirectOutput(HOME.resolve(log).toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroy();
            throw new IllegalStateException(String.join(" ", command.command()) + " took too long; see " + HOME.resolve(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.command()) + " failed; see " + HOME.resolve(log));
        }
    }
}
