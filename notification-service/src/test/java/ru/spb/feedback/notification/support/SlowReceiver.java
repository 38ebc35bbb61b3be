package ru.spb.feedback.notification.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver on 127.0.0.1 that misbehaves the way real ones do: answers 200 and then
 * trickles its body a byte a second, never answers at all, or answers 200 with an endless body
 * as fast as it can. Records the {@code Webhook-Id} of every request it got.
 */
public final class SlowReceiver implements AutoCloseable {

    private interface Behaviour {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> webhookIds = new CopyOnWriteArrayList<>();

    private SlowReceiver(Behaviour behaviour) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads); // a stalled answer must not stall the next request
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            webhookIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Webhook-Id")));
            try {
                behaviour.answer(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the caller hung up: what a deadline is for
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Headers at once, then one byte of body a second, for ever. */
    public static SlowReceiver trickling() {
        return new SlowReceiver(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            while (true) {
                body.write('.');
                body.flush();
                Thread.sleep(1000);
            }
        });
    }

    /** Takes the request and never answers. */
    public static SlowReceiver silent() {
        return new SlowReceiver(exchange -> Thread.sleep(Long.MAX_VALUE));
    }

    /** Answers 200 at once with a body that never ends, as fast as it can. */
    public static SlowReceiver endlessBody() {
        return new SlowReceiver(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            byte[] chunk = new byte[8192];
            while (true) {
                body.write(chunk);
            }
        });
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/slow";
    }

    /** The Webhook-Id of every request so far, in order of arrival. */
    public List<String> webhookIds() {
        return List.copyOf(webhookIds);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
