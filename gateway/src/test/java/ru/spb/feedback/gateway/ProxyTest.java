package ru.spb.feedback.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
    }

    @Test
    void sendsOpen311ToAppealsWithoutAToken() {
        given().get("/open311/v2/services.json?api_key=k1")
                .then().statusCode(200)
                .body("upstream", equalTo("appeals"))
                .body("uri", equalTo("/open311/v2/services.json?api_key=k1"));
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
