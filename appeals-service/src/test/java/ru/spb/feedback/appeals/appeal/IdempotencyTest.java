package ru.spb.feedback.appeals.appeal;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TopicReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.validBody;

@QuarkusTest
class IdempotencyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheSameAppealAndNoSecondEvent() throws Exception {
        String token = newCitizen();
        String key = UUID.randomUUID().toString();

        String id = post(token, key, validBody()).statusCode(201).extract().path("id");
        post(token, key, validBody().replace(", \"address\"", ",\n  \"address\""))
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));

        given().auth().oauth2(token).when().get("/api/v1/appeals").then().body("totalItems", equalTo(1));
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            reader.await(record -> id.equals(record.key()), 1, Duration.ofSeconds(20));
            // a wrongly duplicated event would follow within a few relay passes
            reader.assertNothingMore(record -> id.equals(record.key()), Duration.ofSeconds(3));
            assertThat(reader.seen().stream().filter(record -> id.equals(record.key()))).hasSize(1);
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String token = newCitizen();
        String key = UUID.randomUUID().toString();
        post(token, key, validBody()).statusCode(201);

        post(token, key, validBody().replace("не проехать скорой", "не проехать пожарным"))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:spb-feedback:problem:idempotency-key-reused"));
        given().auth().oauth2(token).when().get("/api/v1/appeals").then().body("totalItems", equalTo(1));
    }

    @Test
    void keysOfDifferentCitizensAreIndependent() {
        String key = UUID.randomUUID().toString();
        String first = post(newCitizen(), key, validBody()).statusCode(201).extract().path("id");
        String second = post(newCitizen(), key, validBody()).statusCode(201).extract().path("id");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aKeyUsedByARejectedRequestCanBeUsedAgain() {
        String token = newCitizen();
        String key = UUID.randomUUID().toString();
        post(token, key, validBody().replace("\"" + AppealFixtures.FURNITURE_PROPOSAL + "\"", "\"999999\"")).statusCode(400);
        post(token, key, validBody()).statusCode(201);
    }

    @Test
    void concurrentRetriesCreateOneAppeal() throws Exception {
        String token = newCitizen();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<String>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> post(token, key, validBody()).statusCode(201).extract().<String>path("id"), pool));
            }
            List<String> ids = calls.stream().map(CompletableFuture::join).distinct().toList();
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(token).when().get("/api/v1/appeals").then().body("totalItems", equalTo(1));
    }

    private static ValidatableResponse post(String token, String key, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/appeals").then();
    }
}
