package ru.spb.feedback.appeals.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealAnswered;
import ru.spb.feedback.contracts.AppealCategoryChanged;
import ru.spb.feedback.contracts.AppealClosed;
import ru.spb.feedback.contracts.AppealDeadlineExtended;
import ru.spb.feedback.contracts.AppealDeadlineSet;
import ru.spb.feedback.contracts.AppealRejected;
import ru.spb.feedback.contracts.AppealReopened;
import ru.spb.feedback.contracts.AppealRerouteRequested;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.AppealWithdrawn;
import ru.spb.feedback.contracts.DeadlineDecided;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicReader;
import ru.spb.feedback.testsupport.TopicWriter;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.ORG;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.inStatus;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.load;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.moderator;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.officer;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.post;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.routed;

/** The people's steps with their effects: history, events, deadlines, and each step's bad input. */
@QuarkusTest
class AppealLifecycleTest {

    private static final String OFFICER_APPEALS = "/api/v1/officer/appeals/";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TopicWriter writer() {
        return TopicWriter.on(bootstrapServers);
    }

    @Test
    void acceptAnswerReopenAnswerAndCloseWithEveryStepRecordedAndPublished() {
        String citizen = newCitizen();
        String officer = officer();
        String id = routed(writer(), citizen, Instant.now().plus(9, ChronoUnit.DAYS));

        post(officer, OFFICER_APPEALS + id + "/accept", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        post(officer, OFFICER_APPEALS + id + "/answer", """
                {"text": "Блоки убраны"}""").statusCode(200).body("status", equalTo("ANSWERED"))
                .body("answers", hasSize(1)).body("answers[0].text", equalTo("Блоки убраны"));
        given().auth().oauth2(citizen).get("/api/v1/appeals/" + id).then()
                .body("actions", org.hamcrest.Matchers.containsInAnyOrder("CLOSE_SATISFIED", "REOPEN"));

        // routing-service owns deadlines: the old one goes, and the appeal has none until routing counts the new one
        post(citizen, "/api/v1/appeals/" + id + "/feedback", """
                {"rating": 2, "satisfied": false, "comment": "Блоки на месте"}""")
                .statusCode(200).body("status", equalTo("REOPENED")).body("organization.code", equalTo(ORG))
                .body("feedback.rating", equalTo(2)).body("dueAt", nullValue()).body("overdue", equalTo(false));
        given().auth().oauth2(officer).get(OFFICER_APPEALS).then().body("items.id", hasItem(id));

        post(officer, OFFICER_APPEALS + id + "/accept", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        post(officer, OFFICER_APPEALS + id + "/answer", """
                {"text": "Блоки вывезены окончательно"}""").statusCode(200).body("answers", hasSize(2));
        post(citizen, "/api/v1/appeals/" + id + "/feedback", """
                {"rating": 5, "satisfied": true}""").statusCode(200).body("status", equalTo("CLOSED"))
                .body("actions", hasSize(0));

        given().auth().oauth2(citizen).get("/api/v1/appeals/" + id + "/history").then()
                .body("to", contains("REGISTERED", "ROUTED", "IN_PROGRESS", "ANSWERED", "REOPENED", "IN_PROGRESS", "ANSWERED", "CLOSED"))
                .body("action", contains(null, "ROUTE", "ACCEPT", "ANSWER", "REOPEN", "ACCEPT", "ANSWER", "CLOSE_SATISFIED"))
                .body("actorRole", contains("citizen", "system", "officer", "officer", "citizen", "officer", "officer", "citizen"));

        List<EventEnvelope> events = events(id, 8);
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly("AppealRegistered", "AppealRouted",
                "AppealAccepted", "AppealAnswered", "AppealReopened", "AppealAccepted", "AppealAnswered", "AppealClosed");
        assertThat(events.get(3).payloadAs(AppealAnswered.class).text()).isEqualTo("Блоки убраны");
        assertThat(events.get(4).payloadAs(AppealReopened.class)).isEqualTo(new AppealReopened(ORG, 2));
        assertThat(events.get(4).payload().has("dueAt")).isFalse();
        assertThat(events.get(7).payloadAs(AppealClosed.class))
                .isEqualTo(new AppealClosed(AppealClosed.Resolution.SATISFIED, 5));
        assertThat(events).allMatch(EventEnvelope::citizenVisible);
    }

    @Test
    void aReopenedAppealTakesRoutingsDeadlineForItsLatestReopeningOnce() {
        String citizen = newCitizen();
        String officer = officer();
        String id = routed(writer(), citizen, Instant.now().plus(9, ChronoUnit.DAYS));
        post(officer, OFFICER_APPEALS + id + "/answer", """
                {"text": "Блоки убраны"}""").statusCode(200);
        post(citizen, "/api/v1/appeals/" + id + "/feedback", """
                {"rating": 1, "satisfied": false}""").statusCode(200).body("dueAt", nullValue());
        // in the queue meanwhile, last (no due date), and there is nothing to extend yet
        given().auth().oauth2(officer).get(OFFICER_APPEALS + id).then().statusCode(200)
                .body("actions", not(hasItem("EXTEND_DEADLINE")));
        EventEnvelope reopened = events(id, 4).get(3);
        assertThat(reopened.eventType()).isEqualTo("AppealReopened");

        Instant due = Instant.parse("2027-02-01T20:59:59Z");
        // counted from an earlier reopening: not this round's deadline
        writer().send(Topics.ROUTING_EVENTS, deadline(id, reopened.occurredAt().minusSeconds(60), due.minus(3, ChronoUnit.DAYS)));
        EventEnvelope decided = deadline(id, reopened.occurredAt(), due);
        writer().send(Topics.ROUTING_EVENTS, decided);
        writer().send(Topics.ROUTING_EVENTS, decided); // redelivered: the same event id

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(citizen).get("/api/v1/appeals/" + id)
                .then().body("dueAt", equalTo(due.toString())).body("status", equalTo("REOPENED")));
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            reader.await(r -> id.equals(r.key()), 5, Duration.ofSeconds(20));
            reader.assertNothingMore(r -> id.equals(r.key()), Duration.ofSeconds(3));
            var ofAppeal = reader.seen().stream().filter(r -> id.equals(r.key())).toList();
            // the earlier round's deadline and the redelivery published nothing
            assertThat(ofAppeal).hasSize(5);
            EventEnvelope set = EventCodec.decode(ofAppeal.get(4).value());
            assertThat(set.eventType()).isEqualTo("AppealDeadlineSet");
            assertThat(set.citizenVisible()).isTrue();
            assertThat(set.requestId()).isEqualTo(decided.requestId());
            assertThat(set.payloadAs(AppealDeadlineSet.class)).isEqualTo(new AppealDeadlineSet(due, DeadlineDecided.Reason.REOPENED));
        }
        given().auth().oauth2(citizen).get("/api/v1/appeals/" + id + "/history").then()
                .body("action", contains(null, "ROUTE", "ANSWER", "REOPEN", "SET_DEADLINE"))
                .body("[4].to", equalTo("REOPENED")).body("[4].actorRole", equalTo("system"));
        given().auth().oauth2(officer).get(OFFICER_APPEALS + id).then().body("actions", hasItem("EXTEND_DEADLINE"));

        // answered again before a (late) deadline arrives: it changes nothing
        post(officer, OFFICER_APPEALS + id + "/answer", """
                {"text": "Блоки вывезены"}""").statusCode(200);
        EventEnvelope late = deadline(id, reopened.occurredAt(), due.plus(5, ChronoUnit.DAYS));
        writer().send(Topics.ROUTING_EVENTS, late);
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(late.eventId()));
        given().auth().oauth2(citizen).get("/api/v1/appeals/" + id).then()
                .body("status", equalTo("ANSWERED")).body("dueAt", equalTo(due.toString()));
    }

    @Test
    void aDeclinedAppealLeavesTheQueueAndAsksRoutingAgain() {
        String officer = officer();
        String id = routed(writer(), newCitizen(), Instant.now().plus(9, ChronoUnit.DAYS));
        post(officer, OFFICER_APPEALS + id + "/decline", "{}").statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        post(officer, OFFICER_APPEALS + id + "/decline", """
                {"reason": "Проезжая часть, это ГБУ"}""").statusCode(200).body("status", equalTo("REROUTING"))
                .body("organization", nullValue());

        given().auth().oauth2(officer).get(OFFICER_APPEALS + id).then().statusCode(404);
        given().auth().oauth2(officer).get(OFFICER_APPEALS).then().body("items.id", not(hasItem(id)));
        AppealRerouteRequested request = events(id, 3).get(2).payloadAs(AppealRerouteRequested.class);
        assertThat(request).isEqualTo(new AppealRerouteRequested(ORG, ORG, "Проезжая часть, это ГБУ"));
    }

    @Test
    void aWrongProblemTypeIsCorrectedAndRoutedAgain() {
        String officer = officer();
        String id = inStatus(newCitizen(), AppealStatus.IN_PROGRESS);
        post(officer, OFFICER_APPEALS + id + "/change-category", """
                {"categoryCode": "no-such", "reason": "x"}""").statusCode(400).body("violations[0].field", equalTo("categoryCode"));
        post(officer, OFFICER_APPEALS + id + "/change-category", """
                {"categoryCode": "255", "reason": "x"}""").statusCode(400).body("violations[0].message", containsString("already"));
        post(officer, OFFICER_APPEALS + id + "/change-category", """
                {"categoryCode": "2"}""").statusCode(400).body("violations[0].field", equalTo("reason"));
        post(officer, OFFICER_APPEALS + id + "/change-category", """
                {"categoryCode": "2", "reason": "Речь о детской площадке"}""").statusCode(200)
                .body("status", equalTo("REROUTING")).body("category.code", equalTo("2"));

        AppealCategoryChanged changed = events(id, 2).get(1).payloadAs(AppealCategoryChanged.class);
        assertThat(changed.previous().code()).isEqualTo("255");
        assertThat(changed.category().code()).isEqualTo("2");
        assertThat(changed.category().publicCategory()).isTrue();
        assertThat(changed.deadlineWorkingDays()).isPositive();
        assertThat(changed.reason()).isEqualTo("Речь о детской площадке");
    }

    @Test
    void theDeadlineIsExtendedOnceByAtMostThirtyDaysWithAReason() {
        String officer = officer();
        String id = inStatus(newCitizen(), AppealStatus.IN_PROGRESS);
        Instant due = load(id).dueAt;
        post(officer, OFFICER_APPEALS + id + "/extend-deadline", """
                {"days": 31, "reason": "Подрядчик"}""").statusCode(400).body("violations[0].field", equalTo("days"));
        post(officer, OFFICER_APPEALS + id + "/extend-deadline", """
                {"days": 0, "reason": "Подрядчик"}""").statusCode(400).body("violations[0].field", equalTo("days"));
        post(officer, OFFICER_APPEALS + id + "/extend-deadline", """
                {"days": 10}""").statusCode(400).body("violations[0].field", equalTo("reason"));
        post(officer, OFFICER_APPEALS + id + "/extend-deadline", """
                {"days": 30, "reason": "Нужен выезд подрядчика"}""").statusCode(200)
                .body("dueAt", equalTo(due.plus(30, ChronoUnit.DAYS).toString()))
                .body("deadlineExtension.reason", equalTo("Нужен выезд подрядчика"))
                .body("actions", not(hasItem("EXTEND_DEADLINE")));
        post(officer, OFFICER_APPEALS + id + "/extend-deadline", """
                {"days": 5, "reason": "Ещё раз"}""").statusCode(409)
                .body("type", equalTo("urn:spb-feedback:problem:deadline-already-extended"));

        AppealDeadlineExtended extended = events(id, 2).get(1).payloadAs(AppealDeadlineExtended.class);
        assertThat(extended).isEqualTo(new AppealDeadlineExtended(due, due.plus(30, ChronoUnit.DAYS), "Нужен выезд подрядчика"));
    }

    @Test
    void aModeratorRejectsADuplicateLinkingTheOriginal() {
        String moderator = moderator();
        String original = inStatus(newCitizen(), AppealStatus.ROUTED);
        String citizen = newCitizen();
        String id = inStatus(citizen, AppealStatus.TRIAGE);
        String path = "/api/v1/moderator/appeals/" + id + "/reject";

        post(moderator, path, """
                {"reason": "DUPLICATE", "note": "Уже сообщали"}""").statusCode(400).body("violations[0].field", equalTo("duplicateOf"));
        post(moderator, path, """
                {"reason": "DUPLICATE", "note": "Уже сообщали", "duplicateOf": "%s"}""".formatted(id)).statusCode(400);
        post(moderator, path, """
                {"reason": "DUPLICATE", "note": "Уже сообщали", "duplicateOf": "%s"}""".formatted(UUID.randomUUID())).statusCode(400);
        post(moderator, path, """
                {"reason": "SPAM", "note": "Реклама", "duplicateOf": "%s"}""".formatted(original)).statusCode(400);
        post(moderator, path, """
                {"reason": "RUDE", "note": "x"}""").statusCode(400).contentType("application/problem+json");
        post(moderator, path, """
                {"reason": "SPAM"}""").statusCode(400).body("violations[0].field", equalTo("note"));
        post(officer(), path, """
                {"reason": "SPAM", "note": "Реклама"}""").statusCode(403);
        post(TestTokens.admin("admin-1"), path, """
                {"reason": "SPAM", "note": "Реклама"}""").statusCode(403);

        post(moderator, path, """
                {"reason": "DUPLICATE", "note": "Уже сообщали", "duplicateOf": "%s"}""".formatted(original)).statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejection.reason", equalTo("DUPLICATE"))
                .body("rejection.duplicateOf", equalTo(original)).body("contact", nullValue());
        given().auth().oauth2(citizen).get("/api/v1/appeals/" + id).then()
                .body("rejection.note", equalTo("Уже сообщали")).body("status", equalTo("REJECTED"));

        AppealRejected rejected = events(id, 2).get(1).payloadAs(AppealRejected.class);
        assertThat(rejected.reason()).isEqualTo(AppealRejected.Reason.DUPLICATE);
        assertThat(rejected.duplicateOfId()).isEqualTo(UUID.fromString(original));
        assertThat(rejected.duplicateOfNumber()).startsWith("SPB-");
    }

    @Test
    void aCitizenWithdrawsBeforeTheAnswerOnly() {
        String citizen = newCitizen();
        String id = inStatus(citizen, AppealStatus.IN_PROGRESS);
        post(newCitizen(), "/api/v1/appeals/" + id + "/withdraw", "{}").statusCode(404);
        post(citizen, "/api/v1/appeals/" + id + "/withdraw", null).statusCode(415).contentType("application/problem+json");
        post(citizen, "/api/v1/appeals/" + id + "/withdraw", """
                {"reason": "Решилось само"}""").statusCode(200).body("status", equalTo("WITHDRAWN"));
        assertThat(events(id, 2).get(1).payloadAs(AppealWithdrawn.class).previousStatus()).isEqualTo(AppealStatus.IN_PROGRESS);

        String answered = inStatus(citizen, AppealStatus.ANSWERED);
        post(citizen, "/api/v1/appeals/" + answered + "/withdraw", "{}").statusCode(409)
                .body("detail", containsString("is ANSWERED"));
    }

    @Test
    void feedbackIsValidated() {
        String citizen = newCitizen();
        String id = inStatus(citizen, AppealStatus.ANSWERED);
        String path = "/api/v1/appeals/" + id + "/feedback";
        post(citizen, path, """
                {"rating": 0, "satisfied": true}""").statusCode(400).body("violations[0].field", equalTo("rating"));
        post(citizen, path, """
                {"rating": 6, "satisfied": true}""").statusCode(400).body("violations[0].field", equalTo("rating"));
        post(citizen, path, """
                {"rating": 4}""").statusCode(400).body("violations[0].field", equalTo("satisfied"));
        post(citizen, path, """
                {"rating": "five", "satisfied": true}""").statusCode(400).contentType("application/problem+json");
        post(citizen, path, """
                {"rating": 4, "satisfied": true, "comment": "%s"}""".formatted("x".repeat(2001))).statusCode(400)
                .body("violations[0].field", equalTo("comment"));
        post(citizen, path, "{").statusCode(400).body("type", equalTo("urn:spb-feedback:problem:malformed-json"));
        post(newCitizen(), path, """
                {"rating": 4, "satisfied": true}""").statusCode(404);
        post(officer(), path, """
                {"rating": 4, "satisfied": true}""").statusCode(403);
        post(citizen, path, """
                {"rating": 4, "satisfied": true}""").statusCode(200).body("status", equalTo("CLOSED"));
        post(citizen, path, """
                {"rating": 4, "satisfied": true}""").statusCode(409);
    }

    @Test
    void officerStepsAreValidated() {
        String officer = officer();
        String id = inStatus(newCitizen(), AppealStatus.ROUTED);
        post(officer, OFFICER_APPEALS + id + "/answer", "{}").statusCode(400).body("violations[0].field", equalTo("text"));
        post(officer, OFFICER_APPEALS + id + "/answer", """
                {"text": "%s"}""".formatted("x".repeat(4001))).statusCode(400).body("violations[0].field", equalTo("text"));
        post(officer, OFFICER_APPEALS + id + "/answer", """
                {"templateId": 999999}""").statusCode(400).body("violations[0].field", equalTo("templateId"));
        post(officer, OFFICER_APPEALS + id + "/answer", null).statusCode(415).contentType("application/problem+json");
        post(officer, OFFICER_APPEALS + "not-a-uuid/accept", null).statusCode(404).contentType("application/problem+json");
        post(officer, OFFICER_APPEALS + UUID.randomUUID() + "/accept", null).statusCode(404);
        given().auth().oauth2(officer).get(OFFICER_APPEALS + id).then().statusCode(200)
                .body("actions", hasItem("ACCEPT")).body("contact", nullValue());
    }

    @Test
    void theOfficerSeesTheContactOfAnOfficialAppealOnly() {
        String officer = officer();
        String id = inStatus(newCitizen(), AppealStatus.ROUTED);
        given().auth().oauth2(officer).get(OFFICER_APPEALS + id).then().body("contact", nullValue());
        LifecycleFixtures.update(id, appeal -> appeal.official = true);
        given().auth().oauth2(officer).get(OFFICER_APPEALS + id).then().body("contact.email", notNullValue());
        given().auth().oauth2(moderator()).get("/api/v1/moderator/appeals/" + id).then().statusCode(200)
                .body("contact", nullValue());
    }

    /** routing-service's new deadline for a reopened appeal, as it publishes it on routing.events. */
    private static EventEnvelope deadline(String id, Instant countedFrom, Instant due) {
        return EventEnvelope.wrap(new DeadlineDecided(ORG, countedFrom, due, DeadlineDecided.Reason.REOPENED),
                new EventEnvelope.AppealRef(UUID.fromString(id), "SPB-TEST", "someone", ORG), Instant.now(), "req-" + UUID.randomUUID());
    }

    private static boolean processed(UUID eventId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) ru.spb.feedback.appeals.appeal.Appeal
                .getEntityManager().createNativeQuery(
                        "select count(*) from processed_event where consumer = 'appeals-service' and event_id = :id")
                .setParameter("id", eventId).getSingleResult()).intValue() == 1);
    }

    private List<EventEnvelope> events(String id, int count) {
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            return reader.await(r -> id.equals(r.key()), count, Duration.ofSeconds(20)).stream()
                    .map(record -> EventCodec.decode(record.value())).toList();
        }
    }
}
