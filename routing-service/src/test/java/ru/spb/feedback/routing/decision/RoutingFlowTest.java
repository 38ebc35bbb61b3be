package ru.spb.feedback.routing.decision;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealRerouteRequested;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.EventHeaders;
import ru.spb.feedback.contracts.GeoPoint;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.contracts.TriageRequired;
import ru.spb.feedback.messaging.inbox.DeadLetters;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicReader;
import ru.spb.feedback.testsupport.TopicWriter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** AppealRegistered in, RoutingDecided or TriageRequired out, through a real Kafka broker. */
@QuarkusTest
class RoutingFlowTest {

    /** Inside Адмиралтейский округ (1123300), Адмиралтейский district; the labelled set's interior point. */
    static final GeoPoint ADMIRALTEYSKY_OKRUG = new GeoPoint(59.93105375, 30.29679808);
    static final String ADMIRALTEYSKY_OKRUG_CODE = "1123300";
    /** Water of the Neva bay west of Лахта: in the city's bounding box, outside every district. */
    static final GeoPoint GULF = new GeoPoint(59.981, 30.1809);
    /** Inside the Кронштадтский district polygon but in no municipality. */
    static final GeoPoint KRONSHTADT_WATER = new GeoPoint(59.9983795, 29.7384085);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

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
    void routesToTheMunicipalityWithADueDateAcrossTheNewYearHolidays() {
        // Friday 25 Dec 2026, 15:00 Moscow, 9 working days: 28, 29, 30 Dec, 11–15 and 18 Jan 2027
        EventEnvelope registered = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.parse("2026-12-25T12:00:00Z"));
        writer.send(Topics.APPEAL_EVENTS, registered);

        ConsumerRecord<String, byte[]> record = awaitDecision(registered.appealId());
        EventEnvelope envelope = EventCodec.decode(record.value());
        assertThat(envelope.eventType()).isEqualTo("RoutingDecided");
        assertThat(envelope.municipalityCode()).isEqualTo(ADMIRALTEYSKY_OKRUG_CODE);
        assertThat(envelope.appealNumber()).isEqualTo(registered.appealNumber());
        assertThat(envelope.requestId()).isEqualTo(registered.requestId());
        assertThat(TopicReader.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("RoutingDecided");
        RoutingDecided decided = envelope.payloadAs(RoutingDecided.class);
        assertThat(decided.municipalityName()).isEqualTo("Адмиралтейский округ");
        assertThat(decided.district()).isEqualTo("Адмиралтейский");
        assertThat(decided.organizationCode()).isEqualTo(ADMIRALTEYSKY_OKRUG_CODE);
        assertThat(decided.organizationName()).isEqualTo("Местная администрация муниципального округа Адмиралтейский округ");
        assertThat(decided.method()).isEqualTo(RoutingDecided.Method.GEO);
        assertThat(decided.ruleId()).isNull();
        assertThat(decided.attempt()).isEqualTo(1);
        assertThat(decided.dueAt()).isEqualTo(Instant.parse("2027-01-18T20:59:59Z"));

        given().auth().oauth2(TestTokens.moderator("m")).when().get("/api/v1/routing-decisions/" + registered.appealId())
                .then().statusCode(200).body("[0].municipalityCode", equalTo(ADMIRALTEYSKY_OKRUG_CODE))
                .body("[0].dueAt", equalTo("2027-01-18T20:59:59Z"));
    }

    @Test
    void givesAnOfficialAppealThirtyCalendarDays() {
        EventEnvelope registered = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", true, 9, Instant.parse("2026-12-10T09:00:00Z"));
        writer.send(Topics.APPEAL_EVENTS, registered);

        RoutingDecided decided = EventCodec.decode(awaitDecision(registered.appealId()).value()).payloadAs(RoutingDecided.class);
        // 10 Dec + 30 days = Saturday 9 Jan 2027, moved to Monday 11 Jan
        assertThat(decided.dueAt()).isEqualTo(Instant.parse("2027-01-11T20:59:59Z"));
    }

    @Test
    void appliesTheMostSpecificRuleAndRecordsIt() {
        String admin = TestTokens.admin("admin");
        long objectRule = createRule(admin, """
                {"subjectLevel": "OBJECT", "subjectCode": "4", "territoryLevel": "CITY", "organizationCode": "district-tsentralny"}""");
        long districtRule = createRule(admin, """
                {"subjectLevel": "OBJECT", "subjectCode": "4", "territoryLevel": "DISTRICT", "territoryCode": "admiralteysky",
                 "organizationCode": "district-admiralteysky"}""");
        try {
            EventEnvelope park = registered(ADMIRALTEYSKY_OKRUG, "248", "17", "4", false, 9, Instant.parse("2026-11-27T10:00:00Z"));
            writer.send(Topics.APPEAL_EVENTS, park);
            RoutingDecided decided = EventCodec.decode(awaitDecision(park.appealId()).value()).payloadAs(RoutingDecided.class);
            assertThat(decided.organizationCode()).isEqualTo("district-admiralteysky");
            assertThat(decided.ruleId()).isEqualTo(districtRule);
            assertThat(decided.municipalityCode()).isEqualTo(ADMIRALTEYSKY_OKRUG_CODE);

            // another object: no rule, the municipality's own administration
            EventEnvelope yard = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.parse("2026-11-27T10:00:00Z"));
            writer.send(Topics.APPEAL_EVENTS, yard);
            assertThat(EventCodec.decode(awaitDecision(yard.appealId()).value()).payloadAs(RoutingDecided.class).organizationCode())
                    .isEqualTo(ADMIRALTEYSKY_OKRUG_CODE);
        } finally {
            given().auth().oauth2(admin).when().delete("/api/v1/routing-rules/" + objectRule).then().statusCode(204);
            given().auth().oauth2(admin).when().delete("/api/v1/routing-rules/" + districtRule).then().statusCode(204);
        }
    }

    @Test
    void sendsPointsOutsideEveryMunicipalityToTriageWithTheReason() {
        EventEnvelope water = registered(KRONSHTADT_WATER, "56", "2", "2", false, 9, Instant.now());
        EventEnvelope gulf = registered(GULF, "56", "2", "2", false, 9, Instant.now());
        writer.send(Topics.APPEAL_EVENTS, water);
        writer.send(Topics.APPEAL_EVENTS, gulf);

        TriageRequired inDistrict = EventCodec.decode(awaitDecision(water.appealId()).value()).payloadAs(TriageRequired.class);
        assertThat(inDistrict.reason()).isEqualTo(TriageRequired.Reason.OUTSIDE_MUNICIPALITY);
        assertThat(inDistrict.hints()).containsExactly("district: kronshtadtsky");
        TriageRequired outside = EventCodec.decode(awaitDecision(gulf.appealId()).value()).payloadAs(TriageRequired.class);
        assertThat(outside.reason()).isEqualTo(TriageRequired.Reason.OUTSIDE_CITY);

        given().auth().oauth2(TestTokens.moderator("m")).queryParam("size", 100).when().get("/api/v1/triage")
                .then().statusCode(200)
                .body("items.appealId", hasItem(water.appealId().toString()))
                .body("items.find { it.appealId == '" + water.appealId() + "' }.reason", equalTo("OUTSIDE_MUNICIPALITY"))
                .body("items.find { it.appealId == '" + water.appealId() + "' }.description", equalTo("Тестовое обращение о проблеме"));
    }

    @Test
    void aModeratorAssignsATriagedAppealByHand() {
        EventEnvelope water = registered(KRONSHTADT_WATER, "56", "2", "2", false, 9, Instant.parse("2026-12-25T12:00:00Z"));
        writer.send(Topics.APPEAL_EVENTS, water);
        awaitDecision(water.appealId());
        String moderator = TestTokens.moderator("moderator-1");

        given().auth().oauth2(moderator).contentType(ContentType.JSON).body("{\"municipalityCode\": \"1116469\"}")
                .when().post("/api/v1/triage/" + water.appealId() + "/assign")
                .then().statusCode(200)
                .body("method", equalTo("MANUAL"))
                .body("decidedBy", equalTo("moderator-1"))
                .body("organizationCode", equalTo("1116469"));

        List<ConsumerRecord<String, byte[]>> records = decisions.await(r -> water.appealId().toString().equals(r.key()), 2, Duration.ofSeconds(20));
        RoutingDecided manual = EventCodec.decode(records.get(1).value()).payloadAs(RoutingDecided.class);
        assertThat(manual.method()).isEqualTo(RoutingDecided.Method.MANUAL);
        assertThat(manual.municipalityCode()).isEqualTo("1116469");
        assertThat(manual.dueAt()).isEqualTo(Instant.parse("2027-01-18T20:59:59Z"));

        given().auth().oauth2(moderator).queryParam("size", 100).when().get("/api/v1/triage")
                .then().body("items.appealId", not(hasItem(water.appealId().toString())));
        given().auth().oauth2(moderator).contentType(ContentType.JSON).body("{\"municipalityCode\": \"1116469\"}")
                .when().post("/api/v1/triage/" + water.appealId() + "/assign")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void reroutesWithoutTheOrganizationsThatDeclinedThenTriages() {
        EventEnvelope registered = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        writer.send(Topics.APPEAL_EVENTS, registered);
        awaitDecision(registered.appealId());

        writer.send(Topics.APPEAL_EVENTS, follow(registered,
                new AppealRerouteRequested(ADMIRALTEYSKY_OKRUG_CODE, ADMIRALTEYSKY_OKRUG_CODE, "Не наша компетенция")));
        List<ConsumerRecord<String, byte[]>> records = decisions.await(r -> registered.appealId().toString().equals(r.key()), 2, Duration.ofSeconds(20));
        RoutingDecided second = EventCodec.decode(records.get(1).value()).payloadAs(RoutingDecided.class);
        assertThat(second.organizationCode()).isEqualTo("district-admiralteysky");
        assertThat(second.municipalityCode()).isEqualTo(ADMIRALTEYSKY_OKRUG_CODE);
        assertThat(second.attempt()).isEqualTo(2);

        // routing.max-declines = 2
        writer.send(Topics.APPEAL_EVENTS, follow(registered,
                new AppealRerouteRequested("district-admiralteysky", ADMIRALTEYSKY_OKRUG_CODE, "Тоже не наша")));
        records = decisions.await(r -> registered.appealId().toString().equals(r.key()), 3, Duration.ofSeconds(20));
        TriageRequired triage = EventCodec.decode(records.get(2).value()).payloadAs(TriageRequired.class);
        assertThat(triage.reason()).isEqualTo(TriageRequired.Reason.DECLINED);
        assertThat(triage.hints()).containsExactly("declined by 1123300", "declined by district-admiralteysky");
    }

    @Test
    void aRedeliveredEventDecidesNothingTwice() throws Exception {
        EventEnvelope registered = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        writer.send(Topics.APPEAL_EVENTS, registered);
        writer.send(Topics.APPEAL_EVENTS, registered);
        awaitDecision(registered.appealId());
        decisions.assertNothingMore(r -> registered.appealId().toString().equals(r.key()), Duration.ofSeconds(3));
        assertThat(decisions.seen().stream().filter(r -> registered.appealId().toString().equals(r.key()))).hasSize(1);
        given().auth().oauth2(TestTokens.admin("a")).when().get("/api/v1/routing-decisions/" + registered.appealId())
                .then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void deadLettersWhatItCannotReadAndCarriesOn() {
        String key = UUID.randomUUID().toString();
        writer.sendRaw(Topics.APPEAL_EVENTS, key, "{not json".getBytes(StandardCharsets.UTF_8));
        EventEnvelope registered = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        String brokenPayload = EventCodec.encodeToString(registered).replace("\"deadlineWorkingDays\":9", "\"deadlineWorkingDays\":\"nine\"");
        writer.sendRaw(Topics.APPEAL_EVENTS, registered.appealId().toString(), brokenPayload.getBytes(StandardCharsets.UTF_8));
        EventEnvelope next = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        writer.send(Topics.APPEAL_EVENTS, next);

        awaitDecision(next.appealId());
        try (TopicReader dead = new TopicReader(bootstrapServers, Topics.deadLetter("routing-service"))) {
            List<ConsumerRecord<String, byte[]>> records = dead.await(
                    r -> key.equals(r.key()) || registered.appealId().toString().equals(r.key()), 2, Duration.ofSeconds(20));
            assertThat(records).allSatisfy(r -> {
                assertThat(TopicReader.header(r, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.APPEAL_EVENTS);
                assertThat(TopicReader.header(r, DeadLetters.REASON)).isNotBlank();
            });
        }
    }

    /**
     * A record that reads fine but always fails (here: an address longer than the column) must not
     * hold its partition for ever: after its attempts it goes to the dead-letter topic, with the
     * error's class and never its message, and the next record behind it is handled.
     */
    @Test
    void deadLettersARecordThatKeepsFailingAfterItsAttemptsAndCarriesOn() {
        EventEnvelope poison = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        String key = poison.appealId().toString();
        String tooLong = EventCodec.encodeToString(poison).replace("\"address\":\"Адрес\"", "\"address\":\"" + "д".repeat(600) + "\"");
        assertThat(tooLong).contains("дддд");
        writer.sendRaw(Topics.APPEAL_EVENTS, key, tooLong.getBytes(StandardCharsets.UTF_8));
        // same key, so same partition: it queues behind the failing record
        EventEnvelope next = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        writer.sendRaw(Topics.APPEAL_EVENTS, key, EventCodec.encodeToString(next).getBytes(StandardCharsets.UTF_8));

        decisions.await(r -> next.appealId().toString().equals(r.key()), 1, Duration.ofSeconds(60));
        try (TopicReader dead = new TopicReader(bootstrapServers, Topics.deadLetter("routing-service"))) {
            ConsumerRecord<String, byte[]> record = dead.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            assertThat(TopicReader.header(record, DeadLetters.ERROR_CLASS)).isNotBlank();
            assertThat(TopicReader.header(record, DeadLetters.REASON)).doesNotContain("ддд");
        }
        // asked of routing's database, not of what this reader happens to have seen so far
        given().auth().oauth2(TestTokens.admin("a")).when().get("/api/v1/routing-decisions/" + poison.appealId())
                .then().statusCode(404);
    }

    /**
     * A poll's records are handled in one transaction; when one of them fails, the batch is rolled
     * back and handled one record at a time: the records around the poison one are decided once
     * each (none lost with the rolled-back batch, none published twice), the poison one goes to the
     * dead-letter topic, and an event sent twice in the same poll is handled once.
     */
    @Test
    void handlesAPollInOneTransactionAndFallsBackToOneAtATimeWhenARecordFails() {
        String key = UUID.randomUUID().toString();
        EventEnvelope before = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        EventEnvelope poison = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        EventEnvelope after = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        byte[] tooLong = EventCodec.encodeToString(poison).replace("\"address\":\"Адрес\"", "\"address\":\"" + "д".repeat(600) + "\"")
                .getBytes(StandardCharsets.UTF_8);
        // one key, one flush: one partition, one produce request, so one poll hands them over together
        writer.sendTogether(List.of(
                TopicWriter.record(Topics.APPEAL_EVENTS, key, before),
                new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.APPEAL_EVENTS, key, tooLong),
                TopicWriter.record(Topics.APPEAL_EVENTS, key, after),
                TopicWriter.record(Topics.APPEAL_EVENTS, key, after)));

        try (TopicReader dead = new TopicReader(bootstrapServers, Topics.deadLetter("routing-service"))) {
            dead.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(60));
        }
        awaitDecision(before.appealId());
        awaitDecision(after.appealId());
        List<ConsumerRecord<String, byte[]>> all = decisions.drain(Duration.ofSeconds(2));
        assertThat(all.stream().filter(r -> before.appealId().toString().equals(r.key()))).hasSize(1);
        assertThat(all.stream().filter(r -> after.appealId().toString().equals(r.key()))).hasSize(1);
        given().auth().oauth2(TestTokens.admin("a")).when().get("/api/v1/routing-decisions/" + poison.appealId())
                .then().statusCode(404);
    }

    @Test
    void skipsEventTypesItDoesNotHandle() {
        EventEnvelope registered = registered(ADMIRALTEYSKY_OKRUG, "56", "2", "2", false, 9, Instant.now());
        EventEnvelope unknown = new EventEnvelope(UUID.randomUUID(), "AppealSomethingNew", 1, Instant.now(), registered.appealId(),
                registered.appealNumber(), "c", null, true, null, registered.payload());
        writer.send(Topics.APPEAL_EVENTS, unknown);
        writer.send(Topics.APPEAL_EVENTS, registered);
        awaitDecision(registered.appealId());
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("events_skipped_total{consumer=\"routing-service\",type=\"AppealSomethingNew\"}");
    }

    private ConsumerRecord<String, byte[]> awaitDecision(UUID appealId) {
        return decisions.await(r -> appealId.toString().equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
    }

    private static long createRule(String admin, String body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/routing-rules").then().statusCode(201).extract().<Integer>path("id").longValue();
    }

    static EventEnvelope registered(GeoPoint at, String problemType, String group, String object, boolean official,
                                    int workingDays, Instant registeredAt) {
        UUID id = UUID.randomUUID();
        AppealRegistered payload = new AppealRegistered(
                new AppealRegistered.CategoryRef(problemType, "Тип " + problemType, group, "Категория " + group, object, "Объект " + object),
                workingDays, official, at, "Адрес", "Тестовое обращение о проблеме", registeredAt, AppealRegistered.Channel.API,
                new AppealRegistered.CitizenContact("c@example.org", "Гражданин"), null);
        return EventEnvelope.wrap(payload, new EventEnvelope.AppealRef(id, "SPB-2026-" + id.toString().substring(0, 6), "citizen-1", null),
                registeredAt, "req-" + id);
    }

    private static EventEnvelope follow(EventEnvelope registered, AppealRerouteRequested reroute) {
        return EventEnvelope.wrap(reroute, new EventEnvelope.AppealRef(registered.appealId(), registered.appealNumber(),
                registered.citizenId(), ADMIRALTEYSKY_OKRUG_CODE), Instant.now(), null);
    }
}
