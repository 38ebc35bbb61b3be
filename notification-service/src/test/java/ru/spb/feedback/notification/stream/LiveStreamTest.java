package ru.spb.feedback.notification.stream;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.Db;
import ru.spb.feedback.notification.support.SseClient;
import ru.spb.feedback.testsupport.TestTokens;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static ru.spb.feedback.notification.support.Api.PROBLEM;
import static ru.spb.feedback.notification.support.Api.newCitizenId;
import static ru.spb.feedback.notification.support.Api.tokenOf;

/**
 * The live stream: opened with a token or a single-use ticket, fed through the database so a
 * notification created by any copy of the service reaches the citizen's stream on this one,
 * resumable with Last-Event-ID, and caught up after the listener loses its connection.
 */
@QuarkusTest
class LiveStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTicketOpensTheStreamOnceWithoutAnAuthorizationHeader() {
        String citizen = newCitizenId();
        String ticket = given().auth().oauth2(tokenOf(citizen)).when().post("/api/v1/notifications/stream-tickets")
                .then().statusCode(201).body("expiresAt", notNullValue()).extract().path("ticket");

        try (SseClient live = SseClient.open(withTicket(ticket), Map.of())) {
            assertThat(live.status()).isEqualTo(200);
            // whose stream it is, for the gateway's cap per citizen (a ticket says nothing the gateway can read)
            assertThat(live.header("X-Stream-Subject")).isEqualTo(citizen);
            live.awaitComment("connected", WAIT);
            Appeal appeal = Appeal.of(citizen);
            AppealEvents.publish(AppealEvents.registered(appeal, null, null));
            assertThat(live.awaitEvent(event -> event.data().contains(appeal.number()), WAIT).name()).isEqualTo("notification");
        }

        try (SseClient again = SseClient.open(withTicket(ticket), Map.of())) {
            assertThat(again.status()).isEqualTo(401);
            assertThat(again.header("Content-Type")).startsWith(PROBLEM);
        }
    }

    @Test
    void aStreamSaysWhenItsCredentialExpiresForTheGatewayToEndIt() {
        String citizen = newCitizenId();
        String token = TestTokens.custom(citizen).group("citizen").lifetime(Duration.ofMinutes(7)).sign();
        long tokenExp = jwtExp(token);
        String ticket = given().auth().oauth2(token).when().post("/api/v1/notifications/stream-tickets")
                .then().statusCode(201).extract().path("ticket");

        // a ticket's stream lives no longer than the token the ticket was taken with, not the ticket's own minute
        try (SseClient live = SseClient.open(withTicket(ticket), Map.of())) {
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.header("X-Stream-Ends-At")).isEqualTo(String.valueOf(tokenExp));
        }
        try (SseClient live = SseClient.open(stream, Map.of("Authorization", "Bearer " + token))) {
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.header("X-Stream-Ends-At")).isEqualTo(String.valueOf(tokenExp));
        }
    }

    @Test
    void refusesUnknownAndExpiredTicketsAndMissingOrWrongTokens() throws Exception {
        try (SseClient unknown = SseClient.open(withTicket("no-such-ticket"), Map.of())) {
            assertThat(unknown.status()).isEqualTo(401);
        }
        String ticket = given().auth().oauth2(tokenOf(newCitizenId())).when().post("/api/v1/notifications/stream-tickets")
                .then().statusCode(201).extract().path("ticket");
        new Db(dataSource).update("update stream_ticket set expires_at = ? where ticket_hash = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), sha256(ticket));
        given().queryParam("ticket", ticket).when().get("/api/v1/notifications/stream")
                .then().statusCode(401).contentType(PROBLEM).body("type", equalTo("urn:spb-feedback:problem:invalid-stream-ticket"));

        given().when().get("/api/v1/notifications/stream")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("garbage").when().get("/api/v1/notifications/stream").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.officer("officer-7", AppealEvents.ADMIRALTEISKY)).when().get("/api/v1/notifications/stream")
                .then().statusCode(403).contentType(PROBLEM);

        given().when().post("/api/v1/notifications/stream-tickets").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.integrator("integrator-7")).when().post("/api/v1/notifications/stream-tickets")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aNotificationAnnouncedByAnotherCopyReachesTheStreamHere() {
        String citizen = newCitizenId();
        try (SseClient live = SseClient.open(stream, Map.of("Authorization", "Bearer " + tokenOf(citizen)))) {
            live.awaitComment("connected", WAIT);
            // what another copy of the service does: insert the notification and NOTIFY, in its own transaction
            UUID id = insertNotification(citizen, "Обращение SPB-2026-999001 направлено исполнителю");
            new Db(dataSource).rows("select pg_notify('notification_created', ?)",
                    "{\"id\":\"" + id + "\",\"citizen\":\"" + citizen + "\",\"seq\":0}");

            SseClient.Event event = live.awaitEvent(e -> e.data().contains(id.toString()), WAIT);
            assertThat(JsonPath.from(event.data()).getString("title")).isEqualTo("Обращение SPB-2026-999001 направлено исполнителю");
        }
    }

    @Test
    void afterLosingItsDatabaseConnectionTheListenerCatchesTheStreamsUp() {
        String citizen = newCitizenId();
        Db db = new Db(dataSource);
        try (SseClient live = SseClient.open(stream, Map.of("Authorization", "Bearer " + tokenOf(citizen)))) {
            live.awaitComment("connected", WAIT);
            assertThat(db.rows("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'notification-listener'"
                    + " and datname = current_database()")).isNotEmpty();
            // created while nobody listens, and never announced: only the catch-up can bring it
            UUID id = insertNotification(citizen, "Обращение SPB-2026-999002 зарегистрировано");

            live.awaitEvent(e -> e.data().contains(id.toString()), WAIT);
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysWhatWasMissed() {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        AppealEvents.publish(AppealEvents.registered(appeal, null, null));
        AppealEvents.publish(AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15)));
        String token = tokenOf(citizen);
        await().atMost(WAIT).until(() -> given().auth().oauth2(token).when().get("/api/v1/notifications")
                .then().extract().jsonPath().getInt("totalItems") == 2);
        JsonPath inbox = given().auth().oauth2(token).when().get("/api/v1/notifications").then().extract().jsonPath();
        long routedSeq = inbox.getLong("items.find { it.eventType == 'AppealRouted' }.seq");
        long registeredSeq = inbox.getLong("items.find { it.eventType == 'AppealRegistered' }.seq");
        assertThat(routedSeq).isGreaterThan(registeredSeq);

        try (SseClient resumed = SseClient.open(stream, Map.of("Authorization", "Bearer " + token,
                "Last-Event-ID", String.valueOf(registeredSeq)))) {
            SseClient.Event replayed = resumed.awaitEvent(e -> "notification".equals(e.name()), WAIT);
            assertThat(replayed.id()).isEqualTo(String.valueOf(routedSeq));
            resumed.awaitComment("heartbeat", WAIT);
            assertThat(resumed.events()).hasSize(1);
        }
    }

    private UUID insertNotification(String citizen, String title) {
        UUID id = UUID.randomUUID();
        new Db(dataSource).update("""
                        insert into notification (id, citizen_id, event_id, event_type, appeal_id, appeal_number, status_label,
                                                  title, message, occurred_at, created_at)
                        values (?, ?, ?, 'AppealRouted', ?, 'SPB-2026-999001', 'Направлено исполнителю', ?, 'Текст', now(), now())""",
                id, citizen, UUID.randomUUID(), UUID.randomUUID(), title);
        return id;
    }

    private static long jwtExp(String token) {
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(claims).getLong("exp");
    }

    private URI withTicket(String ticket) {
        return URI.create(stream + "?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
