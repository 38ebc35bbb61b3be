package ru.spb.feedback.appeals.lifecycle;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.testsupport.TopicWriter;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.validBody;

/** Appeals in a given state, and the calls the lifecycle tests make. */
final class LifecycleFixtures {

    /** Адмиралтейский округ: its local administration answers appeals routed there. */
    static final String ORG = "1123300";
    static final String ORG_NAME = "Местная администрация муниципального округа Адмиралтейский округ";
    /** Some other organization. */
    static final String OTHER_ORG = "1123301";

    private LifecycleFixtures() {
    }

    static String officer() {
        return TestTokens.officer("officer-" + UUID.randomUUID(), ORG);
    }

    static String moderator() {
        return TestTokens.moderator("moderator-" + UUID.randomUUID());
    }

    /** Submits an appeal and lets routing.events route it to {@link #ORG}, as routing-service would. */
    static String routed(TopicWriter writer, String citizen, Instant due) {
        String id = submit(citizen, validBody()).statusCode(201).extract().path("id");
        writer.send(Topics.ROUTING_EVENTS, EventEnvelope.wrap(new RoutingDecided(ORG, "Адмиралтейский округ", "Адмиралтейский",
                        ORG, ORG_NAME, due, RoutingDecided.Method.GEO, null, 1),
                new EventEnvelope.AppealRef(UUID.fromString(id), "SPB-TEST", "someone", ORG), Instant.now(), null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(citizen).get("/api/v1/appeals/" + id).then().body("status", equalTo("ROUTED")));
        return id;
    }

    /**
     * Submits an appeal and puts it straight into {@code status} with {@link #ORG} responsible
     * and a due date in a week: the transition tests need every status, reachable or not by API.
     */
    static String inStatus(String citizen, AppealStatus status) {
        String id = submit(citizen, validBody()).statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            Appeal appeal = Appeal.findById(UUID.fromString(id));
            appeal.status = status;
            appeal.municipalityCode = ORG;
            appeal.organizationCode = ORG;
            appeal.organizationName = ORG_NAME;
            appeal.moveDueDate(Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS));
            if (status == AppealStatus.ANSWERED) {
                appeal.answeredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            }
        });
        return id;
    }

    static void update(String id, java.util.function.Consumer<Appeal> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(Appeal.findById(UUID.fromString(id))));
    }

    static Appeal load(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Appeal.findById(UUID.fromString(id)));
    }

    static ValidatableResponse post(String token, String path, String body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post(path).then();
    }
}
