package ru.spb.feedback.appeals.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.AppealFixtures;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.EventHeaders;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicReader;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

/** The retention job, with a period of seconds: finished appeals lose their personal data, open ones keep it. */
@QuarkusTest
@TestProfile(RetentionTest.ShortRetention.class)
class RetentionTest {

    public static class ShortRetention implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("appeals.retention.after-finished", "PT4S", "appeals.retention.check-interval", "PT0.5S");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aFinishedAppealLosesItsPersonalDataAfterThePeriodAndAnOpenOneKeepsIt() {
        String subject = "citizen-" + UUID.randomUUID();
        String token = TestTokens.citizen(subject, subject + "@example.org", "Анна Смирнова");
        String body = """
                {"categoryCode": "%s", "description": "Иван Петров, кв. 12: у подъезда сломана скамейка",
                 "location": {"lat": 59.93754, "lon": 30.30849}, "address": "ул. Садовая, д. 5, кв. 12"}"""
                .formatted(AppealFixtures.FURNITURE_PROPOSAL);
        String finished = AppealFixtures.submit(token, body).statusCode(201).extract().path("id");
        String open = AppealFixtures.submit(token, body).statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            Appeal appeal = Appeal.findById(UUID.fromString(finished));
            appeal.status = AppealStatus.CLOSED;
            appeal.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Appeal.getEntityManager().createNativeQuery("""
                            insert into appeal_answer (appeal_id, organization_code, organization_name, officer_id, text, answered_at)
                            values (:appeal, '1123300', 'МА МО Адмиралтейский округ', 'officer-1', 'Уважаемый Иван Петрович, скамейку починили', now())""")
                    .setParameter("appeal", appeal.id).executeUpdate();
            Appeal.getEntityManager().createNativeQuery("""
                            insert into appeal_feedback (appeal_id, rating, satisfied, comment, given_at)
                            values (:appeal, 5, true, 'Спасибо, звоните 555-01-01', now())""")
                    .setParameter("appeal", appeal.id).executeUpdate();
        });

        // within the period nothing changes
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> load(finished).personalDataErasedAt == null);
        assertThat(load(finished).contactEmail).isEqualTo(subject + "@example.org");

        await().atMost(Duration.ofSeconds(20)).until(() -> load(finished).personalDataErasedAt != null);
        Appeal erased = load(finished);
        assertThat(erased.citizenId).startsWith("erased:");
        assertThat(erased.contactEmail).isNull();
        assertThat(erased.contactName).isNull();
        assertThat(erased.description).isEqualTo(Retention.REMOVED);
        assertThat(erased.address).isEqualTo("ул. Садовая");
        assertThat(erased.lat).isEqualTo(59.938);
        assertThat(erased.lon).isEqualTo(30.308);
        assertThat(erased.status).isEqualTo(AppealStatus.CLOSED);
        assertThat(erased.number).isNotBlank();
        String texts = QuarkusTransaction.requiringNew().call(() -> Appeal.getEntityManager().createNativeQuery("""
                        select string_agg(coalesce(x, '<null>'), '|') from (
                            select text as x from appeal_answer where appeal_id = :appeal
                            union all select comment from appeal_feedback where appeal_id = :appeal
                            union all select note from appeal_status_change where appeal_id = :appeal
                            union all select actor_id from appeal_status_change where appeal_id = :appeal) t""")
                .setParameter("appeal", erased.id).getSingleResult()).toString();
        assertThat(texts).contains(Retention.REMOVED).doesNotContain("Иван", "555-01-01", subject);

        Appeal kept = load(open);
        assertThat(kept.personalDataErasedAt).isNull();
        assertThat(kept.citizenId).isEqualTo(subject);
        assertThat(kept.description).startsWith("Иван Петров");
        assertThat(kept.address).isEqualTo("ул. Садовая, д. 5, кв. 12");
        given().auth().oauth2(token).get("/api/v1/appeals").then().statusCode(200).body("items", hasSize(1));

        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            EventEnvelope event = EventCodec.decode(reader.await(record -> finished.equals(record.key())
                    && "AppealAuthorErased".equals(TopicReader.header(record, EventHeaders.EVENT_TYPE)), 1, Duration.ofSeconds(20)).get(0).value());
            assertThat(event.citizenId()).isEqualTo(subject);
        }
    }

    private static Appeal load(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Appeal.<Appeal>findById(UUID.fromString(id)));
    }
}
