package ru.spb.feedback.notification.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealSentToTriage;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.TriageRequired;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.messaging.inbox.DeadLetters;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.Db;
import ru.spb.feedback.notification.support.SmtpServer;
import ru.spb.feedback.notification.support.SmtpTestResource;
import ru.spb.feedback.notification.support.SseClient;
import ru.spb.feedback.testsupport.TopicReader;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.spb.feedback.notification.support.Api.emailOf;
import static ru.spb.feedback.notification.support.Api.metric;
import static ru.spb.feedback.notification.support.Api.newCitizenId;
import static ru.spb.feedback.notification.support.Api.tokenOf;

/**
 * Real events on the real {@code appeal.events} topic become notifications: in the inbox, on the
 * live stream of their citizen only, and as Russian e-mails in a real SMTP server. Redeliveries,
 * unreadable records and unknown types are handled as the platform's consumer rules say.
 */
@QuarkusTest
class AppealEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @SmtpTestResource.Smtp
    SmtpServer smtp;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @Test
    void aRegisteredAppealReachesTheInboxAndTheCitizensMailboxInRussian() throws Exception {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        AppealEvents.publish(AppealEvents.registered(appeal, emailOf(citizen), "Анна Смирнова"));

        JsonPath inbox = awaitNotifications(citizen, 1);
        assertThat(inbox.getString("items[0].appealNumber")).isEqualTo(appeal.number());
        assertThat(inbox.getString("items[0].eventType")).isEqualTo("AppealRegistered");
        assertThat(inbox.getString("items[0].status")).isEqualTo("Зарегистрировано");
        assertThat(inbox.getString("items[0].title")).isEqualTo("Обращение " + appeal.number() + " зарегистрировано");
        assertThat(inbox.getString("items[0].message"))
                .contains("«Конструкция, препятствующая парковке»", "Адмиралтейский пр., 1")
                .doesNotContain(emailOf(citizen));
        assertThat(inbox.getBoolean("items[0].read")).isFalse();

        MimeMessage mail = smtp.await(emailOf(citizen), 1, WAIT).get(0);
        assertThat(SmtpServer.subject(mail)).isEqualTo("Обращение " + appeal.number() + " зарегистрировано");
        assertThat(SmtpServer.text(mail))
                .contains("Здравствуйте, Анна Смирнова!", "Номер обращения: " + appeal.number(), "Статус: Зарегистрировано",
                        "зарегистрировано");
        assertThat(SmtpServer.html(mail))
                .contains("<b>" + appeal.number() + "</b>", "Зарегистрировано", "Здравствуйте, Анна Смирнова!");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        // the log has the in-app delivery and the delivered e-mail
        Db db = new Db(dataSource);
        await().atMost(WAIT).until(() -> db.count("""
                select count(*) from delivery_attempt a join notification n on n.id = a.notification_id
                where n.appeal_id = ? and a.outcome = 'DELIVERED'""", appeal.id()) == 2);
        assertThat(db.rows("""
                select a.channel, a.attempt from delivery_attempt a join notification n on n.id = a.notification_id
                where n.appeal_id = ? order by a.channel""", appeal.id()))
                .containsExactly(Map.of("channel", "EMAIL", "attempt", 1), Map.of("channel", "IN_APP", "attempt", 1));
        // one Message-ID per delivery, so a resend after a crash is recognisably the same message
        Object deliveryId = db.rows("select id from delivery where appeal_id = ? and channel = 'EMAIL'", appeal.id()).get(0).get("id");
        assertThat(mail.getHeader("Message-ID")).containsExactly("<delivery-" + deliveryId + "@notification.feedback.spb>");
    }

    @Test
    void aRoutedAppealNamesTheMunicipalityAndTheDueDate() {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        AppealEvents.publish(AppealEvents.registered(appeal, emailOf(citizen), "Анна Смирнова"));
        AppealEvents.publish(AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15)));

        JsonPath inbox = awaitNotifications(citizen, 2);
        // newest first
        assertThat(inbox.getString("items[0].eventType")).isEqualTo("AppealRouted");
        assertThat(inbox.getString("items[0].status")).isEqualTo("Направлено исполнителю");
        assertThat(inbox.getString("items[0].municipality")).isEqualTo(AppealEvents.ADMIRALTEISKY_NAME);
        assertThat(inbox.getString("items[0].message"))
                .contains(AppealEvents.ADMINISTRATION_NAME, AppealEvents.ADMIRALTEISKY_NAME, "не позднее 15.12.2026");
        assertThat(inbox.getString("items[1].eventType")).isEqualTo("AppealRegistered");

        List<MimeMessage> mails = smtp.await(emailOf(citizen), 2, WAIT);
        MimeMessage routed = mails.stream()
                .filter(mail -> SmtpServer.subject(mail).equals("Обращение " + appeal.number() + " направлено исполнителю"))
                .findFirst().orElseThrow();
        assertThat(SmtpServer.text(routed)).contains("Статус: Направлено исполнителю",
                "Муниципальное образование: " + AppealEvents.ADMIRALTEISKY_NAME, "Срок ответа: до 15.12.2026");
        assertThat(SmtpServer.html(routed)).contains(AppealEvents.ADMIRALTEISKY_NAME, "до 15.12.2026", "Направлено исполнителю");
    }

    @Test
    void anAppealSentToTriageSaysWhyInRussian() {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        AppealEvents.publish(AppealEvents.registered(appeal, null, null));
        AppealEvents.publish(EventEnvelope.wrap(new AppealSentToTriage(TriageRequired.Reason.OUTSIDE_CITY), appeal.ref(null),
                java.time.Instant.now(), null));

        JsonPath inbox = awaitNotifications(citizen, 2);
        assertThat(inbox.getString("items[0].eventType")).isEqualTo("AppealSentToTriage");
        assertThat(inbox.getString("items[0].title")).isEqualTo("Обращение " + appeal.number() + " передано модератору");
        assertThat(inbox.getString("items[0].status")).isEqualTo("На распределении у модератора");
        assertThat(inbox.getString("items[0].message"))
                .contains("место находится за пределами Санкт-Петербурга", "Модератор назначит исполнителя вручную");
    }

    @Test
    void theLiveStreamPushesANewNotificationToItsCitizenAndNobodyElse() {
        String anna = newCitizenId();
        String boris = newCitizenId();
        try (SseClient annasStream = SseClient.open(stream, Map.of("Authorization", "Bearer " + tokenOf(anna)));
             SseClient borisStream = SseClient.open(stream, Map.of("Authorization", "Bearer " + tokenOf(boris)))) {
            assertThat(annasStream.status()).isEqualTo(200);
            assertThat(annasStream.header("Content-Type")).startsWith("text/event-stream");
            annasStream.awaitComment("connected", WAIT);
            borisStream.awaitComment("connected", WAIT);

            Appeal appeal = Appeal.of(anna);
            AppealEvents.publish(AppealEvents.registered(appeal, emailOf(anna), "Анна"));

            SseClient.Event event = annasStream.awaitEvent(e -> "notification".equals(e.name()), WAIT);
            JsonPath data = JsonPath.from(event.data());
            assertThat(data.getString("appealNumber")).isEqualTo(appeal.number());
            assertThat(data.getString("title")).isEqualTo("Обращение " + appeal.number() + " зарегистрировано");
            assertThat(event.id()).isEqualTo(String.valueOf(data.getLong("seq")));

            // Boris' stream stays open (heartbeats keep coming) but carries nothing of Anna's
            borisStream.awaitComment("heartbeat", WAIT);
            int heartbeats = (int) borisStream.comments().stream().filter("heartbeat"::equals).count();
            await().atMost(WAIT).until(() -> borisStream.comments().stream().filter("heartbeat"::equals).count() > heartbeats);
            assertThat(borisStream.events()).isEmpty();
        }
    }

    @Test
    void aRedeliveredEventNotifiesOnce() {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        EventEnvelope registered = AppealEvents.registered(appeal, emailOf(citizen), "Анна Смирнова");
        double duplicatesBefore = metric("events_consumed_total{consumer=\"notification-service\",outcome=\"duplicate\"");

        AppealEvents.publish(registered);
        awaitNotifications(citizen, 1);
        AppealEvents.publish(registered); // the same event id again, as after a lost acknowledgement
        // a later event of the same appeal (same key, same partition) shows the redelivery was handled
        AppealEvents.publish(AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15)));
        awaitNotifications(citizen, 2);
        smtp.await(emailOf(citizen), 2, WAIT);

        JsonPath inbox = given().auth().oauth2(tokenOf(citizen)).when().get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath();
        assertThat(inbox.getList("items.eventType")).containsExactly("AppealRouted", "AppealRegistered");
        assertThat(smtp.messagesTo(emailOf(citizen))).extracting(SmtpServer::subject)
                .containsExactlyInAnyOrder("Обращение " + appeal.number() + " зарегистрировано",
                        "Обращение " + appeal.number() + " направлено исполнителю");
        assertThat(new Db(dataSource).count("select count(*) from delivery where event_id = ?", registered.eventId())).isEqualTo(1);
        assertThat(metric("events_consumed_total{consumer=\"notification-service\",outcome=\"duplicate\""))
                .isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        try (TopicReader deadLetters = new TopicReader(AppealEvents.bootstrapServers(), Topics.deadLetter("notification-service"))) {
            AppealEvents.publishRaw(appeal.id().toString(), "{not an event".getBytes(StandardCharsets.UTF_8));
            AppealEvents.publish(AppealEvents.registered(appeal, emailOf(citizen), "Анна"));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(record -> appeal.id().toString().equals(record.key()), 1, WAIT).get(0);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not an event");
            assertThat(TopicReader.header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.APPEAL_EVENTS);
            assertThat(TopicReader.header(dead, DeadLetters.REASON)).contains("not an event envelope");
        }
        // the good record behind it on the same partition was handled
        assertThat(awaitNotifications(citizen, 1).getString("items[0].appealNumber")).isEqualTo(appeal.number());
    }

    @Test
    void eventTypesWithoutATemplateOrNotForCitizensAreSkippedAndCounted() {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        String unknown = "events_skipped_total{consumer=\"notification-service\",type=\"AppealTeleported\"";
        String internal = "events_skipped_total{consumer=\"notification-service\",type=\"AppealRerouteRequested\"";
        double unknownBefore = metric(unknown);
        double internalBefore = metric(internal);

        AppealEvents.publish(AppealEvents.ofType(appeal, "AppealTeleported", true));
        AppealEvents.publish(AppealEvents.ofType(appeal, "AppealRerouteRequested", false));
        AppealEvents.publish(AppealEvents.registered(appeal, emailOf(citizen), "Анна"));

        JsonPath inbox = awaitNotifications(citizen, 1);
        assertThat(inbox.getList("items.eventType")).containsExactly("AppealRegistered");
        assertThat(metric(unknown)).isEqualTo(unknownBefore + 1);
        assertThat(metric(internal)).isEqualTo(internalBefore + 1);
    }

    @Test
    void anEmailThatCannotBeSentIsRetriedWithBackoffUntilTheServerIsBack() {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        Db db = new Db(dataSource);
        smtp.down();
        try {
            AppealEvents.publish(AppealEvents.registered(appeal, emailOf(citizen), "Анна"));
            await().atMost(WAIT).until(() -> db.count("""
                    select count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id
                    where d.appeal_id = ? and d.channel = 'EMAIL' and a.outcome = 'FAILED'""", appeal.id()) >= 2);
            Map<String, Object> pending = db.rows("select status, last_error from delivery where appeal_id = ? and channel = 'EMAIL'",
                    appeal.id()).get(0);
            assertThat(pending.get("status")).isEqualTo("PENDING");
            assertThat((String) pending.get("last_error")).isNotBlank().doesNotContain(emailOf(citizen));
        } finally {
            smtp.up();
        }
        smtp.await(emailOf(citizen), 1, WAIT);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(
                db.rows("select status from delivery where appeal_id = ? and channel = 'EMAIL'", appeal.id()).get(0).get("status")));
        List<Map<String, Object>> log = db.rows("""
                select a.attempt, a.outcome from delivery_attempt a join delivery d on d.id = a.delivery_id
                where d.appeal_id = ? and d.channel = 'EMAIL' order by a.attempt""", appeal.id());
        assertThat(log.get(0).get("outcome")).isEqualTo("FAILED");
        assertThat(log.get(log.size() - 1).get("outcome")).isEqualTo("DELIVERED");
        assertThat(log).extracting(row -> row.get("attempt")).doesNotHaveDuplicates();
        assertThat(smtp.messagesTo(emailOf(citizen))).hasSize(1);
    }

    static JsonPath awaitNotifications(String citizen, int count) {
        String token = tokenOf(citizen);
        await().atMost(WAIT).until(() -> given().auth().oauth2(token).when().get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items").size() >= count);
        return given().auth().oauth2(token).when().get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
    }
}
