package ru.spb.feedback.appeals.upload;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API server for the suite: S3Proxy (Jetty + jclouds, in-memory {@code transient} store)
 * in its own JVM on 127.0.0.1, from the self-contained jar Maven copies to {@code target/s3proxy}
 * (a separate process so its Jetty, jclouds and Guava never meet Quarkus's). Unlike s3rver it
 * recomputes and checks V2/V4 signatures, so a wrongly signed request is refused with 403.
 *
 * <p>Init argument {@code app-secret-key} hands the application a different secret than the
 * server's, to test how a misconfigured deployment answers.
 */
public class S3ProxyTestResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "photos";
    static final String ACCESS_KEY = "appeals-test";
    static final String SECRET_KEY = "appeals-test-secret";
    static final String REGION = "us-east-1";

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private String appSecretKey = SECRET_KEY;
    private Process server;
    private Thread killOnExit;

    @Override
    public void init(Map<String, String> initArgs) {
        appSecretKey = initArgs.getOrDefault("app-secret-key", SECRET_KEY);
    }

    @Override
    public Map<String, String> start() {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy jar not found at " + jar.toAbsolutePath()
                    + "; run the tests with Maven (./mvnw verify), which copies it there");
        }
        Path log = null;
        try {
            Path home = Files.createDirectories(Path.of("target/s3proxy"));
            Path directory = Files.createTempDirectory(home, "run-");
            log = directory.resolve("s3proxy.log");
            int port = freePort();
            Path properties = directory.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=transient",
                    "jclouds.identity=" + ACCESS_KEY,
                    "jclouds.credential=" + SECRET_KEY,
                    ""));
            ProcessBuilder command = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-cp", jar.toAbsolutePath().toString(),
                    "org.gaul.s3proxy.Main", "--properties", properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            command.environment().put("LOG_LEVEL", "warn");
            server = command.start();
            Process started = server;
            // the test JVM may die without calling stop(); do not leave a server behind
            killOnExit = new Thread(started::destroyForcibly, "s3proxy-kill");
            Runtime.getRuntime().addShutdownHook(killOnExit);

            awaitPort(port, log);
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            createBucket(endpoint);
            return Map.of(
                    "appeals.uploads.storage", "s3",
                    "appeals.uploads.s3.endpoint", endpoint.toString(),
                    "appeals.uploads.s3.bucket", BUCKET,
                    "appeals.uploads.s3.region", REGION,
                    "appeals.uploads.s3.access-key", ACCESS_KEY,
                    "appeals.uploads.s3.secret-key", appSecretKey,
                    "appeals.uploads.s3.path-style", "true");
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot start S3Proxy for the tests"
                    + (log == null ? "" : "; see " + log.toAbsolutePath()), e);
        }
    }

    @Override
    public void stop() {
        if (server == null) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway and finds the process gone
        }
        server = null;
        killOnExit = null;
    }

    private void awaitPort(int port, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (true) {
            if (!server.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + server.exitValue() + "; see " + log.toAbsolutePath());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("S3Proxy did not open port " + port + " within " + STARTUP.toSeconds()
                            + " s; see " + log.toAbsolutePath());
                }
                Thread.sleep(100);
            }
        }
    }

    /** The in-memory store starts empty; the bucket is made with a signed request like any other. */
    private static void createBucket(URI endpoint) throws IOException, InterruptedException {
        URI uri = endpoint.resolve("/" + BUCKET);
        Instant now = Instant.now();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-date", AwsSignatureV4.amzDate(now));
        headers.put("x-amz-content-sha256", AwsSignatureV4.EMPTY_PAYLOAD);
        Map<String, String> signed = new LinkedHashMap<>(headers);
        signed.put("host", uri.getHost() + ":" + uri.getPort());
        String authorization = new AwsSignatureV4(ACCESS_KEY, SECRET_KEY, REGION, "s3")
                .authorization("PUT", uri.getRawPath(), "", signed, AwsSignatureV4.EMPTY_PAYLOAD, now);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.noBody()).header("Authorization", authorization);
        headers.forEach(request::header);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("S3Proxy refused to create bucket " + BUCKET + ": " + response.statusCode()
                    + " " + response.body());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
