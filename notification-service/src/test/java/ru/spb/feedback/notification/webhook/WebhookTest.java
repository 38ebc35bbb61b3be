package ru.spb.feedback.notification.webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.Db;
import ru.spb.feedback.notification.support.WebhookReceiver;
import ru.spb.feedback.testsupport.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static ru.spb.feedback.notification.support.Api.PROBLEM;
import static ru.spb.feedback.notification.support.Api.emailOf;
import static ru.spb.feedback.notification.support.Api.newCitizenId;

/**
 * Webhooks at a real HTTP receiver on 127.0.0.1: signed, retried with backoff from the database,
 * given up after the last attempt, redeliverable, filtered, and without contact data unless the
 * integrator is entitled to it.
 */
@QuarkusTest
class WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    record Subscription(String id, String secret, String token) {
    }

    /** Subscriptions of this test; removed afterwards, so later tests' events do not go to closed receivers. */
    private final List<Subscription> subscriptions = new java.util.ArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(subscription -> given().auth().oauth2(TestTokens.admin("admin-cleanup"))
                .when().delete("/api/v1/webhooks/" + subscription.id()));
    }

    @Test
    void aReceiverThatFailsTwiceGetsExactlyOneSuccessfulDeliveryAfterThreeAttempts() {
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(2)) {
            Subscription subscription = subscribe(integrator(), receiver.url(), List.of("AppealRegistered"), null);
            String citizen = newCitizenId();
            Appeal appeal = Appeal.of(citizen);
            AppealEvents.publish(AppealEvents.registered(appeal, emailOf(citizen), "Анна Смирнова"));

            JsonPath delivery = awaitDelivery(subscription, "DELIVERED");
            assertThat(delivery.getInt("attempts")).isEqualTo(3);
            assertThat(delivery.getList("log.outcome")).containsExactly("FAILED", "FAILED", "DELIVERED");
            assertThat(delivery.getList("log.httpStatus")).containsExactly(500, 500, 204);
            assertThat(delivery.getList("log.attempt")).containsExactly(1, 2, 3);
            assertThat(delivery.getString("lastError")).isNull();

            List<WebhookReceiver.Received> received = receiver.received();
            assertThat(received).hasSize(3);
            assertThat(received).extracting(WebhookReceiver.Received::answeredWith).containsExactly(500, 500, 204);
            assertThat(received).allSatisfy(request -> {
                assertThat(request.signedWith(subscription.secret())).as("valid signature").isTrue();
                assertThat(request.signedWith("whsec_wrong")).isFalse();
                assertThat(request.header("Webhook-Id")).isEqualTo(delivery.getString("id"));
                assertThat(request.header("Webhook-Event-Type")).isEqualTo("AppealRegistered");
                assertThat(request.header("Content-Type")).startsWith("application/json");
            });
            JsonPath body = JsonPath.from(received.get(2).bodyText());
            assertThat(body.getString("deliveryId")).isEqualTo(delivery.getString("id"));
            assertThat(body.getString("eventType")).isEqualTo("AppealRegistered");
            assertThat(body.getString("appeal.number")).isEqualTo(appeal.number());
            assertThat(body.getString("appeal.status")).isEqualTo("Зарегистрировано");
            // someone else's appeal: the public view, without the notification's texts (WebhookPrivacyTest)
            assertThat(body.getString("view")).isEqualTo("public");
            assertThat(received.get(2).bodyText()).doesNotContain("\"notification\"");
            // no personal data for an integrator that is not entitled to it
            assertThat(received.get(2).bodyText()).doesNotContain(emailOf(citizen), "Анна", "contact", citizen);
        }
    }

    @Test
    void aDeliveryIsGivenUpAfterItsLastAttemptAndCanBeRedelivered() {
        try (WebhookReceiver receiver = WebhookReceiver.alwaysFailing()) {
            Subscription subscription = subscribe(integrator(), receiver.url(), List.of("AppealRegistered"), null);
            AppealEvents.publish(AppealEvents.registered(Appeal.of(newCitizenId()), null, null));

            JsonPath failed = awaitDelivery(subscription, "FAILED");
            assertThat(failed.getInt("attempts")).isEqualTo(4); // notification.webhooks.max-attempts in the test profile
            assertThat(failed.getString("lastError")).isEqualTo("the receiver answered HTTP 500");
            assertThat(failed.getString("nextAttemptAt")).isNull();
            assertThat(receiver.received()).hasSize(4);

            receiver.recover();
            given().auth().oauth2(subscription.token())
                    .when().post("/api/v1/webhooks/" + subscription.id() + "/deliveries/" + failed.getString("id") + "/redeliver")
                    .then().statusCode(202).body("status", equalTo("PENDING")).body("attemptsAllowed", equalTo(8));
            JsonPath delivered = awaitDelivery(subscription, "DELIVERED");
            assertThat(delivered.getInt("attempts")).isEqualTo(5);
            assertThat(delivered.getList("log.outcome")).containsExactly("FAILED", "FAILED", "FAILED", "FAILED", "DELIVERED");
            assertThat(receiver.received()).extracting(request -> request.header("Webhook-Id")).containsOnly(failed.getString("id"));
        }
    }

    @Test
    void redeliveringADeliveryThatIsStillWaitingIsAConflict() {
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            Subscription subscription = subscribe(integrator(), receiver.url(), List.of("AppealRegistered"), null);
            AppealEvents.publish(AppealEvents.registered(Appeal.of(newCitizenId()), null, null));
            String id = awaitDelivery(subscription, "DELIVERED").getString("id");
            new Db(dataSource).update("update delivery set status = 'PENDING', next_attempt_at = now() + interval '1 hour' where id = ?",
                    UUID.fromString(id));

            given().auth().oauth2(subscription.token())
                    .when().post("/api/v1/webhooks/" + subscription.id() + "/deliveries/" + id + "/redeliver")
                    .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:spb-feedback:problem:delivery-pending"));
            given().auth().oauth2(subscription.token())
                    .when().post("/api/v1/webhooks/" + subscription.id() + "/deliveries/" + UUID.randomUUID() + "/redeliver")
                    .then().statusCode(404).contentType(PROBLEM);
        }
    }

    @Test
    void eventTypesAndTheMunicipalityFilterSelectWhatIsSent() {
        try (WebhookReceiver admiralteisky = WebhookReceiver.healthy(); WebhookReceiver elsewhere = WebhookReceiver.healthy()) {
            Subscription routedHere = subscribe(integrator(), admiralteisky.url(), List.of("AppealRouted"),
                    List.of(AppealEvents.ADMIRALTEISKY));
            Subscription other = subscribe(integrator(), elsewhere.url(), List.of("AppealRegistered", "AppealRouted"), List.of("9999999"));
            Appeal appeal = Appeal.of(newCitizenId());
            AppealEvents.publish(AppealEvents.registered(appeal, null, null));
            AppealEvents.publish(AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15)));

            JsonPath delivered = awaitDelivery(routedHere, "DELIVERED");
            assertThat(delivered.getString("eventType")).isEqualTo("AppealRouted");
            JsonPath body = JsonPath.from(admiralteisky.received().get(0).bodyText());
            assertThat(body.getString("appeal.municipalityCode")).isEqualTo(AppealEvents.ADMIRALTEISKY);
            assertThat(body.getString("appeal.municipalityName")).isEqualTo(AppealEvents.ADMIRALTEISKY_NAME);
            assertThat(body.getString("appeal.dueAt")).isNotNull();
            assertThat(deliveries(routedHere).getList("items")).hasSize(1);
            assertThat(deliveries(other).getList("items")).isEmpty();
            assertThat(elsewhere.received()).isEmpty();
        }
    }

    @Test
    void contactDataGoesOnlyToAnEntitledIntegratorAboutItsOwnRequest() {
        try (WebhookReceiver entitledReceiver = WebhookReceiver.healthy(); WebhookReceiver plainReceiver = WebhookReceiver.healthy()) {
            // "integrator-entitled" is listed in notification.webhooks.contact-data-owners of the test profile
            Subscription entitled = subscribe(TestTokens.integrator("integrator-entitled"), entitledReceiver.url(),
                    List.of("AppealRegistered"), null);
            Subscription plain = subscribe(integrator(), plainReceiver.url(), List.of("AppealRegistered"), null);
            String citizen = newCitizenId();
            AppealEvents.publish(AppealEvents.registeredThroughOpen311(Appeal.of(citizen), "integrator-entitled",
                    emailOf(citizen), "Анна Смирнова"));

            awaitDelivery(entitled, "DELIVERED");
            awaitDelivery(plain, "DELIVERED");
            JsonPath withContact = JsonPath.from(entitledReceiver.received().get(0).bodyText());
            assertThat(withContact.getString("contact.email")).isEqualTo(emailOf(citizen));
            assertThat(withContact.getString("contact.name")).isEqualTo("Анна Смирнова");
            assertThat(entitledReceiver.received().get(0).signedWith(entitled.secret())).isTrue();
            assertThat(plainReceiver.received().get(0).bodyText()).doesNotContain(emailOf(citizen), "Анна Смирнова", "contact");
        }
    }

    @Test
    void aDeliveryLeftWaitingByAnEarlierProcessIsSentAfterARestart() {
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            Subscription subscription = subscribe(integrator(), receiver.url(), List.of("AppealRouted"), null);
            // what a copy that died after its first attempt leaves behind: the row, its attempt count, its next due time
            Db db = new Db(dataSource);
            UUID notification = UUID.randomUUID();
            UUID delivery = UUID.randomUUID();
            db.update("""
                    insert into notification (id, citizen_id, event_id, event_type, appeal_id, appeal_number, status_label, title,
                                              message, occurred_at, created_at)
                    values (?, 'citizen-restart', ?, 'AppealRouted', ?, 'SPB-2026-999100', 'Направлено исполнителю',
                            'Обращение SPB-2026-999100 направлено исполнителю', 'Текст', now(), now())""",
                    notification, UUID.randomUUID(), UUID.randomUUID());
            db.update("""
                    insert into delivery (id, channel, event_id, event_type, appeal_id, citizen_id, notification_id, subscription_id,
                                          target, payload, status, attempts, attempts_allowed, next_attempt_at, last_error,
                                          created_at, updated_at)
                    select ?, 'WEBHOOK', n.event_id, n.event_type, n.appeal_id, n.citizen_id, n.id, ?, ?, ?, 'PENDING', 1, 4,
                           now() - interval '1 minute', 'the receiver answered HTTP 503', now(), now()
                    from notification n where n.id = ?""",
                    delivery, UUID.fromString(subscription.id()), subscription.id(),
                    "{\"deliveryId\":\"" + delivery + "\",\"eventType\":\"AppealRouted\"}", notification);

            await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
            assertThat(receiver.received().get(0).header("Webhook-Id")).isEqualTo(delivery.toString());
            assertThat(receiver.received().get(0).signedWith(subscription.secret())).isTrue();
            JsonPath delivered = awaitDelivery(subscription, "DELIVERED");
            assertThat(delivered.getInt("attempts")).isEqualTo(2);
        }
    }

    @Test
    void anOwnRequestsOnlySubscriptionGetsOnlyTheEventsOfItsOwnOpen311Appeals() {
        try (WebhookReceiver ownReceiver = WebhookReceiver.healthy(); WebhookReceiver allReceiver = WebhookReceiver.healthy()) {
            String integratorA = "integrator-" + UUID.randomUUID();
            String integratorB = "integrator-" + UUID.randomUUID();
            List<String> types = List.of("AppealRegistered", "AppealRouted");
            Subscription ownOnly = subscribe(TestTokens.integrator(integratorA), Map.of("url", ownReceiver.url(),
                    "eventTypes", types, "ownRequestsOnly", true));
            Subscription everything = subscribe(TestTokens.integrator(integratorB), Map.of("url", allReceiver.url(),
                    "eventTypes", types));

            Appeal ofA = Appeal.of(newCitizenId());
            Appeal throughApi = Appeal.of(newCitizenId());
            Appeal ofB = Appeal.of(newCitizenId());
            // its AppealRegistered was never seen here: nobody's own request
            Appeal untracked = Appeal.of(newCitizenId());
            List<UUID> events = publishAll(
                    AppealEvents.registeredThroughOpen311(ofA, integratorA, null, null),
                    AppealEvents.registered(throughApi, null, null),
                    AppealEvents.registeredThroughOpen311(ofB, integratorB, null, null),
                    AppealEvents.routed(ofA, LocalDate.of(2026, 12, 15)),
                    AppealEvents.routed(untracked, LocalDate.of(2026, 12, 15)));
            awaitProcessed(events);

            assertThat(deliveries(ownOnly).getList("items.appealId", String.class)).containsOnly(ofA.id().toString()).hasSize(2);
            // (other suites' appeals may reach the unfiltered subscription too: look at this test's only)
            List<String> mine = List.of(ofA.id().toString(), throughApi.id().toString(), ofB.id().toString(), untracked.id().toString());
            assertThat(deliveries(everything).getList("items.appealId", String.class).stream().filter(mine::contains))
                    .containsExactlyInAnyOrder(ofA.id().toString(), ofA.id().toString(), throughApi.id().toString(),
                            ofB.id().toString());

            await().atMost(WAIT).until(() -> ownReceiver.received().size() == 2 && bodiesOf(allReceiver, mine).size() == 4);
            assertThat(ownReceiver.received()).allSatisfy(request -> {
                assertThat(request.signedWith(ownOnly.secret())).isTrue();
                JsonPath body = JsonPath.from(request.bodyText());
                assertThat(body.getString("appeal.number")).isEqualTo(ofA.number());
                assertThat(body.getString("appeal.channel")).isEqualTo("OPEN311");
                assertThat(body.getString("appeal.open311.serviceRequestId")).isEqualTo(ofA.number());
            });

            Map<String, List<JsonPath>> toB = bodiesOf(allReceiver, mine).stream()
                    .collect(Collectors.groupingBy(body -> body.getString("appeal.id")));
            assertThat(toB.get(ofB.id().toString())).singleElement().satisfies(body -> {
                assertThat(body.getString("appeal.channel")).isEqualTo("OPEN311");
                assertThat(body.getString("appeal.open311.serviceRequestId")).isEqualTo(ofB.number());
            });
            // another integrator's requests: the channel, but never their service request id
            assertThat(toB.get(ofA.id().toString())).hasSize(2).allSatisfy(body -> {
                assertThat(body.getString("appeal.channel")).isEqualTo("OPEN311");
                assertThat(body.getMap("appeal")).doesNotContainKey("open311");
            });
            assertThat(toB.get(throughApi.id().toString())).singleElement().satisfies(body -> {
                assertThat(body.getString("appeal.channel")).isEqualTo("API");
                assertThat(body.getMap("appeal")).doesNotContainKey("open311");
            });
            // an appeal whose registration was never seen here is not known to be public: nobody else hears of it
            assertThat(toB).doesNotContainKey(untracked.id().toString());
        }
    }

    @Test
    void ownRequestsOnlyWorksTogetherWithTheMunicipalityAndEventTypeFilters() {
        try (WebhookReceiver here = WebhookReceiver.healthy(); WebhookReceiver elsewhere = WebhookReceiver.healthy()) {
            String integrator = "integrator-" + UUID.randomUUID();
            String token = TestTokens.integrator(integrator);
            Subscription routedHere = subscribe(token, Map.of("url", here.url(), "eventTypes", List.of("AppealRouted"),
                    "municipalityCodes", List.of(AppealEvents.ADMIRALTEISKY), "ownRequestsOnly", true));
            Subscription routedElsewhere = subscribe(token, Map.of("url", elsewhere.url(),
                    "eventTypes", List.of("AppealRegistered", "AppealRouted"), "municipalityCodes", List.of("9999999"),
                    "ownRequestsOnly", true));

            Appeal own = Appeal.of(newCitizenId());
            Appeal throughApi = Appeal.of(newCitizenId());
            List<UUID> events = publishAll(
                    AppealEvents.registeredThroughOpen311(own, integrator, null, null),
                    AppealEvents.registered(throughApi, null, null),
                    AppealEvents.routed(own, LocalDate.of(2026, 12, 15)),
                    AppealEvents.routed(throughApi, LocalDate.of(2026, 12, 15)));
            awaitProcessed(events);

            // not the registration (another event type, and no municipality yet), not the API appeal routed to the same place
            JsonPath delivered = awaitDelivery(routedHere, "DELIVERED");
            assertThat(delivered.getString("eventType")).isEqualTo("AppealRouted");
            assertThat(delivered.getString("appealId")).isEqualTo(own.id().toString());
            assertThat(deliveries(routedHere).getList("items")).hasSize(1);
            assertThat(deliveries(routedElsewhere).getList("items")).isEmpty();
            given().auth().oauth2(token).when().get("/api/v1/webhooks/" + routedHere.id())
                    .then().statusCode(200).body("ownRequestsOnly", equalTo(true));
            JsonPath body = JsonPath.from(here.received().get(0).bodyText());
            assertThat(body.getString("appeal.municipalityCode")).isEqualTo(AppealEvents.ADMIRALTEISKY);
            assertThat(body.getString("appeal.open311.serviceRequestId")).isEqualTo(own.number());
        }
    }

    @Test
    void registersASubscriptionAndShowsTheSecretOnlyOnce() {
        String token = integrator();
        String location = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "https://127.0.0.1:9/hooks", "eventTypes", List.of("AppealRegistered", "AppealRouted"),
                        "municipalityCodes", List.of(AppealEvents.ADMIRALTEISKY), "description", "Диспетчерская"))
                .when().post("/api/v1/webhooks")
                .then().statusCode(201)
                .body("secret", startsWith("whsec_"))
                .body("eventTypes", equalTo(List.of("AppealRegistered", "AppealRouted")))
                .body("municipalityCodes", equalTo(List.of(AppealEvents.ADMIRALTEISKY)))
                .body("ownRequestsOnly", equalTo(false))
                .body("active", equalTo(true))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        subscriptions.add(new Subscription(id, null, token));
        given().auth().oauth2(token).when().get("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("secret", nullValue()).body("description", equalTo("Диспетчерская"))
                .body("ownRequestsOnly", equalTo(false));
        given().auth().oauth2(token).when().get("/api/v1/webhooks")
                .then().statusCode(200).body("items.id", hasItem(id)).body("items.secret", not(hasItem(startsWith("whsec_"))));

        String stored = (String) new Db(dataSource).rows("select secret_ciphertext from webhook_subscription where id = ?",
                UUID.fromString(id)).get(0).get("secret_ciphertext");
        assertThat(stored).startsWith("v1:").doesNotContain("whsec_");
    }

    @Test
    void rejectsInvalidSubscriptionsWithTheReason() {
        String token = integrator();
        create(token, Map.of("url", "ftp://example.org/hooks", "eventTypes", List.of("AppealRegistered")))
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("url"));
        create(token, Map.of("url", "https://no-such-host.invalid/hooks", "eventTypes", List.of("AppealRegistered")))
                .statusCode(400).body("violations[0].field", equalTo("url"))
                .body("violations[0].message", equalTo("has a host that cannot be resolved"));
        create(token, Map.of("url", "https://user:pw@127.0.0.1/hooks", "eventTypes", List.of("AppealRegistered")))
                .statusCode(400).body("violations[0].message", equalTo("must not contain credentials"));
        create(token, Map.of("url", "https://127.0.0.1/hooks", "eventTypes", List.of("AppealTeleported", "RoutingDecided")))
                .statusCode(400)
                .body("violations.field", equalTo(List.of("eventTypes[0]", "eventTypes[1]")))
                .body("violations[0].message", equalTo("is not a citizen-visible event type"));
        create(token, Map.of("url", "https://127.0.0.1/hooks", "eventTypes", List.of()))
                .statusCode(400).body("violations[0].field", equalTo("eventTypes"));
        create(token, Map.of("url", "https://127.0.0.1/hooks", "eventTypes", List.of("AppealRouted"), "municipalityCodes", List.of("Адмиралтейский")))
                .statusCode(400).body("violations[0].field", equalTo("municipalityCodes[0]"));
        create(token, Map.of("eventTypes", List.of("AppealRouted")))
                .statusCode(400).body("violations[0].field", equalTo("url"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"url\": ").when().post("/api/v1/webhooks")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:spb-feedback:problem:malformed-json"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"url\": \"https://127.0.0.1/\", \"eventTypes\": \"AppealRouted\"}")
                .when().post("/api/v1/webhooks")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("eventTypes"));
        for (String notABoolean : List.of("\"yes\"", "{}", "[true]")) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"url\": \"https://127.0.0.1/\", \"eventTypes\": [\"AppealRouted\"], \"ownRequestsOnly\": " + notABoolean + "}")
                    .when().post("/api/v1/webhooks")
                    .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("ownRequestsOnly"));
        }
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("hello").when().post("/api/v1/webhooks")
                .then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(token).queryParam("size", 0).when().get("/api/v1/webhooks")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("size"));
    }

    @Test
    void onlyIntegratorsAndAdminsManageWebhooksAndEachOnlyTheirOwn() {
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            Subscription mine = subscribe(integrator(), receiver.url(), List.of("AppealRegistered"), null);
            String base = "/api/v1/webhooks/" + mine.id();
            String somebodyElse = integrator();

            String citizenToken = TestTokens.citizen(newCitizenId());
            String delivery = base + "/deliveries/" + UUID.randomUUID() + "/redeliver";
            for (String[] call : new String[][]{{"GET", "/api/v1/webhooks"}, {"GET", base}, {"DELETE", base},
                    {"GET", base + "/deliveries"}, {"POST", delivery}}) {
                given().when().request(call[0], call[1]).then().statusCode(401).contentType(PROBLEM)
                        .header("WWW-Authenticate", "Bearer");
                given().auth().oauth2(citizenToken).when().request(call[0], call[1]).then().statusCode(403).contentType(PROBLEM);
                given().auth().oauth2(TestTokens.officer("officer-3", AppealEvents.ADMIRALTEISKY)).when().request(call[0], call[1])
                        .then().statusCode(403).contentType(PROBLEM);
            }
            create(null, Map.of("url", receiver.url(), "eventTypes", List.of("AppealRegistered"))).statusCode(401);
            String citizen = TestTokens.citizen(newCitizenId());
            create(citizen, Map.of("url", receiver.url(), "eventTypes", List.of("AppealRegistered")))
                    .statusCode(403).contentType(PROBLEM);
            given().auth().oauth2(citizen).when().get(base + "/deliveries").then().statusCode(403).contentType(PROBLEM);

            for (String path : List.of(base, base + "/deliveries")) {
                given().auth().oauth2(somebodyElse).when().get(path).then().statusCode(404).contentType(PROBLEM);
                given().auth().oauth2(TestTokens.admin("admin-1")).when().get(path).then().statusCode(200);
            }
            given().auth().oauth2(somebodyElse).when().post(base + "/deliveries/" + UUID.randomUUID() + "/redeliver")
                    .then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(somebodyElse).when().delete(base).then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(somebodyElse).when().get("/api/v1/webhooks").then().statusCode(200)
                    .body("items.id", not(hasItem(mine.id())));
            given().auth().oauth2(TestTokens.admin("admin-1")).queryParam("size", 100).when().get("/api/v1/webhooks")
                    .then().statusCode(200).body("totalItems", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
            given().auth().oauth2(mine.token()).queryParam("status", "LOST").when().get(base + "/deliveries")
                    .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("status"));
        }
    }

    @Test
    void deletingASubscriptionCancelsWhatStillWaits() {
        try (WebhookReceiver receiver = WebhookReceiver.alwaysFailing()) {
            Subscription subscription = subscribe(integrator(), receiver.url(), List.of("AppealRegistered"), null);
            AppealEvents.publish(AppealEvents.registered(Appeal.of(newCitizenId()), null, null));
            await().atMost(WAIT).until(() -> !receiver.received().isEmpty());

            given().auth().oauth2(subscription.token()).when().delete("/api/v1/webhooks/" + subscription.id()).then().statusCode(204);
            given().auth().oauth2(subscription.token()).when().get("/api/v1/webhooks/" + subscription.id()).then().statusCode(404);
            Db db = new Db(dataSource);
            await().atMost(WAIT).until(() -> db.count("select count(*) from delivery where subscription_id = ? and status = 'PENDING'",
                    UUID.fromString(subscription.id())) == 0);
            assertThat(db.rows("select status from delivery where subscription_id = ?", UUID.fromString(subscription.id())))
                    .extracting(row -> row.get("status")).containsOnly("CANCELLED");
        }
    }

    private static String integrator() {
        return TestTokens.integrator("integrator-" + UUID.randomUUID());
    }

    private static ValidatableResponse create(String token, Map<String, ?> body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.when().post("/api/v1/webhooks").then();
    }

    private Subscription subscribe(String token, String url, List<String> types, List<String> municipalities) {
        return subscribe(token, municipalities == null ? Map.of("url", url, "eventTypes", types)
                : Map.of("url", url, "eventTypes", types, "municipalityCodes", municipalities));
    }

    private Subscription subscribe(String token, Map<String, ?> body) {
        JsonPath created = create(token, body).statusCode(201).extract().jsonPath();
        assertThat(created.getBoolean("ownRequestsOnly")).isEqualTo(Boolean.TRUE.equals(body.get("ownRequestsOnly")));
        Subscription subscription = new Subscription(created.getString("id"), created.getString("secret"), token);
        subscriptions.add(subscription);
        return subscription;
    }

    private static List<UUID> publishAll(EventEnvelope... envelopes) {
        for (EventEnvelope envelope : envelopes) {
            AppealEvents.publish(envelope);
        }
        return Arrays.stream(envelopes).map(EventEnvelope::eventId).toList();
    }

    /** The bodies the receiver got about these appeals. */
    private static List<JsonPath> bodiesOf(WebhookReceiver receiver, List<String> appealIds) {
        return receiver.received().stream().map(request -> JsonPath.from(request.bodyText()))
                .filter(body -> appealIds.contains(body.getString("appeal.id"))).toList();
    }

    /** Waits until the consumer has handled the events: their webhook deliveries are scheduled in the same transaction. */
    private void awaitProcessed(List<UUID> events) {
        Db db = new Db(dataSource);
        await().atMost(WAIT).until(() -> events.stream().allMatch(event -> db.count(
                "select count(*) from processed_event where consumer = 'notification-service' and event_id = ?", event) == 1));
    }

    private static JsonPath deliveries(Subscription subscription) {
        return given().auth().oauth2(subscription.token()).when().get("/api/v1/webhooks/" + subscription.id() + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the subscription's newest delivery is in the state; returns that delivery. */
    private static JsonPath awaitDelivery(Subscription subscription, String status) {
        await().atMost(WAIT).until(() -> {
            List<Map<String, Object>> items = deliveries(subscription).getList("items");
            return !items.isEmpty() && status.equals(items.get(0).get("status"));
        });
        return JsonPath.from(given().auth().oauth2(subscription.token())
                .when().get("/api/v1/webhooks/" + subscription.id() + "/deliveries")
                .then().extract().jsonPath().prettify()).setRootPath("items[0]");
    }
}
