package ru.spb.feedback.notification.webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealAnswered;
import ru.spb.feedback.contracts.AppealCategoryChanged;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealRejected;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.Db;
import ru.spb.feedback.notification.support.WebhookReceiver;
import ru.spb.feedback.testsupport.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.spb.feedback.notification.support.Api.emailOf;
import static ru.spb.feedback.notification.support.Api.newCitizenId;

/**
 * Webhooks tell an integrator everything only about the appeals it filed itself (Open311); about
 * any other appeal only what the public view shows, and nothing at all about official appeals or
 * appeals of problem types that are not public.
 */
@QuarkusTest
class WebhookPrivacyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> TYPES = List.of("AppealRegistered", "AppealRouted", "AppealAnswered", "AppealRejected");
    private static final String ADDRESS = "Адмиралтейский пр., 1";
    private static final String DESCRIPTION = "Во дворе поставили бетонные блоки";
    private static final String ANSWER = "Блоки убраны, проезд свободен";
    private static final String NOTE = "Повторная жалоба соседа из кв. 12";

    @Inject
    AgroalDataSource dataSource;

    private record Subscription(String id, String token) {
    }

    private final List<Subscription> subscriptions = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(subscription -> given().auth().oauth2(TestTokens.admin("admin-cleanup"))
                .when().delete("/api/v1/webhooks/" + subscription.id()));
    }

    @Test
    void anIntegratorGetsTheFullBodyOnlyOfItsOwnRequestsAndThePublicViewOfOthers() {
        try (WebhookReceiver receiverA = WebhookReceiver.healthy(); WebhookReceiver receiverB = WebhookReceiver.healthy()) {
            String integratorA = "integrator-" + UUID.randomUUID();
            // B is listed in notification.webhooks.contact-data-owners of the test profile: contacts, but of its own requests only
            String integratorB = "integrator-entitled";
            Subscription a = subscribe(integratorA, receiverA.url());
            Subscription b = subscribe(integratorB, receiverB.url());

            String citizenOfA = newCitizenId();
            String citizenOfB = newCitizenId();
            Appeal ofA = Appeal.of(citizenOfA);
            Appeal ofB = Appeal.of(citizenOfB);
            publishAll(
                    AppealEvents.registeredThroughOpen311(ofA, integratorA, emailOf(citizenOfA), "Пётр Иванов"),
                    AppealEvents.registeredThroughOpen311(ofB, integratorB, emailOf(citizenOfB), "Анна Смирнова"),
                    AppealEvents.routed(ofA, LocalDate.of(2026, 12, 15)),
                    AppealEvents.routed(ofB, LocalDate.of(2026, 12, 15)),
                    AppealEvents.of(ofA, new AppealAnswered("org-1", AppealEvents.ADMINISTRATION_NAME, ANSWER, List.of())),
                    AppealEvents.of(ofB, new AppealAnswered("org-1", AppealEvents.ADMINISTRATION_NAME, ANSWER, List.of())),
                    AppealEvents.of(ofB, new AppealRejected(AppealRejected.Reason.NOT_AN_APPEAL, NOTE, null, null)));

            List<String> both = List.of(ofA.id().toString(), ofB.id().toString());
            await().atMost(WAIT).until(() -> bodiesOf(receiverA, both).size() == 7 && bodiesOf(receiverB, both).size() == 7);

            // A about B's appeal: the public view, nothing of the person, the texts or the organization's answer
            List<WebhookReceiver.Received> aboutB = received(receiverA, ofB);
            assertThat(aboutB).hasSize(4).allSatisfy(request -> {
                assertThat(request.bodyText()).doesNotContain(ADDRESS, DESCRIPTION, ANSWER, NOTE, emailOf(citizenOfB),
                        "Анна", citizenOfB, "contact", "notification", "open311", AppealEvents.ADMINISTRATION_NAME);
                JsonPath body = JsonPath.from(request.bodyText());
                assertThat(body.getString("view")).isEqualTo("public");
                assertThat(body.getString("appeal.number")).isEqualTo(ofB.number());
                assertThat(body.getString("appeal.category")).isEqualTo("Конструкция, препятствующая парковке");
                if (!"AppealRegistered".equals(body.getString("eventType"))) { // routing names the municipality
                    assertThat(body.getString("appeal.municipalityName")).isEqualTo(AppealEvents.ADMIRALTEISKY_NAME);
                }
                assertThat(body.getString("appeal.status")).isNotBlank();
                assertThat(body.getString("occurredAt")).isNotBlank();
                assertThat(body.getMap("appeal")).doesNotContainKeys("organizationName", "address");
            });
            assertThat(aboutB).extracting(request -> JsonPath.from(request.bodyText()).getString("appeal.status"))
                    .contains("Дан ответ", "Отклонено");
            // and B about A's appeal, although B may see the contacts of its own requests
            assertThat(received(receiverB, ofA)).hasSize(3).allSatisfy(request -> {
                assertThat(request.bodyText()).doesNotContain(ADDRESS, ANSWER, emailOf(citizenOfA), "Пётр", "contact", "notification");
                assertThat(JsonPath.from(request.bodyText()).getString("view")).isEqualTo("public");
            });

            // the filer gets everything: the texts, the service request id and (being entitled) the contact
            List<WebhookReceiver.Received> ownOfB = received(receiverB, ofB);
            assertThat(ownOfB).hasSize(4).allSatisfy(request -> {
                JsonPath body = JsonPath.from(request.bodyText());
                assertThat(body.getString("view")).isEqualTo("full");
                assertThat(body.getString("appeal.open311.serviceRequestId")).isEqualTo(ofB.number());
                assertThat(body.getString("contact.email")).isEqualTo(emailOf(citizenOfB));
                assertThat(body.getString("notification.title")).contains(ofB.number());
            });
            assertThat(ownOfB).extracting(WebhookReceiver.Received::bodyText)
                    .anySatisfy(text -> assertThat(text).contains(ANSWER))
                    .anySatisfy(text -> assertThat(text).contains(NOTE))
                    .anySatisfy(text -> assertThat(text).contains(ADDRESS));
            assertThat(received(receiverA, ofA)).hasSize(3).allSatisfy(request -> {
                JsonPath body = JsonPath.from(request.bodyText());
                assertThat(body.getString("view")).isEqualTo("full");
                // A is not entitled to contacts at all
                assertThat(request.bodyText()).doesNotContain("contact", emailOf(citizenOfA));
            });
            assertThat(received(receiverA, ofA)).extracting(WebhookReceiver.Received::bodyText)
                    .anySatisfy(text -> assertThat(text).contains(ANSWER));
        }
    }

    @Test
    void officialAppealsAndAppealsOfTypesThatAreNotPublicReachNoOtherIntegrator() {
        try (WebhookReceiver receiverA = WebhookReceiver.healthy(); WebhookReceiver receiverB = WebhookReceiver.healthy()) {
            String integratorB = "integrator-" + UUID.randomUUID();
            Subscription a = subscribe("integrator-" + UUID.randomUUID(), receiverA.url());
            Subscription b = subscribe(integratorB, receiverB.url());

            Appeal official = Appeal.of(newCitizenId());
            Appeal notPublic = Appeal.of(newCitizenId());
            Appeal notSaid = Appeal.of(newCitizenId());
            Appeal notPublicOfB = Appeal.of(newCitizenId());
            Appeal untracked = Appeal.of(newCitizenId());
            Appeal shown = Appeal.of(newCitizenId());
            List<UUID> events = publishAll(
                    AppealEvents.registered(official, AppealRegistered.Channel.API, null, null, null, true, true),
                    AppealEvents.registered(notPublic, AppealRegistered.Channel.API, null, null, null, false, false),
                    // a record written before the flag existed: not public
                    AppealEvents.registered(notSaid, AppealRegistered.Channel.API, null, null, null, false, null),
                    AppealEvents.registered(notPublicOfB, AppealRegistered.Channel.OPEN311, integratorB, null, null, false, false),
                    AppealEvents.registered(shown, AppealRegistered.Channel.API, null, null, null, false, true),
                    AppealEvents.routed(official, LocalDate.of(2026, 12, 15)),
                    AppealEvents.routed(notPublic, LocalDate.of(2026, 12, 15)),
                    AppealEvents.routed(notPublicOfB, LocalDate.of(2026, 12, 15)),
                    // its registration was never seen here: nothing is known to be public about it
                    AppealEvents.routed(untracked, LocalDate.of(2026, 12, 15)),
                    AppealEvents.of(official, new AppealAnswered("org-1", AppealEvents.ADMINISTRATION_NAME, ANSWER, List.of())));
            awaitProcessed(events);

            List<String> hidden = List.of(official.id().toString(), notPublic.id().toString(), notSaid.id().toString(),
                    untracked.id().toString());
            assertThat(appealsDeliveredTo(a)).doesNotContainAnyElementsOf(hidden).doesNotContain(notPublicOfB.id().toString())
                    .contains(shown.id().toString());
            assertThat(appealsDeliveredTo(b)).doesNotContainAnyElementsOf(hidden).contains(shown.id().toString());
            // the filer still hears of its own request, whatever its type
            assertThat(appealsDeliveredTo(b).stream().filter(notPublicOfB.id().toString()::equals)).hasSize(2);
            await().atMost(WAIT).until(() -> received(receiverB, notPublicOfB).size() == 2);
            assertThat(received(receiverB, notPublicOfB)).allSatisfy(request ->
                    assertThat(JsonPath.from(request.bodyText()).getString("view")).isEqualTo("full"));
            assertThat(new Db(dataSource).count("select count(*) from delivery where channel = 'WEBHOOK' and appeal_id in (?, ?, ?, ?)",
                    official.id(), notPublic.id(), notSaid.id(), untracked.id())).isZero();
        }
    }

    @Test
    void aCorrectedProblemTypeDecidesFromThenOnWhetherOthersHearOfTheAppeal() {
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            Subscription a = subscribe("integrator-" + UUID.randomUUID(), receiver.url());
            AppealRegistered.CategoryRef hidden = new AppealRegistered.CategoryRef("90", "Нарушение в учреждении", "9",
                    "Учреждения", "2", "Учреждение", false);
            AppealRegistered.CategoryRef shownType = new AppealRegistered.CategoryRef("71", "Мусор во дворе", "8", "Уборка",
                    "1", "Двор", true);
            // no flag on the new type (an older appeals-service): not public
            AppealRegistered.CategoryRef notSaid = new AppealRegistered.CategoryRef("72", "Листва", "8", "Уборка", "1", "Двор");
            Appeal becomesPublic = Appeal.of(newCitizenId());
            Appeal becomesHidden = Appeal.of(newCitizenId());
            List<UUID> events = publishAll(
                    AppealEvents.registered(becomesPublic, AppealRegistered.Channel.API, null, null, null, false, false),
                    AppealEvents.registered(becomesHidden, AppealRegistered.Channel.API, null, null, null, false, true),
                    AppealEvents.of(becomesPublic, new AppealCategoryChanged(hidden, shownType, 9, "Речь о мусоре")),
                    AppealEvents.of(becomesHidden, new AppealCategoryChanged(shownType, notSaid, 9, "Речь о листве")),
                    AppealEvents.routed(becomesPublic, LocalDate.of(2026, 12, 15)),
                    AppealEvents.routed(becomesHidden, LocalDate.of(2026, 12, 15)));
            awaitProcessed(events);

            List<String> delivered = appealsDeliveredTo(a);
            // the registration of the one not yet public and everything after the other was hidden: nothing
            assertThat(delivered.stream().filter(becomesPublic.id().toString()::equals)).hasSize(1);
            assertThat(delivered.stream().filter(becomesHidden.id().toString()::equals)).hasSize(1);
            await().atMost(WAIT).until(() -> received(receiver, becomesPublic).size() == 1);
            assertThat(JsonPath.from(received(receiver, becomesPublic).get(0).bodyText()).getString("eventType"))
                    .isEqualTo("AppealRouted");
            await().atMost(WAIT).until(() -> received(receiver, becomesHidden).size() == 1);
            assertThat(JsonPath.from(received(receiver, becomesHidden).get(0).bodyText()).getString("eventType"))
                    .isEqualTo("AppealRegistered");
        }
    }

    private Subscription subscribe(String integrator, String url) {
        String token = TestTokens.integrator(integrator);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", url, "eventTypes", TYPES))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        Subscription subscription = new Subscription(id, token);
        subscriptions.add(subscription);
        return subscription;
    }

    private static List<UUID> publishAll(EventEnvelope... envelopes) {
        List<UUID> ids = new ArrayList<>();
        for (EventEnvelope envelope : envelopes) {
            AppealEvents.publish(envelope);
            ids.add(envelope.eventId());
        }
        return ids;
    }

    private void awaitProcessed(List<UUID> events) {
        Db db = new Db(dataSource);
        await().atMost(WAIT).until(() -> events.stream().allMatch(event -> db.count(
                "select count(*) from processed_event where consumer = 'notification-service' and event_id = ?", event) == 1));
    }

    private static List<String> appealsDeliveredTo(Subscription subscription) {
        return given().auth().oauth2(subscription.token()).queryParam("size", 100)
                .when().get("/api/v1/webhooks/" + subscription.id() + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("items.appealId", String.class);
    }

    private static List<WebhookReceiver.Received> received(WebhookReceiver receiver, Appeal appeal) {
        return receiver.received().stream()
                .filter(request -> appeal.id().toString().equals(JsonPath.from(request.bodyText()).getString("appeal.id"))).toList();
    }

    private static List<WebhookReceiver.Received> bodiesOf(WebhookReceiver receiver, List<String> appealIds) {
        return receiver.received().stream()
                .filter(request -> appealIds.contains(JsonPath.from(request.bodyText()).getString("appeal.id"))).toList();
    }
}
