package ru.spb.feedback.notification.template;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealAnswered;
import ru.spb.feedback.contracts.AppealCategoryChanged;
import ru.spb.feedback.contracts.AppealClosed;
import ru.spb.feedback.contracts.AppealDeadlineExtended;
import ru.spb.feedback.contracts.AppealDeadlineSet;
import ru.spb.feedback.contracts.AppealEvent;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealReopened;
import ru.spb.feedback.contracts.DeadlineDecided;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.SmtpServer;
import ru.spb.feedback.notification.support.SmtpTestResource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.spb.feedback.notification.support.Api.emailOf;
import static ru.spb.feedback.notification.support.Api.newCitizenId;
import static ru.spb.feedback.notification.support.Api.tokenOf;

/**
 * Lifecycle events on the real {@code appeal.events} topic reach the inbox and the mailbox with
 * their own texts, and what they teach about the appeal (a corrected type, a moved deadline, the
 * end of the deadline) shows in later notifications.
 */
@QuarkusTest
class LifecycleNotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @SmtpTestResource.Smtp
    SmtpServer smtp;

    @Test
    void aCorrectedTypeAnExtendedDeadlineAndTheEndReachTheCitizen() {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        AppealEvents.publish(AppealEvents.registered(appeal, emailOf(citizen), "Анна Смирнова"));
        AppealEvents.publish(AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15)));
        publish(appeal, new AppealCategoryChanged(
                new AppealRegistered.CategoryRef("56", "Конструкция, препятствующая парковке", "5", "Парковка", "1", "Двор"),
                new AppealRegistered.CategoryRef("71", "Мусор во дворе", "8", "Уборка", "1", "Двор"), 19, "Речь о мусоре"));
        publish(appeal, new AppealDeadlineExtended(Instant.parse("2026-12-15T20:59:59Z"), Instant.parse("2027-01-14T20:59:59Z"),
                "Нужен выезд подрядчика"));
        publish(appeal, new AppealClosed(AppealClosed.Resolution.NOT_RATED, null));

        JsonPath inbox = awaitNotifications(citizen, 5);
        assertThat(inbox.getList("items.eventType")).containsExactly("AppealClosed", "AppealDeadlineExtended",
                "AppealCategoryChanged", "AppealRouted", "AppealRegistered");
        assertThat(inbox.getList("items.status")).containsExactly("Закрыто без оценки", "Срок ответа продлён",
                "Уточнён тип проблемы", "Направлено исполнителю", "Зарегистрировано");
        assertThat(inbox.getString("items[2].message")).contains("изменён с «Конструкция, препятствующая парковке» на «Мусор во дворе»");
        assertThat(inbox.getString("items[1].message")).contains("Прежний срок — 15.12.2026.", "не позднее 14.01.2027.");
        assertThat(inbox.getString("items[1].dueAt")).isEqualTo("2027-01-14T20:59:59Z");
        // a closed appeal has no deadline any more
        assertThat(inbox.getString("items[0].dueAt")).isNull();

        List<MimeMessage> mails = smtp.await(emailOf(citizen), 5, WAIT);
        MimeMessage extended = mail(mails, "Срок ответа на обращение " + appeal.number() + " продлён");
        assertThat(SmtpServer.text(extended)).contains("Статус: Срок ответа продлён", "Срок ответа: до 14.01.2027",
                "Причина: Нужен выезд подрядчика");
        MimeMessage closed = mail(mails, "Обращение " + appeal.number() + " закрыто");
        assertThat(SmtpServer.text(closed)).contains("Статус: Закрыто без оценки", "закрыто автоматически")
                .doesNotContain("Срок ответа:");
    }

    @Test
    void aReopenedAppealsNewDeadlineReachesTheCitizenWhenRoutingHasCountedIt() {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        AppealEvents.publish(AppealEvents.registered(appeal, emailOf(citizen), "Анна Смирнова"));
        AppealEvents.publish(AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15)));
        publish(appeal, new AppealAnswered(AppealEvents.ADMIRALTEISKY, AppealEvents.ADMINISTRATION_NAME, "Блоки убраны.", List.of()));
        publish(appeal, new AppealReopened(AppealEvents.ADMIRALTEISKY, 2));
        publish(appeal, new AppealDeadlineSet(Instant.parse("2027-01-20T20:59:59Z"), DeadlineDecided.Reason.REOPENED));

        JsonPath inbox = awaitNotifications(citizen, 5);
        assertThat(inbox.getList("items.eventType")).containsExactly("AppealDeadlineSet", "AppealReopened", "AppealAnswered",
                "AppealRouted", "AppealRegistered");
        // the reopening names no deadline: the old one no longer holds, the new one follows
        assertThat(inbox.getString("items[1].dueAt")).isNull();
        assertThat(inbox.getString("items[1].message")).contains("Новый срок ответа мы сообщим отдельно").doesNotContain("15.12.2026");
        assertThat(inbox.getString("items[0].dueAt")).isEqualTo("2027-01-20T20:59:59Z");
        assertThat(inbox.getString("items[0].message")).contains("не позднее 20.01.2027.");

        List<MimeMessage> mails = smtp.await(emailOf(citizen), 5, WAIT);
        assertThat(SmtpServer.text(mail(mails, "Обращение " + appeal.number() + " возвращено исполнителю")))
                .doesNotContain("Срок ответа:");
        assertThat(SmtpServer.text(mail(mails, "Новый срок ответа на обращение " + appeal.number())))
                .contains("Статус: Назначен новый срок ответа", "Срок ответа: до 20.01.2027");
    }

    @Test
    void someoneWhoReportedThroughAnIntegratorIsToldTheAppealClosesByItselfAndHasNoSettingsToChange() {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        AppealEvents.publish(AppealEvents.registeredThroughOpen311(appeal, "integrator-" + UUID.randomUUID(),
                emailOf(citizen), "Анна Смирнова"));
        AppealEvents.publish(AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15)));
        publish(appeal, new AppealAnswered(AppealEvents.ADMIRALTEISKY, AppealEvents.ADMINISTRATION_NAME, "Блоки убраны.", List.of()));
        publish(appeal, new AppealClosed(AppealClosed.Resolution.NOT_RATED, null));

        JsonPath inbox = awaitNotifications(citizen, 4);
        assertThat(inbox.getList("items.eventType")).containsExactly("AppealClosed", "AppealAnswered", "AppealRouted", "AppealRegistered");
        assertThat(inbox.getString("items[1].message")).contains("Блоки убраны.", "оценивать ответ не нужно",
                "закроется автоматически через некоторое время после ответа").doesNotContain("оцените", "личном кабинете");
        assertThat(inbox.getString("items[0].status")).isEqualTo("Закрыто после ответа");

        List<MimeMessage> mails = smtp.await(emailOf(citizen), 4, WAIT);
        MimeMessage answered = mail(mails, "Получен ответ на обращение " + appeal.number());
        for (String body : List.of(SmtpServer.text(answered), SmtpServer.html(answered))) {
            assertThat(body).contains("оценивать ответ не нужно", "сообщали о проблеме через сервис-партнёр платформы")
                    .doesNotContain("оцените", "личном кабинете", "настройках уведомлений");
        }
        assertThat(SmtpServer.text(mail(mails, "Обращение " + appeal.number() + " зарегистрировано")))
                .doesNotContain("настройках уведомлений");
    }

    @Test
    void aCitizenOfTheAppIsStillAskedToRateAndToldWhereToSwitchEmailOff() {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        AppealEvents.publish(AppealEvents.registered(appeal, emailOf(citizen), "Анна Смирнова"));
        publish(appeal, new AppealAnswered(AppealEvents.ADMIRALTEISKY, AppealEvents.ADMINISTRATION_NAME, "Блоки убраны.", List.of()));

        MimeMessage answered = mail(smtp.await(emailOf(citizen), 2, WAIT), "Получен ответ на обращение " + appeal.number());
        assertThat(SmtpServer.text(answered)).contains("оцените ответ в личном кабинете", "настройках уведомлений")
                .doesNotContain("сервис-партнёр");
    }

    private static void publish(Appeal appeal, AppealEvent payload) {
        AppealEvents.publish(EventEnvelope.wrap(payload, appeal.ref(AppealEvents.ADMIRALTEISKY),
                Instant.now().truncatedTo(ChronoUnit.MICROS), null));
    }

    private static MimeMessage mail(List<MimeMessage> mails, String subject) {
        return mails.stream().filter(mail -> SmtpServer.subject(mail).equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no e-mail with the subject " + subject));
    }

    private static JsonPath awaitNotifications(String citizen, int count) {
        String token = tokenOf(citizen);
        await().atMost(WAIT).until(() -> given().auth().oauth2(token).when().get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items").size() >= count);
        return given().auth().oauth2(token).when().get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
    }
}
