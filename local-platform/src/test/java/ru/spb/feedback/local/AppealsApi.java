package ru.spb.feedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * appeals-service's API as the end-to-end tests use it, at {@code baseUrl}: the service itself, or
 * the gateway in front of it.
 */
record AppealsApi(String baseUrl) {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ROUTING_WAIT = Duration.ofSeconds(30);

    /** A citizen's appeal about blocks in a yard (problem type 255) at the point, answered 201. */
    JsonNode submit(String token, double lat, double lon, boolean official) throws Exception {
        HttpResponse<String> response = PlatformProcesses.call("POST", baseUrl + "/api/v1/appeals", token, """
                {"categoryCode": "255", "description": "Бетонные блоки мешают проезду во двор", "official": %s,
                 "location": {"lat": %s, "lon": %s}}""".formatted(official, lat, lon));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    /** Takes a lifecycle step (POST {@code path}), answered 200, and returns the appeal after it. */
    JsonNode step(String token, String path, String body) throws Exception {
        HttpResponse<String> response = PlatformProcesses.call("POST", baseUrl + path, token, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** GETs {@code path}, answered 200, as JSON. */
    JsonNode read(String token, String path) throws Exception {
        HttpResponse<String> response = PlatformProcesses.call("GET", baseUrl + path, token, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The appeal as its author sees it, once {@code condition} holds (routing answers over Kafka). */
    JsonNode awaitAppeal(String token, String id, Predicate<JsonNode> condition) {
        return Eventually.await("appeal " + id + " to get there", ROUTING_WAIT,
                () -> JSON.readTree(PlatformProcesses.call("GET", baseUrl + "/api/v1/appeals/" + id, token, null).body()),
                condition);
    }

    static Predicate<JsonNode> inStatus(String status) {
        return appeal -> status.equals(appeal.path("status").asText());
    }
}
