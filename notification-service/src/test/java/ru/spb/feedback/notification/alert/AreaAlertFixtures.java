package ru.spb.feedback.notification.alert;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import ru.spb.feedback.contracts.AppealAnswered;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealRouted;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.GeoPoint;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.Db;
import ru.spb.feedback.notification.support.SmtpServer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Subscribers, appeals at chosen places and the e-mails between them, for the area-alert suites. */
final class AreaAlertFixtures {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** How long "nothing more arrives" is watched once the event is known to be processed. */
    static final Duration QUIET = Duration.ofSeconds(3);
    static final String BASE = "https://feedback.example.test";
    static final String PROBLEM_TYPE = "Конструкция, препятствующая парковке";
    static final String DESCRIPTION = "Во дворе поставили бетонные блоки, не проехать скорой";
    static final String CITIZEN_NAME = "Анна Смирнова";
    static final String ADDRESS = "ул. Садовая, д. 5";
    static final String STREET = "ул. Садовая";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private AreaAlertFixtures() {
    }

    static String newAddress() {
        return "alerts-" + UUID.randomUUID() + "@example.org";
    }

    /** A municipality code nobody else's test uses. */
    static String newMunicipalityCode() {
        return String.valueOf(900_000_000L + ThreadLocalRandom.current().nextLong(99_999_999L));
    }

    static ValidatableResponse subscribe(Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/area-alerts").then();
    }

    static Map<String, Object> circle(String email, double lat, double lon, int radius, List<String> events) {
        return Map.of("email", email, "lat", lat, "lon", lon, "radiusMeters", radius, "events", events);
    }

    static Map<String, Object> municipality(String email, String code, List<String> events) {
        return Map.of("email", email, "municipalityCode", code, "events", events);
    }

    static ValidatableResponse confirm(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token)).when().post("/api/v1/area-alerts/confirm").then();
    }

    /** Subscribes, waits for the confirmation e-mail and confirms with its link; returns the confirmation's id. */
    static String subscribeAndConfirm(SmtpServer smtp, Map<String, Object> body) {
        subscribe(body).statusCode(202);
        MimeMessage confirmation = smtp.await((String) body.get("email"), 1, WAIT).get(0);
        return confirm(token(SmtpServer.text(confirmation))).statusCode(200).extract().path("id");
    }

    /** The token of the (first) link in a text. */
    static String token(String text) {
        Matcher matcher = TOKEN.matcher(text);
        assertThat(matcher.find()).as("a link with a token in: %s", text).isTrue();
        return matcher.group(1);
    }

    static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** A registered appeal of a public problem type at the point; returns it. */
    static Appeal registered(double lat, double lon, boolean official, Boolean publicCategory) {
        Appeal appeal = Appeal.of("citizen-" + UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AppealRegistered payload = new AppealRegistered(
                new AppealRegistered.CategoryRef("56", PROBLEM_TYPE, "5", "Парковка", "1", "Двор", publicCategory),
                9, official, new GeoPoint(lat, lon), ADDRESS, DESCRIPTION, now, AppealRegistered.Channel.API,
                new AppealRegistered.CitizenContact(appeal.citizenId() + "@example.org", CITIZEN_NAME), null);
        AppealEvents.publish(EventEnvelope.wrap(payload, appeal.ref(null), now, null));
        return appeal;
    }

    static Appeal registered(double lat, double lon) {
        return registered(lat, lon, false, true);
    }

    /** Routes it to the municipality; returns the event (to wait until it is processed). */
    static EventEnvelope routed(Appeal appeal, String municipalityCode, String municipalityName) {
        AppealRouted payload = new AppealRouted(municipalityCode, municipalityName, "Выборгский", municipalityCode,
                "Местная администрация " + municipalityName, Instant.now().plus(Duration.ofDays(20)), RoutingDecided.Method.GEO);
        EventEnvelope envelope = EventEnvelope.wrap(payload, appeal.ref(municipalityCode), Instant.now().truncatedTo(ChronoUnit.MICROS), null);
        AppealEvents.publish(envelope);
        return envelope;
    }

    static EventEnvelope answered(Appeal appeal, String municipalityCode, String text) {
        EventEnvelope envelope = EventEnvelope.wrap(new AppealAnswered(municipalityCode, "Местная администрация", text, List.of()),
                appeal.ref(municipalityCode), Instant.now().truncatedTo(ChronoUnit.MICROS), null);
        AppealEvents.publish(envelope);
        return envelope;
    }

    /** Waits until the consumer handled the event (its author's notification is stored in the same transaction). */
    static void awaitProcessed(Db db, EventEnvelope envelope) {
        Awaitility.await().atMost(WAIT).until(() -> db.count("select count(*) from notification where event_id = ?",
                envelope.eventId()) > 0);
    }

    /** Watches the mailbox for {@link #QUIET}: it must hold exactly {@code count} e-mails all along. */
    static void assertStays(SmtpServer smtp, String address, int count) {
        Awaitility.await().during(QUIET).atMost(QUIET.plusSeconds(5))
                .until(() -> smtp.messagesTo(address).size() == count);
    }
}
