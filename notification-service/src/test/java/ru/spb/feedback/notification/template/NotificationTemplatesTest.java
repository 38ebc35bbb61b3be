package ru.spb.feedback.notification.template;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealAccepted;
import ru.spb.feedback.contracts.AppealAnswered;
import ru.spb.feedback.contracts.AppealCategoryChanged;
import ru.spb.feedback.contracts.AppealClosed;
import ru.spb.feedback.contracts.AppealDeadlineExtended;
import ru.spb.feedback.contracts.AppealDeadlineSet;
import ru.spb.feedback.contracts.AppealEvent;
import ru.spb.feedback.contracts.AppealOverdue;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealRejected;
import ru.spb.feedback.contracts.AppealReopened;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.AppealWithdrawn;
import ru.spb.feedback.contracts.DeadlineDecided;
import ru.spb.feedback.contracts.EventCatalog;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.contracts.TriageRequired;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spb.feedback.notification.support.Api.metric;

/**
 * Every citizen-visible event has a Russian text, and each text, rendered from a real event after
 * the appeal's earlier events (registered, routed to Адмиралтейский округ, due 15.12.2026), reads
 * as words: no raw enum names, no "null", no ISO timestamps, never the fallback text.
 */
@QuarkusTest
class NotificationTemplatesTest {

    private static final Instant DUE = Instant.parse("2026-12-15T20:59:59Z");
    private static final String FAILURES = "notification_template_failures_total";
    private static final List<String> RAW_NAMES = Stream.of(AppealStatus.values(), AppealRejected.Reason.values(),
                    AppealClosed.Resolution.values(), TriageRequired.Reason.values(), RoutingDecided.Method.values(),
                    DeadlineDecided.Reason.values())
            .flatMap(Stream::of).map(Enum::name).toList();

    @Inject
    NotificationTemplates templates;

    @Inject
    TrackedAppeals tracked;

    @Test
    void everyCitizenVisibleEventTypeHasATemplate() {
        List<String> visible = EventCatalog.all().stream().map(EventCatalog::typeOf)
                .filter(type -> type.citizenVisible()).map(type -> type.name()).toList();
        assertThat(visible).hasSizeGreaterThanOrEqualTo(12);
        assertThat(visible).allSatisfy(type -> assertThat(templates.exists(type)).as("template of %s", type).isTrue());
    }

    @Test
    void accepted() {
        Appeal appeal = routedAppeal();
        RenderedNotification text = render(appeal, new AppealAccepted(AppealEvents.ADMIRALTEISKY, AppealEvents.ADMINISTRATION_NAME));
        assertThat(text.title()).isEqualTo("Обращение " + appeal.number() + " принято в работу");
        assertThat(text.status()).isEqualTo("В работе");
        assertThat(text.message()).isEqualTo("Ваше обращение " + appeal.number() + " принято в работу: им занимается «"
                + AppealEvents.ADMINISTRATION_NAME + "».\n\nОтвет должен быть дан не позднее 15.12.2026. Мы сообщим, когда ответ будет готов.");
    }

    @Test
    void answeredQuotesTheAnswerWithItsParagraphsAndPhotos() {
        Appeal appeal = routedAppeal();
        String answer = "Блоки убраны 10.12.2026.\n\nПроезд для спецтранспорта свободен.";
        RenderedNotification text = render(appeal, new AppealAnswered(AppealEvents.ADMIRALTEISKY, AppealEvents.ADMINISTRATION_NAME,
                answer, List.of(UUID.randomUUID(), UUID.randomUUID())));
        assertThat(text.title()).isEqualTo("Получен ответ на обращение " + appeal.number());
        assertThat(text.status()).isEqualTo("Дан ответ");
        assertThat(text.message())
                .startsWith("Исполнитель «" + AppealEvents.ADMINISTRATION_NAME + "» ответил на ваше обращение " + appeal.number() + ":")
                .contains("\n\nБлоки убраны 10.12.2026.\n\nПроезд для спецтранспорта свободен.\n\n")
                .contains("К ответу приложены фотографии (2)", "оцените ответ");

        RenderedNotification withoutPhotos = render(routedAppeal(), new AppealAnswered(AppealEvents.ADMIRALTEISKY,
                AppealEvents.ADMINISTRATION_NAME, "Блоки убраны.", List.of()));
        assertThat(withoutPhotos.message()).contains("Блоки убраны.").doesNotContain("фотографии");
    }

    @Test
    void anAnswerToAnOpen311RequestSaysItClosesByItselfInsteadOfAskingForARating() {
        Appeal appeal = routedAppeal(registeredThroughOpen311());
        RenderedNotification text = render(appeal, new AppealAnswered(AppealEvents.ADMIRALTEISKY, AppealEvents.ADMINISTRATION_NAME,
                "Блоки убраны.", List.of(UUID.randomUUID(), UUID.randomUUID())));
        assertThat(text.status()).isEqualTo("Дан ответ");
        assertThat(text.message()).contains("Блоки убраны.", "К ответу приложены фотографии (2).",
                        "через сервис-партнёр платформы, поэтому оценивать ответ не нужно",
                        "обращение закроется автоматически через некоторое время после ответа")
                // no account here: nothing to rate, no personal account to look in; and no number of days we cannot know
                .doesNotContain("оцените", "личном кабинете", "вернётся исполнителю")
                .doesNotContainPattern("\\d+ (дн|рабоч)");
    }

    @Test
    void anOpen311RequestClosedAfterTheAnswerIsNotBlamedForAMissingRating() {
        Appeal appeal = routedAppeal(registeredThroughOpen311());
        RenderedNotification text = render(appeal, new AppealClosed(AppealClosed.Resolution.NOT_RATED, null));
        assertThat(text.status()).isEqualTo("Закрыто после ответа");
        assertThat(text.message()).contains("закрыто автоматически", "новое обращение").doesNotContain("оцен");
    }

    @Test
    void rejectedSaysTheReasonInWords() {
        Appeal spam = routedAppeal();
        assertThat(render(spam, new AppealRejected(AppealRejected.Reason.SPAM, null, null, null)).message())
                .isEqualTo("Модератор отклонил ваше обращение " + spam.number() + ". Оно признано спамом или рекламой."
                        + "\n\nЕсли проблема не решена, вы можете подать новое обращение.");
        assertThat(render(routedAppeal(), new AppealRejected(AppealRejected.Reason.ABUSIVE_LANGUAGE, "Уберите оскорбления", null, null))
                .message()).contains("нецензурные или оскорбительные выражения", "Комментарий модератора: Уберите оскорбления");
        assertThat(render(routedAppeal(), new AppealRejected(AppealRejected.Reason.NOT_AN_APPEAL, null, null, null)).message())
                .contains("не является обращением о проблеме");

        Appeal duplicate = routedAppeal();
        RenderedNotification text = render(duplicate, new AppealRejected(AppealRejected.Reason.DUPLICATE, "Такое уже есть",
                UUID.randomUUID(), "SPB-2026-000042"));
        assertThat(text.title()).isEqualTo("Обращение " + duplicate.number() + " отклонено");
        assertThat(text.status()).isEqualTo("Отклонено");
        assertThat(text.message()).contains("О той же проблеме уже сообщено в обращении SPB-2026-000042: следить за её решением можно по нему.",
                "Комментарий модератора: Такое уже есть");
        assertThat(render(routedAppeal(), new AppealRejected(AppealRejected.Reason.DUPLICATE, null, null, null)).message())
                .contains("уже сообщено в другом обращении.");
    }

    @Test
    void reopenedDropsTheOldDueDateAndTheDeadlineRoutingSetsGivesTheNewOne() {
        Appeal appeal = routedAppeal();
        RenderedNotification text = render(appeal, new AppealReopened(AppealEvents.ADMIRALTEISKY, 2));
        assertThat(text.title()).isEqualTo("Обращение " + appeal.number() + " возвращено исполнителю");
        assertThat(text.status()).isEqualTo("Возвращено исполнителю");
        assertThat(text.message()).contains("(ваша оценка — 2 из 5)", "«" + AppealEvents.ADMINISTRATION_NAME + "»",
                "Новый срок ответа мы сообщим отдельно").doesNotContain("15.12.2026");
        // the old deadline no longer holds, for later texts either
        assertThat(QuarkusTransaction.requiringNew().call(() -> TrackedAppeal.<TrackedAppeal>findById(appeal.id()).dueAt)).isNull();

        RenderedNotification set = render(appeal, new AppealDeadlineSet(Instant.parse("2027-01-20T20:59:59Z"),
                DeadlineDecided.Reason.REOPENED));
        assertThat(set.title()).isEqualTo("Новый срок ответа на обращение " + appeal.number());
        assertThat(set.status()).isEqualTo("Назначен новый срок ответа");
        assertThat(set.message()).contains("рассматривается повторно исполнителем «" + AppealEvents.ADMINISTRATION_NAME + "»",
                "Ответ должен быть дан не позднее 20.01.2027.");
    }

    @Test
    void closedTellsSatisfiedFromNotRated() {
        Appeal satisfied = routedAppeal();
        RenderedNotification text = render(satisfied, new AppealClosed(AppealClosed.Resolution.SATISFIED, 5));
        assertThat(text.title()).isEqualTo("Обращение " + satisfied.number() + " закрыто");
        assertThat(text.status()).isEqualTo("Закрыто: проблема решена");
        assertThat(text.message()).contains("проблема решена, и оценили ответ на 5 из 5", "Спасибо");

        Appeal unrated = routedAppeal();
        RenderedNotification auto = render(unrated, new AppealClosed(AppealClosed.Resolution.NOT_RATED, null));
        assertThat(auto.status()).isEqualTo("Закрыто без оценки");
        assertThat(auto.message()).contains("не был оценён в установленный срок", "закрыто автоматически", "новое обращение")
                .doesNotContain("из 5");
        // a finished appeal has no deadline any more
        assertThat(QuarkusTransaction.requiringNew().call(() -> TrackedAppeal.<TrackedAppeal>findById(unrated.id()).dueAt)).isNull();
    }

    @Test
    void withdrawn() {
        Appeal appeal = routedAppeal();
        RenderedNotification text = render(appeal, new AppealWithdrawn(AppealStatus.IN_PROGRESS),
                Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(text.title()).isEqualTo("Обращение " + appeal.number() + " отозвано");
        assertThat(text.status()).isEqualTo("Отозвано");
        assertThat(text.message()).startsWith("Вы отозвали обращение " + appeal.number() + " (01.12.2026 12:30).");
    }

    @Test
    void deadlineExtendedNamesTheOldAndTheNewDateAndWhy() {
        Appeal appeal = routedAppeal();
        RenderedNotification text = render(appeal, new AppealDeadlineExtended(DUE, Instant.parse("2027-01-14T20:59:59Z"),
                "Нужен выезд подрядчика"));
        assertThat(text.title()).isEqualTo("Срок ответа на обращение " + appeal.number() + " продлён");
        assertThat(text.status()).isEqualTo("Срок ответа продлён");
        assertThat(text.message()).contains("Прежний срок — 15.12.2026.", "Теперь ответ должен быть дан не позднее 14.01.2027.",
                "Причина: Нужен выезд подрядчика", "только один раз и не более чем на 30 дней");
    }

    @Test
    void overdueWithAndWithoutAnOrganization() {
        Appeal routed = routedAppeal();
        RenderedNotification text = render(routed, new AppealOverdue(AppealEvents.ADMIRALTEISKY, DUE));
        assertThat(text.title()).isEqualTo("Срок ответа на обращение " + routed.number() + " истёк");
        assertThat(text.status()).isEqualTo("Срок ответа истёк");
        assertThat(text.message()).contains("(15.12.2026) истёк, а исполнитель «" + AppealEvents.ADMINISTRATION_NAME
                + "» пока не ответил.", "Нарушение срока зафиксировано");

        Appeal waiting = registeredAppeal();
        assertThat(render(waiting, new AppealOverdue(null, DUE)).message())
                .contains("(15.12.2026) истёк, а исполнитель ещё не назначен.");
    }

    @Test
    void categoryChangedNamesTheOldAndTheNewType() {
        Appeal appeal = routedAppeal();
        AppealRegistered.CategoryRef previous = new AppealRegistered.CategoryRef("56", "Конструкция, препятствующая парковке",
                "5", "Парковка", "1", "Двор");
        AppealRegistered.CategoryRef garbage = new AppealRegistered.CategoryRef("71", "Мусор во дворе", "8", "Уборка", "1", "Двор");
        RenderedNotification text = render(appeal, new AppealCategoryChanged(previous, garbage, 19, "Речь о мусоре"));
        assertThat(text.title()).isEqualTo("В обращении " + appeal.number() + " уточнён тип проблемы");
        assertThat(text.status()).isEqualTo("Уточнён тип проблемы");
        assertThat(text.message()).startsWith("Тип проблемы в вашем обращении " + appeal.number()
                        + " изменён с «Конструкция, препятствующая парковке» на «Мусор во дворе». Причина: Речь о мусоре")
                .contains("Подавать обращение заново не нужно");
        // later notifications and webhooks name the new type
        assertThat(QuarkusTransaction.requiringNew().call(() -> TrackedAppeal.<TrackedAppeal>findById(appeal.id()).categoryName))
                .isEqualTo("Мусор во дворе");
    }

    @Test
    void theEarlierTemplatesReadAsWordsToo() {
        Appeal appeal = registeredAppeal();
        assertThat(render(appeal, new ru.spb.feedback.contracts.AppealSentToTriage(TriageRequired.Reason.OUTSIDE_CITY)).message())
                .startsWith("Нам не удалось автоматически определить, кто должен ответить на обращение " + appeal.number()
                        + ": место находится за пределами Санкт-Петербурга.");
        assertThat(render(registeredAppeal(), new ru.spb.feedback.contracts.AppealSentToTriage(TriageRequired.Reason.DECLINED))
                .message()).contains(": исполнители отказались от него.");
        assertThat(render(routedAppeal(), new ru.spb.feedback.contracts.AppealRouted(AppealEvents.ADMIRALTEISKY,
                AppealEvents.ADMIRALTEISKY_NAME, "Адмиралтейский", AppealEvents.ADMIRALTEISKY, AppealEvents.ADMINISTRATION_NAME, DUE,
                RoutingDecided.Method.GEO)).message()).contains("не позднее 15.12.2026");
    }

    /** An appeal registered and routed (Адмиралтейский округ, due 15.12.2026), as the consumer tracked it. */
    private Appeal routedAppeal() {
        return routedAppeal(registeredAppeal());
    }

    private Appeal routedAppeal(Appeal appeal) {
        QuarkusTransaction.requiringNew().run(() -> {
            EventEnvelope routed = AppealEvents.routed(appeal, LocalDate.of(2026, 12, 15));
            tracked.routed(routed, routed.payloadAs(ru.spb.feedback.contracts.AppealRouted.class));
        });
        return appeal;
    }

    private Appeal registeredAppeal() {
        Appeal appeal = Appeal.of("citizen-" + UUID.randomUUID());
        track(AppealEvents.registered(appeal, null, null));
        return appeal;
    }

    /** Filed by an integrator through Open311: the citizen has no account here. */
    private Appeal registeredThroughOpen311() {
        Appeal appeal = Appeal.of("citizen-" + UUID.randomUUID());
        track(AppealEvents.registeredThroughOpen311(appeal, "integrator-" + UUID.randomUUID(), null, null));
        return appeal;
    }

    private void track(EventEnvelope registered) {
        QuarkusTransaction.requiringNew().run(() -> tracked.registered(registered, registered.payloadAs(AppealRegistered.class)));
    }

    private RenderedNotification render(Appeal appeal, AppealEvent payload) {
        return render(appeal, payload, Instant.now());
    }

    /** What the consumer does with any other citizen-visible event: learn from it, then render. */
    private RenderedNotification render(Appeal appeal, AppealEvent payload, Instant occurredAt) {
        EventEnvelope envelope = EventEnvelope.wrap(payload, appeal.ref(AppealEvents.ADMIRALTEISKY), occurredAt, null);
        double failuresBefore = metric(FAILURES);
        RenderedNotification text = QuarkusTransaction.requiringNew().call(() -> templates.render(envelope, tracked.learn(envelope)));
        assertThat(metric(FAILURES)).as("template failures").isEqualTo(failuresBefore);
        for (String part : List.of(text.title(), text.status(), text.message())) {
            assertThat(part).isNotBlank()
                    .doesNotContain("null", "NOT_FOUND", "{", "}", "изменение статуса")
                    .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T")
                    .doesNotContainPattern(" [.,:;]");
            for (String raw : RAW_NAMES) {
                assertThat(part).doesNotContainPattern("\\b" + raw + "\\b");
            }
        }
        assertThat(text.message()).contains(appeal.number());
        return text;
    }
}
