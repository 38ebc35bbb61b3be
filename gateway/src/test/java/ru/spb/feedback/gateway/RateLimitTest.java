package ru.spb.feedback.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Small buckets that refill slowly, so a burst runs out. Client addresses come from X-Forwarded-For (the
 * test client is a trusted proxy), so each test has addresses of its own.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBuckets.class)
class RateLimitTest {

    public static class SmallBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("gateway.rate-limit.read.capacity", "3"),
                    Map.entry("gateway.rate-limit.read.refill-per-minute", "1"),
                    Map.entry("gateway.rate-limit.write.capacity", "2"),
                    Map.entry("gateway.rate-limit.write.refill-per-minute", "1"),
                    Map.entry("gateway.rate-limit.anonymous.capacity", "4"),
                    Map.entry("gateway.rate-limit.anonymous.refill-per-minute", "1"),
                    Map.entry("gateway.rate-limit.per-ip.capacity", "10"),
                    Map.entry("gateway.rate-limit.per-ip.refill-per-minute", "1"),
                    Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                    Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                    Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1"));
        }
    }

    @Test
    void limitsReadsPerSubjectAndLeavesOtherSubjectsAlone() {
        String ip = "203.0.113.10";
        String busy = "Bearer " + SignedTokens.citizen("busy-" + UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", ip).header("Authorization", busy).get("/api/v1/appeals").then().statusCode(200);
        }
        String retryAfter = given().header("X-Forwarded-For", ip).header("Authorization", busy).get("/api/v1/appeals")
                .then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:rate-limited"))
                .extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);

        String calm = "Bearer " + SignedTokens.citizen("calm-" + UUID.randomUUID());
        given().header("X-Forwarded-For", ip).header("Authorization", calm).get("/api/v1/appeals").then().statusCode(200);
        // writes have their own bucket
        given().header("X-Forwarded-For", ip).header("Authorization", busy).post("/api/v1/appeals").then().statusCode(200);
    }

    @Test
    void limitsAnonymousRequestsPerClientAddress() {
        for (int i = 0; i < 4; i++) {
            given().header("X-Forwarded-For", "203.0.113.20").get("/api/v1/categories").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.20").get("/api/v1/categories")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().header("X-Forwarded-For", "203.0.113.21").get("/api/v1/categories").then().statusCode(200);
    }

    @Test
    void limitsEveryRequestPerClientAddressWhateverTheSubject() {
        String ip = "203.0.113.30";
        for (int i = 0; i < 10; i++) {
            String fresh = "Bearer " + SignedTokens.citizen("crowd-" + UUID.randomUUID());
            given().header("X-Forwarded-For", ip).header("Authorization", fresh).get("/api/v1/appeals").then().statusCode(200);
        }
        String another = "Bearer " + SignedTokens.citizen("crowd-" + UUID.randomUUID());
        given().header("X-Forwarded-For", ip).header("Authorization", another).get("/api/v1/appeals")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // a bad token from that address is refused by the limit before the token is even looked at
        given().header("X-Forwarded-For", ip).header("Authorization", "Bearer guess").get("/api/v1/appeals")
                .then().statusCode(429);
    }

    /** The headers every answer carries (IETF RateLimit fields), for the caller's own bucket: the read one here. */
    @Test
    void everyAnswerSaysTheAllowanceLeft() {
        String ip = "203.0.113.40";
        String citizen = "Bearer " + SignedTokens.citizen("counted-" + UUID.randomUUID());
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("X-Forwarded-For", ip).header("Authorization", citizen).get("/api/v1/appeals")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", equalTo("3"))
                    .header("RateLimit-Remaining", equalTo(Integer.toString(remaining)))
                    .header("RateLimit-Reset", org.hamcrest.Matchers.notNullValue());
        }
        String reset = given().header("X-Forwarded-For", ip).header("Authorization", citizen).get("/api/v1/appeals")
                .then().statusCode(429)
                .header("RateLimit-Limit", equalTo("3"))
                .header("RateLimit-Remaining", equalTo("0"))
                .extract().header("RateLimit-Reset");
        // empty, the bucket of 3 refills one a minute: full again within three minutes
        assertThat(Long.parseLong(reset)).isBetween(1L, 180L);
    }
}
