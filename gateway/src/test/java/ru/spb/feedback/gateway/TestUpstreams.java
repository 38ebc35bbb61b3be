package ru.spb.feedback.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Real HTTP servers standing in for the services, on free ports: they echo what reached them (method, path,
 * headers, a hash of the body), list what they saw at {@code GET /__seen} (and whose bodies arrived whole at {@code /__completed}), and one streams Server-Sent Events.
 * Extra upstreams exercise the failure paths: {@code slow} answers late, {@code flaky} too (with a fast path to
 * try the circuit breaker's recovery), {@code narrow} answers late through a pool of one connection, {@code down}
 * has nothing listening, {@code reset} takes each request and resets the connection without answering.
 */
public class TestUpstreams implements QuarkusTestResourceLifecycleManager {

    /** How late the slow upstreams answer; far above their timeouts in the test config. */
    static final long SLOW_MILLIS = 3_000;

    private Vertx vertx;
    private ServerSocket resetServer;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String name : List.of("appeals", "routing", "notification", "slow", "flaky", "narrow")) {
            config.put("gateway.upstreams." + name + ".url", "http://127.0.0.1:" + serve(name));
        }
        config.put("gateway.upstreams.down.url", "http://127.0.0.1:" + unusedPort());
        config.put("gateway.upstreams.reset.url", "http://127.0.0.1:" + resetting());
        return config;
    }

    /**
     * A plain socket server that reads the start of each request and then aborts the connection (RST, as a process
     * killed mid-request leaves it), never answering.
     */
    private int resetting() {
        try {
            resetServer = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!resetServer.isClosed()) {
                try (Socket socket = resetServer.accept()) {
                    socket.getInputStream().read(new byte[1024]);
                    socket.setSoLinger(true, 0);
                } catch (IOException e) {
                    // closed at stop, or the gateway went first
                }
            }
        }, "reset-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
        return resetServer.getLocalPort();
    }

    @Override
    public void stop() {
        if (resetServer != null) {
            try {
                resetServer.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private int serve(String name) {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> completed = new CopyOnWriteArrayList<>();
        List<HttpServerRequest> openStreams = new CopyOnWriteArrayList<>();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            if (path.equals("/q/openapi")) {
                JsonObject document = new JsonObject().put("openapi", "3.1.0")
                        .put("info", new JsonObject().put("title", name + "-service").put("version", "1.0"))
                        .put("servers", new JsonArray().add(new JsonObject().put("url", "http://" + name + ".internal:8081")))
                        .put("paths", new JsonObject().put("/api/v1/" + name, new JsonObject()));
                request.response().putHeader("Content-Type", "application/json").end(document.encode());
                return;
            }
            if (path.startsWith("/q/")) {
                request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
                return;
            }
            if (path.equals("/__seen")) {
                request.response().putHeader("Content-Type", "application/json").end(new JsonArray(List.copyOf(seen)).encode());
                return;
            }
            if (path.equals("/__completed")) {
                request.response().putHeader("Content-Type", "application/json").end(new JsonArray(List.copyOf(completed)).encode());
                return;
            }
            if (path.equals("/__open-streams")) {
                request.response().putHeader("Content-Type", "application/json").end(String.valueOf(openStreams.size()));
                return;
            }
            if (path.equals("/__release")) {
                // ends the open event streams with a last event
                openStreams.forEach(stream -> stream.response().end("event: notification\ndata: two\n\n"));
                openStreams.clear();
                request.response().end();
                return;
            }
            seen.add(request.uri());
            if (path.endsWith("/stream")) {
                if (request.getParam("ticket") != null) {
                    // as notification-service says whose a ticket's stream is; here the test's ticket names its citizen
                    request.response().putHeader("X-Stream-Subject", request.getParam("ticket"));
                }
                if (request.getParam("ends") != null) {
                    // when the token behind the ticket expires, as notification-service says it
                    request.response().putHeader("X-Stream-Ends-At", request.getParam("ends"));
                }
                request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                        .write("event: notification\ndata: one\n\n");
                openStreams.add(request);
                // the gateway let go of it: no longer open
                request.connection().closeHandler(closed -> openStreams.remove(request));
                request.response().closeHandler(closed -> openStreams.remove(request));
                return;
            }
            MessageDigest sha256 = sha256();
            long[] length = {0};
            request.handler(chunk -> {
                sha256.update(chunk.getBytes());
                length[0] += chunk.length();
            });
            request.endHandler(end -> {
                completed.add(request.uri());
                JsonObject echo = new JsonObject()
                        .put("upstream", name)
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("requestId", request.getHeader("X-Request-Id"))
                        .put("authorization", request.getHeader("Authorization"))
                        .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                        .put("bodyLength", length[0])
                        .put("bodySha256", HexFormat.of().formatHex(sha256.digest()));
                long delay = (name.equals("slow") || name.equals("flaky") || name.equals("narrow")) && !path.endsWith("/fast")
                        ? SLOW_MILLIS : 0;
                Runnable answer = () -> {
                    if (!request.response().closed()) {
                        request.response().putHeader("Content-Type", "application/json").end(echo.encode());
                    }
                };
                if (delay > 0) {
                    vertx.setTimer(delay, id -> answer.run());
                } else {
                    answer.run();
                }
            });
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port nothing listens on: taken from the OS and given back at once. */
    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hex(Buffer body) {
        return HexFormat.of().formatHex(sha256().digest(body.getBytes()));
    }
}
