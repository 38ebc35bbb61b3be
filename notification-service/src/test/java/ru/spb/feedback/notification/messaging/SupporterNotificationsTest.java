package ru.spb.feedback.notification.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealSupported;
import ru.spb.feedback.contracts.AppealSupportWithdrawn;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.Db;
import ru.spb.feedback.notification.support.SmtpServer;
import ru.spb.feedback.notification.support.SmtpTestResource;
import ru.spb.feedback.notification.support.SseClient;
import ru.spb.feedback.testsupport.TestTokens;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.spb.feedback.notification.support.Api.emailOf;
import static ru.spb.feedback.notification.support.Api.newCitizenId;

/**
 * Supporters of an appeal ({@code AppealSupported} on the real topic) are told of its later
 * citizen-visible events: in their own inbox and live stream, by e-mail when the service knows an
 * address they want, with wording for a supporter and nothing of the author's.
 */
@QuarkusTest
class SupporterNotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AUTHOR_NAME = "Иван Авторов";
    private static final String SUPPORTER_NAME = "Мария Сторонникова";
    /** What AppealEvents.registered puts in the appeal: the author's address and description. */
    private static final String ADDRESS = "Адмиралтейский пр., 1";
    private static final String DESCRIPTION = "бетонные блоки";

    @SmtpTestResource.Smtp
    SmtpServer smtp;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @Test
    void supportersAreToldOfLaterStepsWithoutTheAuthorsData() {
        String author = newCitizenId();
        String withEmail = newCitizenId();
        String inAppOnly = newCitizenId();
        // the service knows the first supporter's address from their saved preferences; of the second, nothing
        given().auth().oauth2(token(withEmail)).contentType(ContentType.JSON).body("{\"channels\": {\"email\": true}}")
                .when().put("/api/v1/notification-preferences").then().statusCode(200);
        Appeal appeal = Appeal.of(author);

        try (SseClient inAppStream = SseClient.open(stream, Map.of("Authorization", "Bearer " + TestTokens.citizen(inAppOnly)))) {
            inAppStream.awaitComment("connected", WAIT);
            AppealEvents.publish(AppealEvents.registered(appeal, emailOf(author), AUTHOR_NAME));
            AppealEvents.publish(supported(appeal, withEmail, 1));
            AppealEvents.publish(supported(appeal, inAppOnly, 2));
            AppealEvents.publish(AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15)));

            SseClient.Event pushed = inAppStream.awaitEvent(e -> "notification".equals(e.name()), WAIT);
            assertThat(JsonPath.from(pushed.data()).getString("appealNumber")).isEqualTo(appeal.number());
        }

        // the author: both steps, as before; nothing about the supports themselves
        JsonPath authors = AppealEventsTest.awaitNotifications(author, 2);
        assertThat(authors.getList("items.eventType")).containsExactly("AppealRouted", "AppealRegistered");
        assertThat(authors.getList("items.supportedAppeal")).containsOnly(false);

        // a supporter: only what happened after the support, worded for a supporter
        JsonPath supporters = awaitNotifications(withEmail, 1);
        assertThat(supporters.getList("items")).hasSize(1);
        assertThat(supporters.getString("items[0].eventType")).isEqualTo("AppealRouted");
        assertThat(supporters.getBoolean("items[0].supportedAppeal")).isTrue();
        assertThat(supporters.getString("items[0].status")).isEqualTo("Направлено исполнителю");
        assertThat(supporters.getString("items[0].title"))
                .isEqualTo("Поддержанное вами обращение " + appeal.number() + ": Направлено исполнителю");
        String message = supporters.getString("items[0].message");
        assertThat(message).contains("которое вы поддержали", "«Конструкция, препятствующая парковке»",
                AppealEvents.ADMINISTRATION_NAME, AppealEvents.ADMIRALTEISKY_NAME, "не позднее 15.12.2026");
        assertThat(message).doesNotContain(AUTHOR_NAME, emailOf(author), ADDRESS, DESCRIPTION, "Ваше обращение");
        assertThat(supporters.getString("items[0].municipality")).isEqualTo(AppealEvents.ADMIRALTEISKY_NAME);

        assertThat(awaitNotifications(inAppOnly, 1).getString("items[0].title"))
                .isEqualTo("Поддержанное вами обращение " + appeal.number() + ": Направлено исполнителю");

        // e-mail: to the supporter whose address is known, greeting them, with nothing of the author's
        MimeMessage mail = smtp.await(emailOf(withEmail), 1, WAIT).get(0);
        assertThat(SmtpServer.subject(mail)).isEqualTo("Поддержанное вами обращение " + appeal.number() + ": Направлено исполнителю");
        assertThat(SmtpServer.text(mail)).contains("Здравствуйте, " + SUPPORTER_NAME + "!", "которое вы поддержали",
                        "Статус: Направлено исполнителю")
                .doesNotContain(AUTHOR_NAME, emailOf(author), ADDRESS, DESCRIPTION);
        assertThat(SmtpServer.html(mail)).doesNotContain(AUTHOR_NAME, emailOf(author), ADDRESS, DESCRIPTION);
        smtp.await(emailOf(author), 2, WAIT);
        Db db = new Db(dataSource);
        assertThat(db.rows("select citizen_id from delivery where appeal_id = ? and channel = 'EMAIL' order by citizen_id",
                appeal.id())).extracting(row -> row.get("citizen_id"))
                .containsExactlyInAnyOrder(author, author, withEmail);
        assertThat(db.count("select count(*) from delivery where appeal_id = ? and citizen_id = ?", appeal.id(), inAppOnly)).isZero();
    }

    @Test
    void aRedeliveredSupportAddsNoSecondSupporterAndNoSecondNotification() {
        String author = newCitizenId();
        String supporter = newCitizenId();
        Appeal appeal = Appeal.of(author);
        EventEnvelope support = supported(appeal, supporter, 1);
        AppealEvents.publish(AppealEvents.registered(appeal, null, null));
        AppealEvents.publish(support);
        AppealEvents.publish(support);
        AppealEvents.publish(AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15)));

        awaitNotifications(supporter, 1);
        AppealEventsTest.awaitNotifications(author, 2);
        Db db = new Db(dataSource);
        assertThat(db.count("select count(*) from appeal_supporter where appeal_id = ?", appeal.id())).isEqualTo(1);
        assertThat(db.count("select count(*) from notification where appeal_id = ? and citizen_id = ?", appeal.id(), supporter))
                .isEqualTo(1);
    }

    @Test
    void aFormerSupporterHearsNothingMore() {
        String author = newCitizenId();
        String supporter = newCitizenId();
        Appeal appeal = Appeal.of(author);
        AppealEvents.publish(supported(appeal, supporter, 1));
        AppealEvents.publish(AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15)));
        awaitNotifications(supporter, 1);

        AppealEvents.publish(EventEnvelope.wrap(new AppealSupportWithdrawn(supporter, 0), appeal.ref(null),
                Instant.now().truncatedTo(ChronoUnit.MICROS), null));
        AppealEvents.publish(AppealEvents.routed(appeal, LocalDate.of(2026, 12, 16)));

        // the author hears of both routings, so the second was handled; the former supporter only of the first
        AppealEventsTest.awaitNotifications(author, 2);
        Db db = new Db(dataSource);
        assertThat(db.count("select count(*) from appeal_supporter where appeal_id = ?", appeal.id())).isZero();
        assertThat(db.count("select count(*) from notification where appeal_id = ? and citizen_id = ?", appeal.id(), supporter))
                .isEqualTo(1);
    }

    @Test
    void aSupporterOfOneAppealHearsNothingOfAnother() {
        String supporter = newCitizenId();
        Appeal supportedAppeal = Appeal.of(newCitizenId());
        Appeal other = Appeal.of(newCitizenId());
        AppealEvents.publish(supported(supportedAppeal, supporter, 1));
        AppealEvents.publish(AppealEvents.routed(other, LocalDate.of(2026, 12, 15)));
        AppealEvents.publish(AppealEvents.routed(supportedAppeal, LocalDate.of(2026, 12, 15)));

        // the other appeal's owner is notified, so its event was handled
        AppealEventsTest.awaitNotifications(other.citizenId(), 1);
        JsonPath inbox = awaitNotifications(supporter, 1);
        assertThat(inbox.getList("items.appealNumber")).containsExactly(supportedAppeal.number());
    }

    private static EventEnvelope supported(Appeal appeal, String supporterId, int supporters) {
        // as appeals-service writes it: the envelope names the author, the payload the supporter
        return EventEnvelope.wrap(new AppealSupported(supporterId, supporters), appeal.ref(null),
                Instant.now().truncatedTo(ChronoUnit.MICROS), null);
    }

    private static String token(String citizenId) {
        return TestTokens.citizen(citizenId, emailOf(citizenId), SUPPORTER_NAME);
    }

    private static JsonPath awaitNotifications(String citizenId, int count) {
        String token = token(citizenId);
        await().atMost(WAIT).until(() -> given().auth().oauth2(token).when().get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items").size() >= count);
        return given().auth().oauth2(token).when().get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
    }
}
