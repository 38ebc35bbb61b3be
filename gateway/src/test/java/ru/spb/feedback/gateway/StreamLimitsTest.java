package ru.spb.feedback.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Live streams hold their connections for hours: they have a pool of their own, a cap per citizen and an end at
 * their token's expiry, and a full pool answers 503 at once rather than leaving callers waiting.
 */
@QuarkusTest
class StreamLimitsTest {

    private static final Upstream NARROW = new Upstream("narrow");
    private static final Upstream NOTIFICATION = new Upstream("notification");

    @TestHTTPResource("/")
    URI gateway;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<InputStream> open = new ArrayList<>();

    @AfterEach
    void closeStreams() throws IOException {
        for (InputStream stream : open) {
            stream.close();
        }
        open.clear();
    }

    @Test
    void refusesAStreamBeyondTheCapPerCitizenAndFreesItsSlotWhenOneCloses() throws Exception {
        String citizen = bearer("citizen-" + UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            assertThat(firstLine(openStream(citizen))).isEqualTo("event: notification");
        }

        HttpResponse<InputStream> refused = client.sendAsync(streamRequest(citizen), HttpResponse.BodyHandlers.ofInputStream())
                .get(5, TimeUnit.SECONDS);
        open.add(refused.body());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // a problem has an end; a stream let through would not, so its body is only read once refused
        assertThat(new String(refused.body().readAllBytes(), StandardCharsets.UTF_8))
                .contains("urn:spb-feedback:problem:too-many-streams").contains("At most 3");

        // the cap is per citizen: someone else is not held back
        assertThat(firstLine(openStream(bearer("citizen-" + UUID.randomUUID())))).isEqualTo("event: notification");

        // closing a stream gives its slot back
        open.remove(0).close();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<InputStream> again = client.sendAsync(streamRequest(citizen), HttpResponse.BodyHandlers.ofInputStream())
                    .get(5, TimeUnit.SECONDS);
            open.add(again.body());
            return again.statusCode() == 200;
        });
    }

    @Test
    void countsStreamsOpenedWithATicketAsTheirCitizensByWhatTheServiceSays() throws Exception {
        int before = NOTIFICATION.openStreams();
        String citizen = "citizen-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            HttpResponse<InputStream> admitted = sendAsync(ticketStream(citizen));
            assertThat(admitted.statusCode()).isEqualTo(200);
            // the service's word is for the gateway only
            assertThat(admitted.headers().firstValue("X-Stream-Subject")).isEmpty();
            assertThat(firstLine(admitted.body())).isEqualTo("event: notification");
        }

        HttpResponse<InputStream> refused = sendAsync(ticketStream(citizen));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("X-Stream-Subject")).isEmpty();
        String problem = new String(refused.body().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(problem).contains("urn:spb-feedback:problem:too-many-streams").doesNotContain(citizen);
        // the refused stream's upstream connection is let go at once
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> NOTIFICATION.openStreams() == before + 3);
    }

    @Test
    void endsAStreamOpenedWithATicketWhenTheServiceSaysItsTokenExpires() throws Exception {
        long ends = java.time.Instant.now().plusSeconds(3).getEpochSecond();
        long started = System.nanoTime();
        HttpResponse<InputStream> admitted = sendAsync(HttpRequest.newBuilder(
                gateway.resolve("/api/v1/notifications/stream?ticket=citizen-" + UUID.randomUUID() + "&ends=" + ends))
                .header("Accept", "text/event-stream").build());
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(admitted.headers().firstValue("X-Stream-Ends-At")).isEmpty();
        assertThat(awaitEnd(reader(admitted.body()))).isEqualTo("event: notification");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1_000), Duration.ofMillis(4_500));
    }

    @Test
    void letsGoOfTheUpstreamsConnectionWhenTheClientLeavesAStream() throws Exception {
        int before = NOTIFICATION.openStreams();
        String citizen = bearer("citizen-" + UUID.randomUUID());
        for (int i = 0; i < 2; i++) {
            assertThat(firstLine(openStream(citizen))).isEqualTo("event: notification");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> NOTIFICATION.openStreams() == before + 2);
        closeStreams();
        // else every stream a client left would hold a connection of the stream pool until the upstream ends it
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> NOTIFICATION.openStreams() == before);
    }

    @Test
    void answersOrdinaryRequestsWhileStreamsHoldMoreConnectionsThanTheOrdinaryPool() throws Exception {
        // five streams against an ordinary pool of two (see the test config)
        for (int holder = 0; holder < 2; holder++) {
            String token = bearer("citizen-" + UUID.randomUUID());
            for (int i = 0; i < (holder == 0 ? 3 : 2); i++) {
                assertThat(firstLine(openStream(token))).isEqualTo("event: notification");
            }
        }
        String citizen = bearer("citizen-" + UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            // bounded: in one pool with the streams this would wait for a connection that never comes free
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/notifications?page=" + i))
                    .header("Authorization", citizen).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"upstream\":\"notification\"");
        }
    }

    @Test
    void answers503AtOnceWhenTheOrdinaryPoolIsFull() {
        String citizen = bearer("citizen-" + UUID.randomUUID());
        String holding = "/api/v1/test-narrow/report?n=" + UUID.randomUUID();
        // takes the narrow upstream's only connection for SLOW_MILLIS
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() ->
                given().header("Authorization", citizen).get(holding).statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> NARROW.seen().contains(holding));

        Response refused = given().header("Authorization", citizen).get("/api/v1/test-narrow/other");
        // refused after the pool wait (PT0.3S in tests), while the only connection is still held
        assertThat(first).isNotDone();
        refused.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:spb-feedback:problem:upstream-busy"))
                .body("detail", containsString("narrow"));
        assertThat(first.join()).isEqualTo(200);
        // the pool was full, the service was fine: its circuit stays closed
        given().header("Authorization", citizen).get("/api/v1/test-narrow/fast").then().statusCode(200);
    }

    @Test
    void endsAStreamWhenItsTokenExpires() throws Exception {
        String shortLived = "Bearer " + SignedTokens.citizen("citizen-" + UUID.randomUUID(), Duration.ofSeconds(3));
        long started = System.nanoTime();
        assertThat(awaitEnd(reader(openStream(shortLived)))).isEqualTo("event: notification");
        Duration lasted = Duration.ofNanos(System.nanoTime() - started);
        // exp has whole seconds: the stream lasts the token's 2 to 3 s, and not much beyond
        assertThat(lasted).isBetween(Duration.ofMillis(1_000), Duration.ofMillis(4_500));
    }

    private InputStream openStream(String authorization) throws Exception {
        HttpResponse<InputStream> response = client.sendAsync(streamRequest(authorization), HttpResponse.BodyHandlers.ofInputStream())
                .get(5, TimeUnit.SECONDS);
        open.add(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<InputStream> sendAsync(HttpRequest request) throws Exception {
        HttpResponse<InputStream> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(5, TimeUnit.SECONDS);
        open.add(response.body());
        return response;
    }

    private HttpRequest ticketStream(String ticket) {
        return HttpRequest.newBuilder(gateway.resolve("/api/v1/notifications/stream?ticket=" + ticket))
                .header("Accept", "text/event-stream").build();
    }

    private HttpRequest streamRequest(String authorization) {
        return HttpRequest.newBuilder(gateway.resolve("/api/v1/notifications/stream"))
                .header("Accept", "text/event-stream").header("Authorization", authorization).build();
    }

    /** Reads the stream to its end, which only the gateway can bring (the upstream never ends it); its first line. */
    private static String awaitEnd(BufferedReader lines) throws Exception {
        String first = lines.readLine();
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
            try {
                while (lines.readLine() != null) {
                    // drain
                }
            } catch (IOException cut) {
                // a reset connection ends it too
            }
        });
        ended.get(8, TimeUnit.SECONDS);
        return first;
    }

    private static BufferedReader reader(InputStream stream) {
        return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    private static String firstLine(InputStream stream) throws IOException {
        // one byte at a time: a buffered reader would swallow what comes later and be dropped with it
        StringBuilder line = new StringBuilder();
        for (int c = stream.read(); c != -1 && c != '\n'; c = stream.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    private static String bearer(String subject) {
        return "Bearer " + SignedTokens.citizen(subject);
    }
}
