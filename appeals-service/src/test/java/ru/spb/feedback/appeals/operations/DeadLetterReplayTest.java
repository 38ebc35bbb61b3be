package ru.spb.feedback.appeals.operations;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicWriter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static ru.spb.feedback.appeals.appeal.AppealFixtures.routedToAdmiralteysky;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.validBody;

/**
 * A routing decision for an appeal this service does not have goes through the real consumer to
 * {@code dead-letter.appeals-service}; an admin lists it, the appeal is restored, the admin
 * replays the record and the consumer routes the appeal. Every error answer of the endpoints.
 */
@QuarkusTest
class DeadLetterReplayTest {

    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";
    private static final String TOPIC = Topics.deadLetter("appeals-service");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TopicWriter writer() {
        return TopicWriter.on(bootstrapServers);
    }

    @Test
    void aDeadLetterIsListedAndReplayedOnceItsCauseIsFixed() {
        String citizen = newCitizen();
        String kept = submit(citizen, validBody()).statusCode(201).extract().path("id");
        String missing = UUID.randomUUID().toString();
        EventEnvelope decision = routedToAdmiralteysky(missing, Instant.parse("2027-01-18T20:59:59Z"));
        writer().send(Topics.ROUTING_EVENTS, decision);

        String admin = "admin-" + UUID.randomUUID();
        String adminToken = TestTokens.admin(admin);
        Map<String, Object> letter = await().atMost(Duration.ofSeconds(20))
                .until(() -> findLetter(adminToken, missing), Optional::isPresent).orElseThrow();
        assertThat(letter).containsEntry("eventType", "RoutingDecided")
                .containsEntry("eventId", decision.eventId().toString())
                .containsEntry("originalTopic", Topics.ROUTING_EVENTS)
                .containsEntry("consumer", "appeals-service")
                .containsEntry("errorClass", "ru.spb.feedback.contracts.MalformedEventException")
                .containsEntry("replayed", false);
        assertThat((String) letter.get("error")).contains("unknown appeal " + missing);
        assertThat(letter.get("failedAt")).isNotNull();
        assertThat(letter.get("originalPartition")).isNotNull();
        assertThat(letter.get("originalOffset")).isNotNull();
        assertThat(letter.get("replay")).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) letter.get("payload");
        assertThat(payload).containsEntry("appealId", missing).containsEntry("eventType", "RoutingDecided");
        int partition = (Integer) letter.get("partition");
        long offset = ((Number) letter.get("offset")).longValue();

        given().auth().oauth2(adminToken).when().get(DEAD_LETTERS)
                .then().statusCode(200)
                .body("topic", hasItem(TOPIC))
                .body("find { it.topic == '" + TOPIC + "' }.consumer", equalTo("appeals-service"));
        assertThat(((Number) given().auth().oauth2(adminToken).when().get(DEAD_LETTERS).then().extract()
                .path("find { it.topic == '" + TOPIC + "' }.messages")).longValue()).isPositive();

        // the fix: the appeal comes back (as if restored from a backup), under the id routing decided on
        restoreAs(kept, missing);
        String replayPath = DEAD_LETTERS + "/" + TOPIC + "/messages/" + partition + "/" + offset + "/replay";
        given().auth().oauth2(adminToken).when().post(replayPath)
                .then().statusCode(200)
                .body("replayedTo", equalTo(Topics.ROUTING_EVENTS))
                .body("eventId", equalTo(decision.eventId().toString()))
                .body("replayedBy", equalTo(admin))
                .body("forced", equalTo(false))
                .body("replays", equalTo(1));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(citizen)
                .when().get("/api/v1/appeals/" + missing).then().statusCode(200).body("status", equalTo("ROUTED")));
        assertThat(count("select count(*) from processed_event where consumer = 'appeals-service' and event_id = :id",
                decision.eventId())).isEqualTo(1);
        assertThat(count("select count(*) from dead_letter_replay where topic = :id and replayed_by = '" + admin + "'",
                TOPIC)).isEqualTo(1);
        Map<String, Object> replayed = findLetter(adminToken, missing).orElseThrow();
        assertThat(replayed).containsEntry("replayed", true);
        assertThat(replayed.get("replay")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("replays", 1).containsEntry("lastReplayedBy", admin);

        problem(given().auth().oauth2(adminToken).when().post(replayPath), 409)
                .body("type", equalTo("urn:spb-feedback:problem:dead-letter-already-replayed"));

        // a forced repeat reaches the consumer, which already handled the event: nothing changes twice
        double duplicates = metric("events_consumed_total{consumer=\"appeals-service\",outcome=\"duplicate\"");
        given().auth().oauth2(adminToken).queryParam("force", "true").when().post(replayPath)
                .then().statusCode(200).body("forced", equalTo(true)).body("replays", equalTo(2));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                metric("events_consumed_total{consumer=\"appeals-service\",outcome=\"duplicate\"") > duplicates);
        given().auth().oauth2(citizen).when().get("/api/v1/appeals/" + missing + "/history")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].to", equalTo("ROUTED"));
    }

    @Test
    void aRecordThatDoesNotSayWhereItCameFromIsNotReplayed() {
        String topic = Topics.deadLetter("ops-test-" + UUID.randomUUID());
        writer().sendRaw(topic, "some-key", "not json at all".getBytes(StandardCharsets.UTF_8));
        String admin = TestTokens.admin("admin-" + UUID.randomUUID());

        ValidatableResponse page = given().auth().oauth2(admin).when().get(DEAD_LETTERS + "/" + topic + "/messages")
                .then().statusCode(200);
        page.body("topic", equalTo(topic))
                .body("messages.size()", equalTo(1))
                .body("messages[0].key", equalTo("some-key"))
                .body("messages[0].rawValue", equalTo("not json at all"))
                .body("messages[0].originalTopic", equalTo(null));
        int partition = page.extract().path("messages[0].partition");
        int offset = page.extract().path("messages[0].offset");

        problem(given().auth().oauth2(admin).when()
                .post(DEAD_LETTERS + "/" + topic + "/messages/" + partition + "/" + offset + "/replay"), 422)
                .body("type", equalTo("urn:spb-feedback:problem:dead-letter-not-replayable"));
        assertThat(count("select count(*) from dead_letter_replay where topic = :id", topic)).isZero();
    }

    @Test
    void pagesThroughOnePartitionFromAnOffset() {
        String topic = Topics.deadLetter("ops-test-" + UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            writer().sendRaw(topic, "same-key", ("record " + i).getBytes(StandardCharsets.UTF_8));
        }
        String admin = TestTokens.admin("admin-" + UUID.randomUUID());
        int partition = given().auth().oauth2(admin).when().get(DEAD_LETTERS + "/" + topic + "/messages")
                .then().statusCode(200).body("messages.size()", equalTo(5)).extract().path("messages[0].partition");

        given().auth().oauth2(admin).queryParam("partition", partition).queryParam("from", 2).queryParam("limit", 2)
                .when().get(DEAD_LETTERS + "/" + topic + "/messages")
                .then().statusCode(200)
                .body("messages.rawValue", equalTo(List.of("record 2", "record 3")))
                .body("partitions.size()", equalTo(1))
                .body("partitions[0].endOffset", equalTo(5));
        given().auth().oauth2(admin).when().get(DEAD_LETTERS)
                .then().statusCode(200).body("find { it.topic == '" + topic + "' }.messages", equalTo(5));
    }

    @Test
    void answersEveryErrorAsAProblem() {
        String topic = Topics.deadLetter("ops-test-" + UUID.randomUUID());
        writer().sendRaw(topic, "k", "x".getBytes(StandardCharsets.UTF_8));
        String admin = TestTokens.admin("admin-" + UUID.randomUUID());
        String messages = DEAD_LETTERS + "/" + topic + "/messages";
        String replay = messages + "/0/0/replay";

        for (String path : List.of(DEAD_LETTERS, messages)) {
            problem(given().when().get(path), 401);
            problem(given().auth().oauth2(TestTokens.moderator("m-1")).when().get(path), 403);
            problem(given().auth().oauth2(newCitizen()).when().get(path), 403);
        }
        problem(given().when().post(replay), 401);
        problem(given().auth().oauth2(TestTokens.moderator("m-1")).when().post(replay), 403);

        // only dead-letter topics can be named, whatever exists on the broker
        for (String notDeadLetter : List.of(Topics.ROUTING_EVENTS, Topics.APPEAL_EVENTS, "dead-letter.", "dead-letter.a b")) {
            problem(given().auth().oauth2(admin).when().get(DEAD_LETTERS + "/" + notDeadLetter + "/messages"), 404);
            problem(given().auth().oauth2(admin).when().post(DEAD_LETTERS + "/" + notDeadLetter + "/messages/0/0/replay"), 404);
        }
        problem(given().auth().oauth2(admin).when().get(DEAD_LETTERS + "/dead-letter.nobody-" + UUID.randomUUID() + "/messages"), 404);
        problem(given().auth().oauth2(admin).when()
                .post(DEAD_LETTERS + "/dead-letter.nobody-" + UUID.randomUUID() + "/messages/0/0/replay"), 404);

        // partitions and offsets the topic does not have
        problem(given().auth().oauth2(admin).queryParam("partition", 99).when().get(messages), 404);
        problem(given().auth().oauth2(admin).when().post(messages + "/99/0/replay"), 404);
        problem(given().auth().oauth2(admin).when().post(messages + "/0/1000000/replay"), 404);

        // not numbers, or out of range
        for (Map.Entry<String, String> bad : List.of(Map.entry("partition", "abc"), Map.entry("partition", "-1"),
                Map.entry("from", "-5"), Map.entry("from", "x"), Map.entry("limit", "0"), Map.entry("limit", "501"),
                Map.entry("limit", "ten"))) {
            problem(given().auth().oauth2(admin).queryParam(bad.getKey(), bad.getValue()).when().get(messages), 400)
                    .body("violations[0].field", equalTo(bad.getKey()));
        }
        problem(given().auth().oauth2(admin).when().post(messages + "/abc/0/replay"), 400)
                .body("violations[0].field", equalTo("partition"));
        problem(given().auth().oauth2(admin).when().post(messages + "/0/-1/replay"), 400)
                .body("violations[0].field", equalTo("offset"));
        problem(given().auth().oauth2(admin).queryParam("force", "maybe").when().post(messages + "/0/0/replay"), 400)
                .body("violations[0].field", equalTo("force"));
    }

    private static ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status));
    }

    /** The dead letter keyed by the appeal id, read through the admin endpoint. */
    private static Optional<Map<String, Object>> findLetter(String adminToken, String key) {
        ValidatableResponse response = given().auth().oauth2(adminToken).queryParam("limit", 500)
                .when().get(DEAD_LETTERS + "/" + TOPIC + "/messages").then();
        int status = response.extract().statusCode();
        if (status == 404) {
            return Optional.empty(); // the topic is created by the first dead letter
        }
        List<Map<String, Object>> messages = response.statusCode(200).extract().path("messages");
        return messages.stream().filter(message -> key.equals(message.get("key"))).findFirst();
    }

    /** Puts a copy of one appeal back under another id and number. */
    private static void restoreAs(String existing, String id) {
        QuarkusTransaction.requiringNew().run(() -> {
            var entityManager = Appeal.getEntityManager();
            entityManager.createNativeQuery("create temp table restored on commit drop as select * from appeal where id = :id")
                    .setParameter("id", UUID.fromString(existing)).executeUpdate();
            entityManager.createNativeQuery("update restored set id = :id, number = :number")
                    .setParameter("id", UUID.fromString(id)).setParameter("number", "SPB-R-" + id.substring(0, 8)).executeUpdate();
            entityManager.createNativeQuery("insert into appeal select * from restored").executeUpdate();
        });
    }

    private static long count(String sql, Object id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Appeal.getEntityManager().createNativeQuery(sql)
                .setParameter("id", id).getSingleResult()).longValue());
    }

    private static double metric(String prefix) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

}
