package ru.spb.feedback.notification.support;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver on 127.0.0.1 (the JDK's HttpServer), as an integrator runs one: records
 * every request and answers 500 for the first {@code failures} calls, then 204 — or always 500.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(Map<String, List<String>> headers, byte[] body, int answeredWith) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Checks the signature the way an integrator would: HMAC-SHA256 over timestamp "." body. */
        public boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((header("Webhook-Timestamp") + ".").getBytes(StandardCharsets.US_ASCII));
                mac.update(body);
                String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal());
                return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        String.valueOf(header("Webhook-Signature")).getBytes(StandardCharsets.US_ASCII));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;

    private WebhookReceiver(int failures) {
        this.failuresLeft = new AtomicInteger(failures);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failuresLeft.getAndUpdate(left -> left > 0 ? left - 1 : left) > 0 ? 500 : 204;
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers 500 to the first {@code failures} requests, 204 afterwards. */
    public static WebhookReceiver failingFirst(int failures) {
        return new WebhookReceiver(failures);
    }

    public static WebhookReceiver alwaysFailing() {
        return new WebhookReceiver(Integer.MAX_VALUE);
    }

    public static WebhookReceiver healthy() {
        return new WebhookReceiver(0);
    }

    /** From now on, answer 204. */
    public void recover() {
        failuresLeft.set(0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/spb";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
