package ru.spb.feedback.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Citizens filing appeals through the gateway at a steady rate, as the mobile app does: each
 * submission carries an Idempotency-Key and is retried with the same key, for up to
 * {@link #GIVE_UP_AFTER}, when the platform answers 503 or cannot be reached (after Retry-After on
 * a 429). What counts as a
 * defect: any other answer than 201 or a 503 problem, and any request left without an answer
 * for {@link #HANG}.
 */
final class SteadyLoad implements AutoCloseable {

    /** An answer slower than this is a hang, whatever the fault. */
    static final Duration HANG = Duration.ofSeconds(20);
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(4);
    private static final String BODY = """
            {"categoryCode": "255", "description": "Бетонные блоки мешают проезду во двор",
             "location": {"lat": 59.93105375, "lon": 30.29679808}}""";

    private final String gatewayUrl;
    private final List<Citizen> citizens = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(32);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    /** Appeal id → the citizen's subject, for every 201. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final List<String> defects = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Set<String> gaveUp = ConcurrentHashMap.newKeySet();

    SteadyLoad(String gatewayUrl, int citizenCount) {
        this.gatewayUrl = gatewayUrl;
        for (int i = 0; i < citizenCount; i++) {
            citizens.add(Citizen.create("fault-" + i));
        }
    }

    /** The load filed by these citizens, in turn. */
    SteadyLoad(String gatewayUrl, List<Citizen> citizens) {
        this.gatewayUrl = gatewayUrl;
        this.citizens.addAll(citizens);
    }

    /** Starts filing {@code perSecond} appeals a second, each from the next citizen in turn. */
    void start(int perSecond) {
        pacer.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            Citizen citizen = citizens.get(n % citizens.size());
            pending.incrementAndGet();
            senders.execute(() -> {
                try {
                    file(citizen, UUID.randomUUID().toString());
                } finally {
                    pending.decrementAndGet();
                }
            });
        }, 0, 1000 / perSecond, TimeUnit.MILLISECONDS);
    }

    private void file(Citizen citizen, String idempotencyKey) {
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < giveUp) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/appeals")).timeout(HANG)
                    .header("Authorization", "Bearer " + citizen.token())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                count(String.valueOf(response.statusCode()));
                if (response.statusCode() == 201) {
                    acknowledged.put(AppealsApi.JSON.readTree(response.body()).get("id").asText(), citizen.subject());
                    return;
                }
                boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
                if (response.statusCode() == 429 && problem) {
                    // the retries of a long outage may empty a citizen's bucket: wait as told
                    sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                    continue;
                }
                if (response.statusCode() != 503 || !problem) {
                    defects.add("answer " + response.statusCode() + ": " + response.body());
                    return;
                }
            } catch (HttpTimeoutException e) {
                count("no answer in " + HANG.toSeconds() + " s");
                defects.add("no answer within " + HANG.toSeconds() + " s");
            } catch (IOException e) {
                count("no connection");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(2000);
        }
        gaveUp.add(idempotencyKey);
    }

    private void count(String answer) {
        answers.computeIfAbsent(answer, key -> new AtomicInteger()).incrementAndGet();
    }

    /** Stops filing new appeals and waits until every submission in flight has its answer. */
    void stopAndDrain() {
        pacer.shutdownNow();
        // a submission still open after its give-up time is the test's finding (gaveUp, defects), not a wait failure
        Eventually.holdsWithin("every submission in flight answered", GIVE_UP_AFTER.plusMinutes(1), Duration.ofMillis(200),
                () -> pending.get() == 0);
    }

    int submissions() {
        return sent.get();
    }

    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** How many answers of each kind the clients got, retries included. */
    Map<String, Integer> answers() {
        Map<String, Integer> copy = new TreeMap<>();
        answers.forEach((answer, count) -> copy.put(answer, count.get()));
        return copy;
    }

    List<String> defects() {
        synchronized (defects) {
            return List.copyOf(defects);
        }
    }

    Set<String> gaveUp() {
        return Set.copyOf(gaveUp);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        senders.shutdownNow();
    }
}
