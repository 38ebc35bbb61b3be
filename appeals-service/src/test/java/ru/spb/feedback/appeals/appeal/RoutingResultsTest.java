package ru.spb.feedback.appeals.appeal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealRouted;
import ru.spb.feedback.contracts.AppealSentToTriage;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.contracts.TriageRequired;
import ru.spb.feedback.testsupport.TopicReader;
import ru.spb.feedback.testsupport.TopicWriter;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static ru.spb.feedback.appeals.appeal.AppealFixtures.routedToAdmiralteysky;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.validBody;

/** routing.events in: the appeal shows where it went and the citizen-visible event goes out. */
@QuarkusTest
class RoutingResultsTest {

    private static final Instant DUE = Instant.parse("2027-01-18T20:59:59Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TopicWriter writer() {
        return TopicWriter.on(bootstrapServers);
    }

    @Test
    void aRoutingDecisionRoutesTheAppealOnceAndIsAnnounced() {
        String token = newCitizen();
        String id = submit(token, validBody()).statusCode(201).extract().path("id");
        EventEnvelope decided = routedToAdmiralteysky(id, DUE);
        writer().send(Topics.ROUTING_EVENTS, decided);
        writer().send(Topics.ROUTING_EVENTS, decided);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/appeals/" + id).then().body("status", equalTo("ROUTED")));
        given().auth().oauth2(token).when().get("/api/v1/appeals/" + id)
                .then().body("municipality.code", equalTo("1123300"))
                .body("municipality.district", equalTo("Адмиралтейский"))
                .body("organization.name", equalTo("Местная администрация муниципального округа Адмиралтейский округ"))
                .body("dueAt", equalTo("2027-01-18T20:59:59Z"));
        given().auth().oauth2(token).when().get("/api/v1/appeals/" + id + "/history")
                .then().body("", hasSize(2))
                .body("[1].from", equalTo("REGISTERED")).body("[1].to", equalTo("ROUTED")).body("[1].actorRole", equalTo("system"));

        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> events = reader.await(r -> id.equals(r.key()), 2, Duration.ofSeconds(20));
            EventEnvelope routed = EventCodec.decode(events.get(1).value());
            assertThat(routed.eventType()).isEqualTo("AppealRouted");
            assertThat(routed.citizenVisible()).isTrue();
            assertThat(routed.municipalityCode()).isEqualTo("1123300");
            assertThat(routed.requestId()).isEqualTo(decided.requestId());
            assertThat(routed.payloadAs(AppealRouted.class).dueAt()).isEqualTo(DUE);
        }
    }

    @Test
    void triageIsShownWithItsReasonAndAnnounced() {
        String token = newCitizen();
        String id = submit(token, validBody()).statusCode(201).extract().path("id");
        writer().send(Topics.ROUTING_EVENTS, EventEnvelope.wrap(
                new TriageRequired(TriageRequired.Reason.OUTSIDE_MUNICIPALITY, "water", List.of("district: kronshtadtsky")),
                ref(id), Instant.now(), null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/appeals/" + id)
                        .then().body("status", equalTo("TRIAGE")).body("triageReason", equalTo("OUTSIDE_MUNICIPALITY")));
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS)) {
            EventEnvelope event = EventCodec.decode(reader.await(r -> id.equals(r.key()), 2, Duration.ofSeconds(20)).get(1).value());
            assertThat(event.payloadAs(AppealSentToTriage.class).reason()).isEqualTo(TriageRequired.Reason.OUTSIDE_MUNICIPALITY);
        }
        // a moderator's assignment then routes it
        writer().send(Topics.ROUTING_EVENTS, routedToAdmiralteysky(id, DUE));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/appeals/" + id)
                        .then().body("status", equalTo("ROUTED")).body("triageReason", org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void aLateDecisionForAFinishedAppealIsIgnored() throws Exception {
        String token = newCitizen();
        String id = submit(token, validBody()).statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> Appeal.<Appeal>findById(UUID.fromString(id)).status = AppealStatus.WITHDRAWN);
        EventEnvelope late = routedToAdmiralteysky(id, DUE);
        writer().send(Topics.ROUTING_EVENTS, late);
        String marker = submit(token, validBody()).statusCode(201).extract().path("id");
        writer().send(Topics.ROUTING_EVENTS, routedToAdmiralteysky(marker, DUE));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/appeals/" + marker).then().body("status", equalTo("ROUTED")));
        given().auth().oauth2(token).when().get("/api/v1/appeals/" + id).then().body("status", equalTo("WITHDRAWN"));
        try (TopicReader dead = new TopicReader(bootstrapServers, Topics.deadLetter("appeals-service"))) {
            // the late decision may sit on another partition than the marker's: keep reading a while
            dead.assertNothingMore(r -> id.equals(r.key()), Duration.ofSeconds(3));
            assertThat(dead.seen().stream().filter(r -> id.equals(r.key()))).isEmpty();
        }
    }

    /** routing-service's two steps from every status: taken where the state machine allows them, else ignored. */
    @org.junit.jupiter.params.ParameterizedTest(name = "routing decision for an appeal in {0}")
    @org.junit.jupiter.params.provider.EnumSource(AppealStatus.class)
    void routingStepsAreTakenOnlyFromTheirStatuses(AppealStatus from) {
        String token = newCitizen();
        String routed = submit(token, validBody()).statusCode(201).extract().path("id");
        String triaged = submit(token, validBody()).statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            Appeal.<Appeal>findById(UUID.fromString(routed)).status = from;
            Appeal.<Appeal>findById(UUID.fromString(triaged)).status = from;
        });
        EventEnvelope decision = routedToAdmiralteysky(routed, DUE);
        EventEnvelope triage = EventEnvelope.wrap(new TriageRequired(TriageRequired.Reason.OUTSIDE_CITY, "x", List.of()),
                ref(triaged), Instant.now(), null);
        writer().send(Topics.ROUTING_EVENTS, decision);
        writer().send(Topics.ROUTING_EVENTS, triage);
        // both handled (applied or ignored), not dead-lettered: each is recorded as processed
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(QuarkusTransaction.requiringNew().call(() ->
                (Number) Appeal.getEntityManager().createNativeQuery(
                                "select count(*) from processed_event where consumer = 'appeals-service' and event_id in (:a, :b)")
                        .setParameter("a", decision.eventId()).setParameter("b", triage.eventId()).getSingleResult()).intValue())
                .isEqualTo(2));

        Set<AppealStatus> routable = EnumSet.of(AppealStatus.REGISTERED, AppealStatus.TRIAGE, AppealStatus.REROUTING);
        given().auth().oauth2(token).when().get("/api/v1/appeals/" + routed).then()
                .body("status", equalTo((routable.contains(from) ? AppealStatus.ROUTED : from).name()));
        given().auth().oauth2(token).when().get("/api/v1/appeals/" + triaged).then()
                .body("status", equalTo((routable.contains(from) ? AppealStatus.TRIAGE : from).name()));
    }

    @Test
    void aDecisionForAnUnknownAppealIsDeadLettered() {
        String unknown = UUID.randomUUID().toString();
        writer().send(Topics.ROUTING_EVENTS, routedToAdmiralteysky(unknown, DUE));
        try (TopicReader dead = new TopicReader(bootstrapServers, Topics.deadLetter("appeals-service"))) {
            dead.await(r -> unknown.equals(r.key()), 1, Duration.ofSeconds(20));
        }
    }

    private static EventEnvelope.AppealRef ref(String appealId) {
        return new EventEnvelope.AppealRef(UUID.fromString(appealId), "SPB-TEST", "someone", "1123300");
    }
}
