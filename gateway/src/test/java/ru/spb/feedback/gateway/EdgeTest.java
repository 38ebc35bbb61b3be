package ru.spb.feedback.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** What the edge adds to every answer: CORS for the configured origins, security headers, live streams. */
@QuarkusTest
class EdgeTest {

    private static final String ALLOWED_ORIGIN = "https://app.feedback.test";
    private static final Upstream NOTIFICATION = new Upstream("notification");

    @io.quarkus.test.common.http.TestHTTPResource("/")
    URI gateway;

    private final String citizen = "Bearer " + SignedTokens.citizen("citizen-" + UUID.randomUUID());

    @Test
    void allowsAPreflightFromAConfiguredOrigin() {
        given().header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/appeals")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", ALLOWED_ORIGIN).header("Authorization", citizen).get("/api/v1/appeals")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void refusesAPreflightFromAnotherOrigin() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/appeals")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").header("Authorization", citizen).get("/api/v1/appeals")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void putsSecurityHeadersOnProxiedAndOwnAnswers() {
        for (var response : new io.restassured.response.Response[]{
                given().header("Authorization", citizen).get("/api/v1/appeals"),
                given().get("/api/v1/appeals"),
                given().get("/q/health/ready")}) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", containsString("max-age="))
                    .header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
        }
        given().header("Authorization", citizen).get("/api/v1/appeals")
                .then().header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
    }

    @Test
    void passesServerSentEventsOnAsTheyComeAndDoesNotCutALongStream() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/notifications/stream"))
                .header("Accept", "text/event-stream").header("Authorization", citizen).build();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        Iterator<String> lines = response.body().iterator();
        // the first event arrives while the upstream still holds the stream open
        assertThat(lines.next()).isEqualTo("event: notification");
        assertThat(lines.next()).isEqualTo("data: one");

        // longer than the notification upstream's answer timeout (PT1S in tests): streams are exempt
        Thread.sleep(1_500);
        given().post(NOTIFICATION.url() + "/__release").then().statusCode(200);
        assertThat(lines.next()).isEmpty();
        assertThat(lines.next()).isEqualTo("event: notification");
        assertThat(lines.next()).isEqualTo("data: two");
    }
}
