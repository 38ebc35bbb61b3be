package ru.spb.feedback.local;

import ru.spb.feedback.testsupport.TestTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads from each service directly (not through the gateway) every few hundred milliseconds,
 * through every fault: a service may be unreachable while it is killed, and may answer 503 while
 * its database is down, but never 500, never a body that is not a problem, never a hang.
 */
final class ReadProbe implements AutoCloseable {

    private static final Duration HANG = Duration.ofSeconds(10);

    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(3);
    private final Map<String, Map<String, Integer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> lastStatus = new ConcurrentHashMap<>();
    private final List<String> defects = Collections.synchronizedList(new ArrayList<>());

    ReadProbe(WholePlatform platform) {
        String citizen = TestTokens.citizen("fault-probe");
        add(WholePlatform.APPEALS, platform.serviceUrl(WholePlatform.APPEALS) + "/api/v1/appeals?size=1", citizen);
        add(WholePlatform.ROUTING, platform.serviceUrl(WholePlatform.ROUTING) + "/api/v1/organizations/1123300",
                TestTokens.admin("fault-probe-admin"));
        add(WholePlatform.NOTIFICATION, platform.serviceUrl(WholePlatform.NOTIFICATION) + "/api/v1/notifications?size=1", citizen);
    }

    private void add(String service, String url, String token) {
        urls.put(service, url);
        tokens.put(service, token);
        answers.put(service, new ConcurrentHashMap<>());
    }

    void start() {
        urls.keySet().forEach(service -> timer.scheduleWithFixedDelay(() -> probe(service), 0, 300, TimeUnit.MILLISECONDS));
    }

    private void probe(String service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get(service))).timeout(HANG)
                .header("Authorization", "Bearer " + tokens.get(service)).GET().build();
        String answer;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            lastStatus.put(service, status);
            answer = String.valueOf(status);
            boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (status != 200 && !(status == 503 && problem)) {
                defects.add(service + " answered " + status + ": " + response.body());
            }
        } catch (HttpTimeoutException e) {
            lastStatus.put(service, -1);
            answer = "no answer in " + HANG.toSeconds() + " s";
            defects.add(service + " gave no answer within " + HANG.toSeconds() + " s");
        } catch (IOException e) {
            lastStatus.put(service, 0);
            answer = "no connection";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        answers.get(service).merge(answer, 1, Integer::sum);
    }

    /** Waits until every service's last read was a 200; returns how long that took. */
    Duration awaitAllAnswering(Duration limit) {
        long started = System.nanoTime();
        lastStatus.clear();
        if (!Eventually.holdsWithin("every service answering 200", limit, Duration.ofMillis(100),
                () -> lastStatus.size() == urls.size() && lastStatus.values().stream().allMatch(status -> status == 200))) {
            throw new AssertionError("not every service answered 200 within " + limit + ": " + lastStatus);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Per service, how many reads got each answer. */
    Map<String, Map<String, Integer>> answers() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        answers.forEach((service, counts) -> copy.put(service, new TreeMap<>(counts)));
        return copy;
    }

    List<String> defects() {
        synchronized (defects) {
            return List.copyOf(defects);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
