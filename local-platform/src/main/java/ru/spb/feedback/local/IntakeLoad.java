package ru.spb.feedback.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.spb.feedback.devinfra.DevTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Citizens filing appeals through the gateway ({@code POST /api/v1/appeals}), with java.net.http:
 * either N closed-loop clients, each on its own keep-alive connection sending the next appeal as
 * soon as the last one is answered (the maximum rate), or an open loop at a fixed rate (for the
 * pipeline's latency, where the arrival rate must not depend on the answers).
 */
final class IntakeLoad {

    /** Every benchmark appeal says this, so it passes the intake's checks like a real one. */
    static final String DESCRIPTION = "Во дворе не убран мусор, контейнеры переполнены уже третий день";
    static final String CATEGORY = "255";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An accepted appeal: its id and when its 201 arrived (epoch microseconds). */
    record Accepted(UUID id, long acceptedAtMicros) {
    }

    /** What one load phase achieved. */
    record Result(long accepted, long failed, Map<Integer, Long> failuresByStatus, double perSecond,
                  Latencies latencies, List<Accepted> appeals) {
    }

    private final String gateway;
    private final List<String> tokens;

    /** Signs a token for each of {@code citizens} distinct citizens (the gateway limits per citizen). */
    IntakeLoad(String gateway, int citizens) {
        this.gateway = gateway;
        DevTokens keys = DevTokens.fromRepository();
        List<String> signed = new ArrayList<>(citizens);
        for (int i = 0; i < citizens; i++) {
            signed.add(keys.subject("bench-citizen-" + i).group("citizen").lifetime(Duration.ofHours(2)).sign());
        }
        this.tokens = List.copyOf(signed);
    }

    /** N clients as fast as they are answered, for {@code duration}. */
    Result closedLoop(int clients, Duration duration) throws InterruptedException {
        Tally tally = new Tally();
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong next = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                HttpClient http = client();
                while (System.nanoTime() < end) {
                    HttpRequest request = submit(tokens.get((int) (next.getAndIncrement() % tokens.size())));
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        tally.answered(response, sent);
                    } catch (Exception e) {
                        tally.failed(-1);
                    }
                }
            }, "intake-client-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return tally.result();
    }

    /** Appeals sent at {@code perSecond}, whatever the answers, for {@code duration}. */
    Result openLoop(double perSecond, Duration duration) throws InterruptedException {
        Tally tally = new Tally();
        HttpClient http = client();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        AtomicLong next = new AtomicLong();
        ConcurrentLinkedQueue<java.util.concurrent.CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        long period = (long) (1_000_000_000L / perSecond);
        ticks.scheduleAtFixedRate(() -> {
            HttpRequest request = submit(tokens.get((int) (next.getAndIncrement() % tokens.size())));
            long sent = System.nanoTime();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        if (error != null) {
                            tally.failed(-1);
                        } else {
                            tally.answered(response, sent);
                        }
                    }));
        }, 0, period, TimeUnit.NANOSECONDS);
        Thread.sleep(duration.toMillis());
        ticks.shutdownNow();
        ticks.awaitTermination(5, TimeUnit.SECONDS);
        for (var call : pending) {
            try {
                call.get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // counted as failed by whenComplete
            }
        }
        return tally.result();
    }

    private HttpRequest submit(String token) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ObjectNode body = JSON.createObjectNode().put("categoryCode", CATEGORY).put("description", DESCRIPTION);
        body.putObject("location").put("lat", randomLat(random)).put("lon", randomLon(random));
        return HttpRequest.newBuilder(URI.create(gateway + "/api/v1/appeals"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A point in the historic centre (Admiralteysky, Central and Vasileostrovsky districts): always routed. */
    static double randomLat(ThreadLocalRandom random) {
        return 59.925 + random.nextDouble() * 0.015;
    }

    static double randomLon(ThreadLocalRandom random) {
        return 30.29 + random.nextDouble() * 0.05;
    }

    /** Answers of one phase, counted from many threads. */
    private static final class Tally {
        private final Latencies latencies = new Latencies();
        private final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        private final Map<Integer, Long> failures = new ConcurrentHashMap<>();
        private final long started = System.nanoTime();

        void answered(HttpResponse<String> response, long sentNanos) {
            if (response.statusCode() != 201) {
                failed(response.statusCode());
                return;
            }
            long at = nowMicros();
            latencies.add((System.nanoTime() - sentNanos) / 1000);
            try {
                accepted.add(new Accepted(UUID.fromString(JSON.readTree(response.body()).path("id").asText()), at));
            } catch (Exception e) {
                failed(201);
            }
        }

        void failed(int status) {
            failures.merge(status, 1L, Long::sum);
        }

        Result result() {
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Accepted> appeals = List.copyOf(accepted);
            long failed = failures.values().stream().mapToLong(Long::longValue).sum();
            return new Result(appeals.size(), failed, Map.copyOf(failures), appeals.size() / seconds, latencies, appeals);
        }
    }

    static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
