package ru.spb.feedback.routing.decision;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealCategoryChanged;
import ru.spb.feedback.contracts.AppealClosed;
import ru.spb.feedback.contracts.AppealEvent;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealRejected;
import ru.spb.feedback.contracts.AppealReopened;
import ru.spb.feedback.contracts.AppealRerouteRequested;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.AppealWithdrawn;
import ru.spb.feedback.contracts.DeadlineDecided;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.contracts.TriageRequired;
import ru.spb.feedback.messaging.inbox.DeadLetters;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicReader;
import ru.spb.feedback.testsupport.TopicWriter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static ru.spb.feedback.routing.decision.RoutingFlowTest.ADMIRALTEYSKY_OKRUG;
import static ru.spb.feedback.routing.decision.RoutingFlowTest.ADMIRALTEYSKY_OKRUG_CODE;
import static ru.spb.feedback.routing.decision.RoutingFlowTest.KRONSHTADT_WATER;
import static ru.spb.feedback.routing.decision.RoutingFlowTest.registered;

/**
 * The rest of an appeal's life as routing sees it, through the real Kafka broker and database:
 * finished appeals leave triage and are never routed again; a corrected problem type is routed
 * again under its own rules and deadline; a reopened appeal gets its new deadline from routing's calendar.
 */
@QuarkusTest
class AppealLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";
    private static final String FINISHED = "urn:spb-feedback:problem:appeal-finished";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager entityManager;

    private TopicWriter writer;
    private TopicReader decisions;

    @BeforeEach
    void open() {
        writer = TopicWriter.on(bootstrapServers);
        decisions = new TopicReader(bootstrapServers, Topics.ROUTING_EVENTS);
    }

    @AfterEach
    void close() {
        decisions.close();
    }

    @Test
    void rejectedAndWithdrawnAppealsLeaveTheTriageQueueForGood() {
        EventEnvelope spam = registered(KRONSHTADT_WATER, "56", "2", "2", false, 9, Instant.now());
        EventEnvelope withdrawn = registered(KRONSHTADT_WATER, "56", "2", "2", false, 9, Instant.now());
        EventEnvelope oddReason = registered(KRONSHTADT_WATER, "56", "2", "2", false, 9, Instant.now());
        for (EventEnvelope appeal : List.of(spam, withdrawn, oddReason)) {
            writer.send(Topics.APPEAL_EVENTS, appeal);
        }
        for (EventEnvelope appeal : List.of(spam, withdrawn, oddReason)) {
            assertThat(EventCodec.decode(awaitRecords(appeal.appealId(), 1).get(0).value()).eventType()).isEqualTo("TriageRequired");
        }
        String moderator = TestTokens.moderator("moderator-1");
        given().auth().oauth2(moderator).queryParam("size", 100).when().get("/api/v1/triage").then().statusCode(200)
                .body("items.appealId", hasItems(spam.appealId().toString(), withdrawn.appealId().toString(),
                        oddReason.appealId().toString()));

        writer.send(Topics.APPEAL_EVENTS, follow(spam, new AppealRejected(AppealRejected.Reason.SPAM, "Реклама", null, null)));
        writer.send(Topics.APPEAL_EVENTS, follow(withdrawn, new AppealWithdrawn(AppealStatus.TRIAGE)));
        // a reject reason this version does not know still ends the appeal (routing never reads the payload)
        writer.send(Topics.APPEAL_EVENTS, new EventEnvelope(UUID.randomUUID(), "AppealRejected", 1, Instant.now(),
                oddReason.appealId(), oddReason.appealNumber(), oddReason.citizenId(), null, true, null,
                JsonNodeFactory.instance.objectNode().put("reason", "SOME_FUTURE_REASON")));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(moderator).queryParam("size", 100)
                .when().get("/api/v1/triage").then().statusCode(200)
                .body("items.appealId", not(hasItem(spam.appealId().toString())))
                .body("items.appealId", not(hasItem(withdrawn.appealId().toString())))
                .body("items.appealId", not(hasItem(oddReason.appealId().toString()))));

        given().auth().oauth2(moderator).contentType(ContentType.JSON).body("{\"municipalityCode\": \"1116469\"}")
                .when().post("/api/v1/triage/" + spam.appealId() + "/assign")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo(FINISHED))
                .body("detail", equalTo("Appeal " + spam.appealNumber() + " was rejected, withdrawn or closed; there is nothing to route"));

        // later lifecycle events are consumed (not dead-lettered) and decide nothing
        EventEnvelope change = follow(spam, categoryChange("57", 19));
        EventEnvelope reroute = follow(withdrawn, new AppealRerouteRequested(ADMIRALTEYSKY_OKRUG_CODE, null, "Не наше"));
        writer.send(Topics.APPEAL_EVENTS, change);
        writer.send(Topics.APPEAL_EVENTS, reroute);
        awaitProcessed(change.eventId());
        awaitProcessed(reroute.eventId());
        assertNothingMoreFor(List.of(spam, withdrawn), 1);
        assertThat(status(spam.appealId())).isEqualTo("CLOSED");
        assertThat(status(withdrawn.appealId())).isEqualTo("CLOSED");
    }

    @Test
    void aClosedAppealIsNeverRoutedAgain() {
        EventEnvelope appeal = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        writer.send(Topics.APPEAL_EVENTS, appeal);
        awaitRecords(appeal.appealId(), 1);

        EventEnvelope closed = follow(appeal, new AppealClosed(AppealClosed.Resolution.SATISFIED, 5));
        writer.send(Topics.APPEAL_EVENTS, closed);
        awaitProcessed(closed.eventId());
        assertThat(status(appeal.appealId())).isEqualTo("CLOSED");

        EventEnvelope change = follow(appeal, categoryChange("57", 19));
        writer.send(Topics.APPEAL_EVENTS, change);
        writer.send(Topics.APPEAL_EVENTS, closed); // a redelivery of the close is harmless
        awaitProcessed(change.eventId());

        given().auth().oauth2(TestTokens.admin("admin")).contentType(ContentType.JSON).body("{\"municipalityCode\": \"1123300\"}")
                .when().post("/api/v1/triage/" + appeal.appealId() + "/assign")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo(FINISHED));
        assertNothingMoreFor(List.of(appeal), 1);
        // the history stays readable
        given().auth().oauth2(TestTokens.moderator("m")).when().get("/api/v1/routing-decisions/" + appeal.appealId())
                .then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void aCategoryChangeRoutesByTheNewTypesRuleAsTheNextAttemptAndOnlyOnce() {
        String admin = TestTokens.admin("admin");
        long rule = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                        {"subjectLevel": "PROBLEM_TYPE", "subjectCode": "9101", "territoryLevel": "CITY",
                         "organizationCode": "district-tsentralny"}""")
                .when().post("/api/v1/routing-rules").then().statusCode(201).extract().<Integer>path("id").longValue();
        try {
            // Tuesday 1 Dec 2026, 12:00 Moscow; the citizen's type has 9 working days: due Monday 14 Dec
            EventEnvelope appeal = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.parse("2026-12-01T09:00:00Z"));
            writer.send(Topics.APPEAL_EVENTS, appeal);
            RoutingDecided first = decided(awaitRecords(appeal.appealId(), 1).get(0));
            assertThat(first.organizationCode()).isEqualTo(ADMIRALTEYSKY_OKRUG_CODE);
            assertThat(first.dueAt()).isEqualTo(Instant.parse("2026-12-14T20:59:59Z"));

            EventEnvelope change = EventEnvelope.wrap(categoryChange("9101", 19), ref(appeal),
                    Instant.parse("2026-12-03T10:00:00Z"), "req-change");
            writer.send(Topics.APPEAL_EVENTS, change);
            writer.send(Topics.APPEAL_EVENTS, change); // redelivered: the same event id
            // a later event of the appeal (same key, same partition) shows the redelivery was handled first
            writer.send(Topics.APPEAL_EVENTS, follow(appeal,
                    new AppealRerouteRequested("district-tsentralny", ADMIRALTEYSKY_OKRUG_CODE, "Не наша компетенция")));

            List<ConsumerRecord<String, byte[]>> records = awaitRecords(appeal.appealId(), 3);
            EventEnvelope secondEnvelope = EventCodec.decode(records.get(1).value());
            assertThat(secondEnvelope.requestId()).isEqualTo("req-change");
            RoutingDecided second = secondEnvelope.payloadAs(RoutingDecided.class);
            assertThat(second.organizationCode()).isEqualTo("district-tsentralny");
            assertThat(second.ruleId()).isEqualTo(rule);
            assertThat(second.municipalityCode()).isEqualTo(ADMIRALTEYSKY_OKRUG_CODE);
            assertThat(second.attempt()).isEqualTo(2);
            // 19 working days from registration, not from the change: Monday 28 Dec
            assertThat(second.dueAt()).isEqualTo(Instant.parse("2026-12-28T20:59:59Z"));

            // the new type's rule organization declined: the default, with the new type's deadline kept
            RoutingDecided third = decided(records.get(2));
            assertThat(third.attempt()).isEqualTo(3);
            assertThat(third.organizationCode()).isEqualTo(ADMIRALTEYSKY_OKRUG_CODE);
            assertThat(third.dueAt()).isEqualTo(Instant.parse("2026-12-28T20:59:59Z"));
            assertNothingMoreFor(List.of(appeal), 3);
            given().auth().oauth2(admin).when().get("/api/v1/routing-decisions/" + appeal.appealId())
                    .then().statusCode(200).body("size()", equalTo(3)).body("[1].ruleId", equalTo((int) rule));
        } finally {
            given().auth().oauth2(admin).when().delete("/api/v1/routing-rules/" + rule).then().statusCode(204);
        }
    }

    @Test
    void organizationsThatDeclinedStayExcludedAfterACategoryChange() {
        EventEnvelope appeal = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        writer.send(Topics.APPEAL_EVENTS, appeal);
        awaitRecords(appeal.appealId(), 1);
        writer.send(Topics.APPEAL_EVENTS, follow(appeal,
                new AppealRerouteRequested(ADMIRALTEYSKY_OKRUG_CODE, ADMIRALTEYSKY_OKRUG_CODE, "Не наша компетенция")));
        assertThat(decided(awaitRecords(appeal.appealId(), 2).get(1)).organizationCode()).isEqualTo("district-admiralteysky");

        writer.send(Topics.APPEAL_EVENTS, follow(appeal, categoryChange("57", 19)));
        RoutingDecided third = decided(awaitRecords(appeal.appealId(), 3).get(2));
        assertThat(third.attempt()).isEqualTo(3);
        assertThat(third.organizationCode()).isEqualTo("district-admiralteysky");
    }

    @Test
    void aCategoryChangeLateInTheDeadlineLeavesTheOrganizationAWorkingDay() {
        // Monday 2 Nov 2026, 9 working days: due in mid-November, long past when the type is corrected
        EventEnvelope late = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.parse("2026-11-02T09:00:00Z"));
        // an official appeal keeps its 30 calendar days: 10 Dec 2026 → Monday 11 Jan 2027
        EventEnvelope official = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", true, 9, Instant.parse("2026-12-10T09:00:00Z"));
        writer.send(Topics.APPEAL_EVENTS, late);
        writer.send(Topics.APPEAL_EVENTS, official);
        awaitRecords(late.appealId(), 1);
        awaitRecords(official.appealId(), 1);

        // Friday 25 Dec 2026, 15:00 Moscow: not before the end of Monday 28 Dec
        writer.send(Topics.APPEAL_EVENTS, EventEnvelope.wrap(categoryChange("57", 9), ref(late),
                Instant.parse("2026-12-25T12:00:00Z"), null));
        // on the statutory due day itself: the law's date stands, only an extension moves it
        writer.send(Topics.APPEAL_EVENTS, EventEnvelope.wrap(categoryChange("57", 19), ref(official),
                Instant.parse("2027-01-11T10:00:00Z"), null));

        RoutingDecided floored = decided(awaitRecords(late.appealId(), 2).get(1));
        assertThat(floored.attempt()).isEqualTo(2);
        assertThat(floored.dueAt()).isEqualTo(Instant.parse("2026-12-28T20:59:59Z"));
        assertThat(decided(awaitRecords(official.appealId(), 2).get(1)).dueAt()).isEqualTo(Instant.parse("2027-01-11T20:59:59Z"));
    }

    @Test
    void aCategoryChangeOfAnUnknownAppealIsDeadLetteredLikeAnUnknownReroute() {
        EventEnvelope neverSeen = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        EventEnvelope change = follow(neverSeen, categoryChange("57", 19));
        // the end of an appeal routing never saw needs nothing: consumed, not dead-lettered
        EventEnvelope withdrawn = follow(registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now()),
                new AppealWithdrawn(AppealStatus.REGISTERED));
        try (TopicReader dead = new TopicReader(bootstrapServers, Topics.deadLetter("routing-service"))) {
            writer.send(Topics.APPEAL_EVENTS, change);
            writer.send(Topics.APPEAL_EVENTS, withdrawn);
            ConsumerRecord<String, byte[]> record = dead.await(r -> neverSeen.appealId().toString().equals(r.key()), 1, WAIT).get(0);
            assertThat(TopicReader.header(record, DeadLetters.REASON)).contains("routing never saw");
            assertThat(EventCodec.decode(record.value()).eventId()).isEqualTo(change.eventId());
            awaitProcessed(withdrawn.eventId());
            assertThat(dead.seen()).noneMatch(r -> withdrawn.appealId().toString().equals(r.key()));
        }
        assertThat(processed(change.eventId())).isFalse();
    }

    @Test
    void aCategoryChangeWithoutAProblemTypeIsDeadLettered() {
        EventEnvelope appeal = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        writer.send(Topics.APPEAL_EVENTS, appeal);
        awaitRecords(appeal.appealId(), 1);
        EventEnvelope broken = follow(appeal, new AppealCategoryChanged(category("56"), null, 9, "Без типа"));
        try (TopicReader dead = new TopicReader(bootstrapServers, Topics.deadLetter("routing-service"))) {
            writer.send(Topics.APPEAL_EVENTS, broken);
            ConsumerRecord<String, byte[]> record = dead.await(r -> appeal.appealId().toString().equals(r.key()), 1, WAIT).get(0);
            assertThat(TopicReader.header(record, DeadLetters.REASON)).contains("lacks the problem type");
        }
        // the appeal carries on as it was
        writer.send(Topics.APPEAL_EVENTS, follow(appeal, categoryChange("57", 19)));
        assertThat(decided(awaitRecords(appeal.appealId(), 2).get(1)).attempt()).isEqualTo(2);
    }

    @Test
    void aReopenedAppealsNewDeadlineCountsWithTheYearAnAdminLoaded() {
        // 2028 is not bundled: without this upload it counts Monday–Friday and knows no 8 March
        given().auth().oauth2(TestTokens.admin("admin")).contentType(ContentType.JSON).body("""
                        {"weekdaysOff": ["2028-01-03", "2028-01-04", "2028-01-05", "2028-01-06", "2028-01-07", "2028-02-23",
                                         "2028-03-08", "2028-05-01", "2028-05-09", "2028-06-12", "2028-11-06"],
                         "weekendWorkdays": []}""")
                .when().put("/api/v1/calendar/years/2028").then().statusCode(200).body("year", equalTo(2028));
        EventEnvelope ordinary = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 3, Instant.parse("2028-03-01T09:00:00Z"));
        EventEnvelope official = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", true, 3, Instant.parse("2028-03-01T09:00:00Z"));
        writer.send(Topics.APPEAL_EVENTS, ordinary);
        writer.send(Topics.APPEAL_EVENTS, official);
        awaitRecords(ordinary.appealId(), 1);
        awaitRecords(official.appealId(), 1);

        // Monday 6 March 2028, 10:00 Moscow: 3 working days are Tue 7, Thu 9 and Fri 10 (Wed 8 March is off)
        Instant reopenedAt = Instant.parse("2028-03-06T07:00:00Z");
        EventEnvelope reopening = EventEnvelope.wrap(new AppealReopened(ADMIRALTEYSKY_OKRUG_CODE, 2), ref(ordinary), reopenedAt, "req-reopen");
        writer.send(Topics.APPEAL_EVENTS, reopening);
        writer.send(Topics.APPEAL_EVENTS, reopening); // redelivered: the same event id
        writer.send(Topics.APPEAL_EVENTS, EventEnvelope.wrap(new AppealReopened(ADMIRALTEYSKY_OKRUG_CODE, 1), ref(official),
                reopenedAt, null));

        EventEnvelope set = EventCodec.decode(awaitRecords(ordinary.appealId(), 2).get(1).value());
        assertThat(set.eventType()).isEqualTo("DeadlineDecided");
        assertThat(set.citizenVisible()).isFalse();
        assertThat(set.requestId()).isEqualTo("req-reopen");
        assertThat(set.payloadAs(DeadlineDecided.class)).isEqualTo(new DeadlineDecided(ADMIRALTEYSKY_OKRUG_CODE, reopenedAt,
                Instant.parse("2028-03-10T20:59:59Z"), DeadlineDecided.Reason.REOPENED));
        // an official appeal: 30 calendar days from the reopening, Wednesday 5 April
        assertThat(EventCodec.decode(awaitRecords(official.appealId(), 2).get(1).value()).payloadAs(DeadlineDecided.class).dueAt())
                .isEqualTo(Instant.parse("2028-04-05T20:59:59Z"));
        assertNothingMoreFor(List.of(ordinary, official), 2);
    }

    @Test
    void aReopeningOfAnUnknownAppealIsDeadLettered() {
        EventEnvelope neverSeen = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        EventEnvelope reopening = follow(neverSeen, new AppealReopened(ADMIRALTEYSKY_OKRUG_CODE, 2));
        try (TopicReader dead = new TopicReader(bootstrapServers, Topics.deadLetter("routing-service"))) {
            writer.send(Topics.APPEAL_EVENTS, reopening);
            ConsumerRecord<String, byte[]> record = dead.await(r -> neverSeen.appealId().toString().equals(r.key()), 1, WAIT).get(0);
            assertThat(TopicReader.header(record, DeadLetters.REASON)).contains("routing never saw");
            assertThat(EventCodec.decode(record.value()).eventId()).isEqualTo(reopening.eventId());
        }
    }

    private static AppealCategoryChanged categoryChange(String problemType, int workingDays) {
        return new AppealCategoryChanged(category("56"), category(problemType), workingDays, "Выбран не тот тип проблемы");
    }

    private static AppealRegistered.CategoryRef category(String problemType) {
        return new AppealRegistered.CategoryRef(problemType, "Тип " + problemType, "2", "Категория 2", "2", "Объект 2");
    }

    private static EventEnvelope.AppealRef ref(EventEnvelope registered) {
        return new EventEnvelope.AppealRef(registered.appealId(), registered.appealNumber(), registered.citizenId(), null);
    }

    private static EventEnvelope follow(EventEnvelope registered, AppealEvent payload) {
        return EventEnvelope.wrap(payload, ref(registered), Instant.now(), null);
    }

    private static RoutingDecided decided(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = EventCodec.decode(record.value());
        assertThat(envelope.eventType()).isEqualTo("RoutingDecided");
        return envelope.payloadAs(RoutingDecided.class);
    }

    private List<ConsumerRecord<String, byte[]>> awaitRecords(UUID appealId, int count) {
        return decisions.await(r -> appealId.toString().equals(r.key()), count, WAIT);
    }

    /** Reads on while the outbox relay could publish anything it wrongly decided, then counts the appeals' records. */
    private void assertNothingMoreFor(List<EventEnvelope> appeals, int expected) {
        Set<String> keys = appeals.stream().map(appeal -> appeal.appealId().toString()).collect(Collectors.toSet());
        decisions.assertNothingMore(r -> keys.contains(r.key()), Duration.ofSeconds(3));
        for (EventEnvelope appeal : appeals) {
            assertThat(decisions.seen().stream().filter(r -> appeal.appealId().toString().equals(r.key())))
                    .as("routing.events of %s", appeal.appealNumber()).hasSize(expected);
        }
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(WAIT).until(() -> processed(eventId));
    }

    private boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from processed_event where consumer = 'routing-service' and event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue() == 1);
    }

    private String status(UUID appealId) {
        return QuarkusTransaction.requiringNew().call(() -> RoutingRequest.<RoutingRequest>findById(appealId).status.name());
    }
}
