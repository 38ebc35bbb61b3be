package ru.spb.feedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The demo data of a local run: a handful of the demo citizen's appeals in different states, made
 * through the gateway with the demo users' tokens exactly as clients would, so every event,
 * routing decision and notification behind them is real. The catalog and the municipalities need
 * nothing here: the services seed them at start. Seeds only while the demo citizen has no appeal,
 * so a restart on the same databases adds nothing (docs/adr/0012).
 */
final class DemoData {

    /** How far a demo appeal's lifecycle goes. */
    enum Stage {
        /** routed to the municipality, waiting in the officer's queue */
        ROUTED,
        /** accepted by the officer */
        IN_PROGRESS,
        /** answered, waiting for the citizen's rating */
        ANSWERED,
        /** answered and rated satisfied */
        CLOSED,
        /** outside every district: waiting for a moderator */
        TRIAGE
    }

    /** One demo appeal; all but the triage one lie in the demo officer's municipality. */
    record DemoAppeal(String key, String categoryCode, String description, double lat, double lon, String address,
                      Stage stage) {
    }

    static final List<DemoAppeal> APPEALS = List.of(
            new DemoAppeal("routed", "259", "Не горит освещение в подъезде уже неделю, вечером темно",
                    59.93105375, 30.29679808, "ул. Декабристов, 6", Stage.ROUTED),
            new DemoAppeal("in-progress", "122", "Лифт в парадной стоит третий день, на этажах пожилые жильцы",
                    59.9295, 30.2990, "Английский пр., 20", Stage.IN_PROGRESS),
            new DemoAppeal("answered", "255", "Просим установить скамейки и урны на детской площадке во дворе",
                    59.9330, 30.3005, "ул. Якубовича, 10", Stage.ANSWERED),
            new DemoAppeal("closed", "115", "Домофон не открывает дверь с ключа, жильцы не могут войти",
                    59.9310, 30.2950, "пр. Римского-Корсакова, 45", Stage.CLOSED),
            new DemoAppeal("triage", "255", "На берегу у залива свалили мусор, просим убрать и поставить урны",
                    59.981, 30.1809, null, Stage.TRIAGE));

    /** A seeded appeal as the demo citizen sees it now. */
    record Seeded(String id, String number, String status) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ROUTING_WAIT = Duration.ofSeconds(60);
    private static final int MAX_RATE_LIMIT_WAITS = 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final DemoUsers users;

    DemoData(String gatewayUrl, DemoUsers users) {
        this.gateway = gatewayUrl;
        this.users = users;
    }

    /** Whether the demo citizen has no appeal yet, i.e. the databases are fresh. */
    boolean needed() throws IOException, InterruptedException {
        return call("GET", "/api/v1/appeals?size=1", users.citizen(), null, 200).path("totalItems").asLong() == 0;
    }

    /** Creates the demo appeals and takes each to its stage; answers what each became. */
    List<Seeded> seed() throws IOException, InterruptedException {
        List<Seeded> seeded = new ArrayList<>();
        for (DemoAppeal appeal : APPEALS) {
            seeded.add(seed(appeal));
        }
        return seeded;
    }

    private Seeded seed(DemoAppeal demo) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode()
                .put("categoryCode", demo.categoryCode())
                .put("description", demo.description());
        body.putObject("location").put("lat", demo.lat()).put("lon", demo.lon());
        if (demo.address() != null) {
            body.put("address", demo.address());
        }
        JsonNode created = call("POST", "/api/v1/appeals", users.citizen(), body.toString(), 201,
                "Idempotency-Key", "demo-appeal-" + demo.key());
        String id = created.get("id").asText();
        String officerPath = "/api/v1/officer/appeals/" + id;

        JsonNode appeal = awaitStatus(id, demo.stage() == Stage.TRIAGE ? Set.of("TRIAGE") : Set.of("ROUTED"));
        if (demo.stage() == Stage.IN_PROGRESS || demo.stage() == Stage.ANSWERED || demo.stage() == Stage.CLOSED) {
            appeal = call("POST", officerPath + "/accept", users.officer(), null, 200);
        }
        if (demo.stage() == Stage.ANSWERED || demo.stage() == Stage.CLOSED) {
            appeal = call("POST", officerPath + "/answer", users.officer(),
                    JSON.createObjectNode().put("text", "Работы выполнены, спасибо за обращение").toString(), 200);
        }
        if (demo.stage() == Stage.CLOSED) {
            appeal = call("POST", "/api/v1/appeals/" + id + "/feedback", users.citizen(),
                    JSON.createObjectNode().put("rating", 5).put("satisfied", true).toString(), 200);
        }
        return new Seeded(id, appeal.path("number").asText(), appeal.path("status").asText());
    }

    /** Routing answers over Kafka: waits until the citizen sees the appeal in one of {@code statuses}. */
    private JsonNode awaitStatus(String id, Set<String> statuses) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + ROUTING_WAIT.toNanos();
        JsonNode appeal;
        do {
            appeal = call("GET", "/api/v1/appeals/" + id, users.citizen(), null, 200);
            if (statuses.contains(appeal.path("status").asText())) {
                return appeal;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("appeal " + appeal.path("number").asText() + " stayed "
                + appeal.path("status").asText() + " instead of " + statuses + " for " + ROUTING_WAIT.toSeconds() + " s");
    }

    /** One call through the gateway; waits out its rate limit (429 with Retry-After) rather than failing. */
    private JsonNode call(String method, String path, String token, String json, int expectedStatus, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429 && attempt < MAX_RATE_LIMIT_WAITS) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
                continue;
            }
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }
    }
}
