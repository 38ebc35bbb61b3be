package ru.spb.feedback.appeals.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.AppealFixtures;
import ru.spb.feedback.contracts.AppealAuthorErased;
import ru.spb.feedback.contracts.AppealSupportWithdrawn;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.EventHeaders;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicReader;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** DELETE /api/v1/account: the appeals stay, nothing names the citizen any more, one event per appeal. */
@QuarkusTest
class AccountDeletionTest {

    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theAppealsStayButNoLongerNameTheCitizenAndEachIsAnnouncedOnce() {
        String subject = "citizen-" + UUID.randomUUID();
        String token = TestTokens.citizen(subject, subject + "@example.org", "Анна Смирнова");
        List<String> ids = List.of(
                AppealFixtures.submit(token, AppealFixtures.validBody()).statusCode(201).extract().path("id"),
                AppealFixtures.submit(token, AppealFixtures.validBody()).statusCode(201).extract().path("id"));
        String others = AppealFixtures.submit(AppealFixtures.newCitizen(), AppealFixtures.validBody()).statusCode(201).extract().path("id");
        given().auth().oauth2(token).post("/api/v1/appeals/" + others + "/support").then().statusCode(200).body("supporters", equalTo(1));

        given().auth().oauth2(token).delete("/api/v1/account").then().statusCode(204);

        for (String id : ids) {
            Appeal appeal = load(id);
            assertThat(appeal.citizenId).startsWith("erased:").doesNotContain(subject);
            assertThat(appeal.contactEmail).isNull();
            assertThat(appeal.contactName).isNull();
            assertThat(appeal.description).isEqualTo("Во дворе поставили бетонные блоки, не проехать скорой");
            long audit = QuarkusTransaction.requiringNew().call(() -> Appeal.getEntityManager()
                    .createQuery("select count(c) from AppealStatusChange c where c.actorId = :subject", Long.class)
                    .setParameter("subject", subject).getSingleResult());
            assertThat(audit).isZero();
        }
        assertThat(load(ids.get(0)).citizenId).isNotEqualTo(load(ids.get(1)).citizenId);
        // a new token of the same subject sees nothing of what was theirs
        String again = TestTokens.citizen(subject, subject + "@example.org", "Анна Смирнова");
        given().auth().oauth2(again).get("/api/v1/appeals").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(again).get("/api/v1/appeals/" + ids.get(0)).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(again).get("/api/v1/appeals/supported").then().statusCode(200).body("items", hasSize(0));
        // the support is withdrawn, announced, so notification-service stops telling them
        given().auth().oauth2(TestTokens.moderator("moderator-1")).get("/api/v1/moderator/appeals/" + others)
                .then().statusCode(200).body("supporters", equalTo(0));
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            EventEnvelope withdrawn = EventCodec.decode(reader.await(record -> others.equals(record.key())
                    && "AppealSupportWithdrawn".equals(TopicReader.header(record, EventHeaders.EVENT_TYPE)), 1, Duration.ofSeconds(20))
                    .get(0).value());
            assertThat(withdrawn.payloadAs(AppealSupportWithdrawn.class).supporterId()).isEqualTo(subject);
            assertThat(withdrawn.payloadAs(AppealSupportWithdrawn.class).supporters()).isZero();
        }

        Predicate<ConsumerRecord<String, byte[]>> erased = record -> ids.contains(record.key())
                && "AppealAuthorErased".equals(TopicReader.header(record, EventHeaders.EVENT_TYPE));
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            List<EventEnvelope> events = reader.await(erased, 2, Duration.ofSeconds(20)).stream()
                    .map(record -> EventCodec.decode(record.value())).toList();
            assertThat(events).extracting(EventEnvelope::appealId).extracting(UUID::toString).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(events).extracting(EventEnvelope::citizenId).containsOnly(subject);
            assertThat(events).allSatisfy(event -> assertThat(event.payloadAs(AppealAuthorErased.class).erasedAt()).isNotNull());
            assertThat(events.get(0).citizenVisible()).isFalse();

            // idempotent: a second deletion answers the same and announces nothing
            given().auth().oauth2(again).delete("/api/v1/account").then().statusCode(204);
            assertThatThrownBy(() -> reader.await(erased, 3, Duration.ofSeconds(3))).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void aCitizenWithoutAppealsGetsA204Too() {
        given().auth().oauth2(AppealFixtures.newCitizen()).delete("/api/v1/account").then().statusCode(204);
    }

    @Test
    void onlyACitizenDeletesTheirAccount() {
        given().delete("/api/v1/account").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.officer("officer-1", "1123300")).delete("/api/v1/account")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.moderator("moderator-1")).delete("/api/v1/account")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(AppealFixtures.newCitizen()).get("/api/v1/account").then().statusCode(405);
    }

    private static Appeal load(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Appeal.<Appeal>findById(UUID.fromString(id)));
    }
}
