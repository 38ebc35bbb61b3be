package ru.spb.feedback.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ProxyTest {

    private static final Upstream APPEALS = new Upstream("appeals");
    private static final Upstream ROUTING = new Upstream("routing");
    private static final Upstream NOTIFICATION = new Upstream("notification");

    private final String citizen = "Bearer " + SignedTokens.citizen("citizen-" + UUID.randomUUID());

    @Test
    void sendsEachRouteClassToTheServiceThatOwnsIt() {
        assertRoutedTo("/api/v1/appeals/42/history", "appeals");
        assertRoutedTo("/api/v1/officer/appeals", "appeals");
        assertRoutedTo("/api/v1/moderator/appeals", "appeals");
        assertRoutedTo("/api/v1/admin/dead-letters", "appeals");
        assertRoutedTo("/api/v1/municipalities/at?lat=59.9&lon=30.3", "routing");
        assertRoutedTo("/api/v1/routing-rules", "routing");
        assertRoutedTo("/api/v1/triage", "routing");
        assertRoutedTo("/api/v1/notifications/unread-count", "notification");
        assertRoutedTo("/api/v1/notification-preferences", "notification");
        assertRoutedTo("/api/v1/webhooks", "notification");
        assertRoutedTo("/api/v1/admin/deliveries?status=FAILED&channel=EMAIL", "notification");
        assertRoutedTo("/api/v1/admin/deliveries/" + UUID.randomUUID() + "/retry", "notification");
    }

    @Test
    void sendsOpen311ToAppealsWithoutAToken() {
        given().get("/open311/v2/services.json?api_key=k1")
                .then().statusCode(200)
                .body("upstream", equalTo("appeals"))
                .body("uri", equalTo("/open311/v2/services.json?api_key=k1"));
    }

    @Test
    void sendsIntegratorKeysToAppealsInEveryMethodAdminsUse() {
        String key = "/api/v1/admin/integrator-keys/" + UUID.randomUUID();
        assertRoutedTo("/api/v1/admin/integrator-keys?integratorId=pos&includeRevoked=true", "appeals");
        assertRoutedTo(key, "appeals");
        given().header("Authorization", citizen).contentType(ContentType.JSON)
                .body("{\"integratorId\":\"pos\",\"name\":\"Мой район\"}")
                .post("/api/v1/admin/integrator-keys")
                .then().statusCode(200)
                .body("upstream", equalTo("appeals"))
                .body("method", equalTo("POST"));
        given().header("Authorization", citizen).delete(key)
                .then().statusCode(200)
                .body("upstream", equalTo("appeals"))
                .body("method", equalTo("DELETE"))
                .body("uri", equalTo(key));
        // only the owned admin prefixes are routed, not /api/v1/admin as a whole
        given().header("Authorization", citizen).get("/api/v1/admin/other").then().statusCode(404);
    }

    @Test
    void refusesIntegratorKeysWithoutATokenWithoutTouchingTheService() {
        String path = "/api/v1/admin/integrator-keys?n=" + UUID.randomUUID();
        given().get(path)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:unauthorized"));
        assertThat(APPEALS.seen()).doesNotContain(path);
    }

    @Test
    void passesTheBodyTheMethodAndTheTokenOn() {
        JsonPath echo = given().header("Authorization", citizen).contentType(ContentType.JSON)
                .body("{\"description\":\"Яма на дороге\"}")
                .post("/api/v1/appeals")
                .then().statusCode(200).extract().jsonPath();
        assertThat(echo.getString("method")).isEqualTo("POST");
        assertThat(echo.getString("authorization")).isEqualTo(citizen);
        assertThat(echo.getLong("bodyLength")).isEqualTo("{\"description\":\"Яма на дороге\"}".getBytes().length);
        assertThat(echo.getString("forwardedFor")).isNotBlank();
    }

    @Test
    void answersAnUnknownApiPathWithProblemJson() {
        given().header("Authorization", citizen).get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:not-found"))
                .body("instance", equalTo("/api/v1/no-such-thing"))
                .body("requestId", notNullValue());
        // a longer sibling of an owned prefix is not owned
        given().header("Authorization", citizen).get("/api/v1/appealsx").then().statusCode(404);
    }

    @Test
    void refusesDotSegmentsThatWouldLeaveAPublicPrefix() {
        String path = "/api/v1/categories/%2E%2E/appeals";
        given().urlEncodingEnabled(false).get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:non-canonical-path"));
        assertThat(APPEALS.seen()).noneMatch(uri -> uri.contains("%2E"));
    }

    @Test
    void refusesAMissingTokenWithoutTouchingTheService() {
        String path = "/api/v1/appeals/" + UUID.randomUUID();
        given().get(path)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:spb-feedback:problem:unauthorized"));
        assertThat(APPEALS.seen()).doesNotContain(path);
    }

    @Test
    void refusesAnExpiredTokenWithoutTouchingTheService() {
        String path = "/api/v1/notifications/" + UUID.randomUUID();
        given().header("Authorization", "Bearer " + SignedTokens.expired("late")).get(path)
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(NOTIFICATION.seen()).doesNotContain(path);
    }

    @Test
    void refusesABadTokenWithoutTouchingTheService() throws Exception {
        String path = "/api/v1/routing-rules/" + UUID.randomUUID();
        given().header("Authorization", "Bearer not-a-jwt").get(path).then().statusCode(401);
        given().header("Authorization", "Bearer " + SignedTokens.foreign("mallory")).get(path).then().statusCode(401);
        // a bad token is refused on a public path too: the services would refuse it as well
        given().header("Authorization", "Bearer not-a-jwt").get("/api/v1/districts?x=" + path).then().statusCode(401);
        assertThat(ROUTING.seen()).noneMatch(uri -> uri.contains(path));
    }

    @Test
    void letsPublicReadsThroughWithoutAToken() {
        given().get("/api/v1/categories").then().statusCode(200).body("upstream", equalTo("appeals"));
        given().get("/api/v1/municipalities/at?lat=59.93&lon=30.31").then().statusCode(200).body("upstream", equalTo("routing"));
        given().get("/api/v1/calendar/due-date?workingDays=5").then().statusCode(200);
        // but a write to the same resource needs a token
        given().contentType(ContentType.JSON).body("{}").patch("/api/v1/categories/roads").then().statusCode(401);
        given().get("/api/v1/calendar/other").then().statusCode(401);
    }

    @Test
    void passesAWellFormedRequestIdThrough() {
        String id = "trace-" + UUID.randomUUID();
        given().header("Authorization", citizen).header("X-Request-Id", id).get("/api/v1/appeals")
                .then().statusCode(200)
                .header("X-Request-Id", id)
                .body("requestId", equalTo(id));
    }

    @Test
    void makesARequestIdWhenNoneOrAMalformedOneIsGiven() {
        JsonPath echo = given().header("Authorization", citizen).get("/api/v1/appeals")
                .then().statusCode(200).extract().jsonPath();
        String given = echo.getString("requestId");
        assertThat(given).isNotBlank();

        String answered = given().header("Authorization", citizen).header("X-Request-Id", "bad id\twith spaces")
                .get("/api/v1/appeals").then().statusCode(200).extract().header("X-Request-Id");
        assertThat(answered).isNotBlank().doesNotContain(" ");
        // the gateway's own refusals carry one too
        given().get("/api/v1/appeals").then().statusCode(401).header("X-Request-Id", notNullValue());
    }

    @Test
    void logsEachRequestsPathButNotItsQuery() {
        // an Open311 key in the query is a secret, a point a citizen's location
        String requestId = "log-" + UUID.randomUUID();
        String secret = "spb311_" + UUID.randomUUID();
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger accessLog = Logger.getLogger("io.quarkus.http.access-log");
        accessLog.addHandler(handler);
        try {
            given().header("X-Request-Id", requestId).get("/open311/v2/requests.json?api_key=" + secret + "&lat=59.93")
                    .then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(line -> line.contains(requestId)));
        } finally {
            accessLog.removeHandler(handler);
        }
        assertThat(lines).filteredOn(line -> line.contains(requestId)).singleElement().asString()
                .startsWith("GET /open311/v2/requests.json 200 ")
                .doesNotContain(secret, "api_key", "lat=");
    }

    @Test
    void streamsALargeUploadIntact() {
        byte[] photo = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(photo);
        JsonPath echo = given().header("Authorization", citizen).contentType("application/octet-stream").body(photo)
                .post("/api/v1/uploads")
                .then().statusCode(200).extract().jsonPath();
        assertThat(echo.getString("upstream")).isEqualTo("appeals");
        assertThat(echo.getLong("bodyLength")).isEqualTo(photo.length);
        assertThat(echo.getString("bodySha256")).isEqualTo(TestUpstreams.hex(Buffer.buffer(photo)));
    }

    @Test
    void refusesABodyOverTheLimitWithoutTouchingTheService() {
        byte[] tooBig = new byte[7 * 1024 * 1024];
        String path = "/api/v1/uploads?n=" + UUID.randomUUID();
        given().header("Authorization", citizen).contentType("application/octet-stream").body(tooBig)
                .post(path)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:request-too-large"));
        assertThat(APPEALS.seen()).doesNotContain(path);
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void streamsABodyOfUnknownLengthIntact(HttpClient.Version version) throws Exception {
        // no Content-Length: chunked over HTTP/1.1, plain DATA frames over HTTP/2
        byte[] photo = new byte[3 * 1024 * 1024];
        new Random(11).nextBytes(photo);
        HttpResponse<String> answer = HttpClient.newBuilder().version(version).build()
                .send(unknownLengthUpload("/api/v1/uploads", photo), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonPath echo = new JsonPath(answer.body());
        assertThat(echo.getLong("bodyLength")).isEqualTo(photo.length);
        assertThat(echo.getString("bodySha256")).isEqualTo(TestUpstreams.hex(Buffer.buffer(photo)));
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void cutsOffABodyOfUnknownLengthOnceItPassesTheLimit(HttpClient.Version version) throws Exception {
        // the gateway can only count while the body streams through
        byte[] tooBig = new byte[7 * 1024 * 1024];
        String path = "/api/v1/uploads?n=" + UUID.randomUUID();
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().version(version).build()
                    .send(unknownLengthUpload(path, tooBig), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        } catch (IOException closedWhileSending) {
            // the gateway may close the connection before the client has read the 413: refused either way
        }
        // the service saw the request start but never got the whole body
        assertThat(APPEALS.seen()).contains(path);
        assertThat(APPEALS.completed()).doesNotContain(path);
    }

    private HttpRequest unknownLengthUpload(String path, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", citizen).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
    }

    @Test
    void answers503QuicklyWhenTheServiceIsDown() {
        long started = System.nanoTime();
        given().header("Authorization", citizen).get("/api/v1/test-down/anything")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:upstream-unavailable"));
        // an upper bound against hanging, not a speed target
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }

    private void assertRoutedTo(String pathAndQuery, String upstream) {
        given().header("Authorization", citizen).get(pathAndQuery)
                .then().statusCode(200)
                .body("upstream", equalTo(upstream))
                .body("uri", equalTo(pathAndQuery));
    }
}
