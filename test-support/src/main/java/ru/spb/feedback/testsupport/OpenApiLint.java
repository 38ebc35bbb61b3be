package ru.spb.feedback.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lints an OpenAPI document with Spectral and the OWASP API Security ruleset, under the project's own ruleset
 * ({@code openapi-lint/ruleset.yaml}: its exceptions say why). Spectral is a Node.js tool: the versions pinned in
 * {@code openapi-lint/package-lock.json} are installed once per machine with {@code npm ci} into
 * {@code ~/.cache/feedback-platform/}; where Node.js is missing and the tests run as root on Debian, it is installed
 * with apt first (as the browser test does with Chromium).
 */
public final class OpenApiLint {

    private static final String RESOURCES = "openapi-lint/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One finding; severity 0 is an error, 1 a warning. */
    public record Finding(String code, String path, String message, int severity) {
        @Override
        public String toString() {
            return code + " at " + path + ": " + message;
        }
    }

    private OpenApiLint() {
    }

    /** Fails with every error Spectral finds in the document, named by rule and JSON path. */
    public static void assertNoErrors(String document, String service) {
        List<Finding> findings = lint(document, service);
        List<Finding> errors = findings.stream().filter(finding -> finding.severity() == 0).toList();
        System.out.printf("OpenAPI lint of %s: %d errors, %d warnings%n", service, errors.size(), findings.size() - errors.size());
        if (!errors.isEmpty()) {
            throw new AssertionError("The API document of " + service + " breaks " + errors.size() + " contract rules:\n  "
                    + String.join("\n  ", errors.stream().map(Finding::toString).toList()));
        }
    }

    public static List<Finding> lint(String document, String service) {
        try {
            Path tool = installed();
            Path ruleset = tool.resolve("ruleset-" + digest(resource("ruleset.yaml")) + ".yaml");
            if (!Files.exists(ruleset)) {
                Files.write(ruleset, resource("ruleset.yaml"));
            }
            Path work = Files.createDirectories(Path.of("target", "openapi-lint"));
            Path input = work.resolve(service + ".json");
            Path output = work.resolve(service + ".findings.json");
            Files.writeString(input, document);
            Files.deleteIfExists(output);
            run(tool, 120, tool.resolve("node_modules/.bin/spectral").toString(), "lint", "--quiet",
                    "--ruleset", ruleset.toString(), "--format", "json", "--output", output.toAbsolutePath().toString(),
                    input.toAbsolutePath().toString());
            if (!Files.exists(output)) {
                throw new IllegalStateException("Spectral wrote no findings for " + service + "; see the output above");
            }
            List<Finding> findings = new ArrayList<>();
            for (JsonNode finding : JSON.readTree(output.toFile())) {
                List<String> path = new ArrayList<>();
                finding.path("path").forEach(segment -> path.add(segment.asText()));
                findings.add(new Finding(finding.path("code").asText(), String.join("/", path),
                        finding.path("message").asText(), finding.path("severity").asInt()));
            }
            return findings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pinned Spectral, installed on first use; a new lock file gets a directory of its own. */
    private static synchronized Path installed() throws IOException {
        byte[] lock = resource("package-lock.json");
        Path home = Path.of(System.getProperty("user.home"), ".cache", "feedback-platform");
        Path tool = home.resolve("openapi-lint-" + digest(lock));
        if (Files.isExecutable(tool.resolve("node_modules/.bin/spectral"))) {
            return tool;
        }
        ensureNode();
        Path staging = Files.createDirectories(home).resolve("openapi-lint-staging-" + ProcessHandle.current().pid());
        Files.createDirectories(staging);
        Files.write(staging.resolve("package.json"), resource("package.json"));
        Files.write(staging.resolve("package-lock.json"), lock);
        // no install scripts: Spectral needs none, and they are code from the registry
        run(staging, 600, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error");
        try {
            Files.move(staging, tool, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyThere) {
            // another build installed it meanwhile; that one is as good
            if (!Files.isExecutable(tool.resolve("node_modules/.bin/spectral"))) {
                throw alreadyThere;
            }
        }
        return tool;
    }

    private static void ensureNode() throws IOException {
        if (onPath("npm")) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            run(Path.of("."), 900, "apt-get", "install", "-y", "-q", "--no-install-recommends", "nodejs", "npm");
        }
        if (!onPath("npm")) {
            throw new IllegalStateException("The OpenAPI lint needs Node.js 18 or newer with npm (Debian: apt-get install nodejs npm)");
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static int run(Path dir, long timeoutSeconds, String... command) throws IOException {
        // never the test JVM's own streams: surefire talks to its forked JVM over them
        Path log = Files.createTempFile("openapi-lint-", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
        int status = process.exitValue();
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        // Spectral's status 1 means "found errors": the findings file says which
        if (status != 0 && !(command[0].endsWith("spectral") && status == 1)) {
            throw new IllegalStateException(String.join(" ", command) + " failed with status " + status + ":\n" + output);
        }
        return status;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OpenApiLint.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        }
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
