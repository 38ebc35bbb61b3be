package ru.spb.feedback.contracts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private static final AppealRegistered REGISTERED = new AppealRegistered(
            new AppealRegistered.CategoryRef("159", "Санитарное состояние", "50", "Нарушения", "18", "Бюджетное учреждение"),
            9, true, new GeoPoint(59.93, 30.31), "Невский пр., 1", "Описание проблемы",
            Instant.parse("2026-11-27T10:15:30Z"), AppealRegistered.Channel.API,
            new AppealRegistered.CitizenContact("ivan@example.org", "Иван Петров"), null);

    @Test
    void roundTripsAnEnvelopeWithItsPayload() {
        UUID appealId = UUID.randomUUID();
        EventEnvelope envelope = EventEnvelope.wrap(REGISTERED,
                new EventEnvelope.AppealRef(appealId, "SPB-2026-000001", "citizen-1", null),
                Instant.parse("2026-11-27T10:15:31Z"), "req-1");

        EventEnvelope read = EventCodec.decode(EventCodec.encode(envelope));

        assertThat(read.eventType()).isEqualTo("AppealRegistered");
        assertThat(read.schemaVersion()).isEqualTo(1);
        assertThat(read.citizenVisible()).isTrue();
        assertThat(read.appealId()).isEqualTo(appealId);
        assertThat(read.municipalityCode()).isNull();
        assertThat(read.requestId()).isEqualTo("req-1");
        assertThat(read.payloadAs(AppealRegistered.class)).isEqualTo(REGISTERED);
    }

    @Test
    void writesTimesAsIsoStrings() {
        EventEnvelope envelope = EventEnvelope.wrap(REGISTERED,
                new EventEnvelope.AppealRef(UUID.randomUUID(), "SPB-2026-000001", "c", null),
                Instant.parse("2026-11-27T10:15:31Z"), null);

        String json = EventCodec.encodeToString(envelope);

        assertThat(json).contains("\"occurredAt\":\"2026-11-27T10:15:31Z\"")
                .contains("\"registeredAt\":\"2026-11-27T10:15:30Z\"")
                .doesNotContain("requestId");
    }

    @Test
    void readsTheIntegratorOfAnOpen311AppealAndNullFromRecordsWrittenBeforeTheFieldExisted() {
        AppealRegistered viaOpen311 = new AppealRegistered(REGISTERED.category(), 9, false, null, "Невский пр., 1",
                "Описание", REGISTERED.registeredAt(), AppealRegistered.Channel.OPEN311, null, "integrator-7");
        String json = EventCodec.encodeToString(EventEnvelope.wrap(viaOpen311,
                new EventEnvelope.AppealRef(UUID.randomUUID(), "n", "c", null), Instant.now(), null));

        assertThat(json).contains("\"integratorId\":\"integrator-7\"");
        assertThat(EventCodec.decode(json).payloadAs(AppealRegistered.class).integratorId()).isEqualTo("integrator-7");
        assertThat(EventCodec.decode(json.replace(",\"integratorId\":\"integrator-7\"", "")).payloadAs(AppealRegistered.class))
                .extracting(AppealRegistered::integratorId, AppealRegistered::location).containsExactly(null, null);
    }

    @Test
    void carriesWhetherTheProblemTypeIsPublicAndReadsOlderRecordsAsNotPublic() {
        AppealRegistered.CategoryRef shown = new AppealRegistered.CategoryRef("56", "Парковка", "5", "Двор", "1", "Двор", true);
        AppealCategoryChanged changed = new AppealCategoryChanged(REGISTERED.category(), shown, 9, "Уточнено");
        String json = EventCodec.encodeToString(EventEnvelope.wrap(changed,
                new EventEnvelope.AppealRef(UUID.randomUUID(), "n", "c", null), Instant.now(), null));

        assertThat(json).contains("\"publicCategory\":true").doesNotContain("\"shownPublicly\"");
        AppealCategoryChanged read = EventCodec.decode(json).payloadAs(AppealCategoryChanged.class);
        assertThat(read.category().shownPublicly()).isTrue();
        assertThat(read.previous().publicCategory()).isNull();
        assertThat(read.previous().shownPublicly()).isFalse();
        AppealCategoryChanged older = EventCodec.decode(json.replace(",\"publicCategory\":true", ""))
                .payloadAs(AppealCategoryChanged.class);
        assertThat(older.category().publicCategory()).isNull();
        assertThat(older.category().shownPublicly()).isFalse();
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String json = EventCodec.encodeToString(EventEnvelope.wrap(REGISTERED,
                new EventEnvelope.AppealRef(UUID.randomUUID(), "n", "c", null), Instant.now(), null));
        String withExtra = json.replaceFirst("\\{", "{\"addedLater\":42,");

        assertThat(EventCodec.decode(withExtra).eventType()).isEqualTo("AppealRegistered");
    }

    @Test
    void rejectsBrokenJsonWithoutQuotingIt() {
        assertThatThrownBy(() -> EventCodec.decode("{\"eventId\": \"secret@mail.ru".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageNotContaining("secret@mail.ru");
    }

    @Test
    void rejectsAnEnvelopeWithoutRequiredFields() {
        assertThatThrownBy(() -> EventCodec.decode("{\"eventType\":\"AppealRegistered\"}"))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("null")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode((byte[]) null)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void rejectsAPayloadOfTheWrongShapeWithoutQuotingIt() {
        String json = EventCodec.encodeToString(EventEnvelope.wrap(REGISTERED,
                new EventEnvelope.AppealRef(UUID.randomUUID(), "n", "c", null), Instant.now(), null));
        EventEnvelope broken = EventCodec.decode(json.replace("\"deadlineWorkingDays\":9", "\"deadlineWorkingDays\":\"nine@x\""));

        assertThatThrownBy(() -> broken.payloadAs(AppealRegistered.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("deadlineWorkingDays")
                .hasMessageNotContaining("nine@x");
    }

    @Test
    void knowsEveryListedTypeByName() {
        assertThat(EventCatalog.byName("AppealRegistered")).contains(AppealRegistered.class);
        assertThat(EventCatalog.byName("SomethingNew")).isEmpty();
    }

    @Test
    void neverPrintsContactData() {
        assertThat(REGISTERED.toString()).doesNotContain("ivan@example.org").doesNotContain("Иван");
    }

    @Test
    void aReopeningCarriesNoDueDateAndOneWrittenWithTheOldFieldStillReads() {
        EventEnvelope.AppealRef appeal = new EventEnvelope.AppealRef(UUID.randomUUID(), "n", "c", "1123300");
        String json = EventCodec.encodeToString(EventEnvelope.wrap(new AppealReopened("1123300", 2), appeal, Instant.now(), null));

        assertThat(json).contains("\"payload\":{\"organizationCode\":\"1123300\",\"rating\":2}").doesNotContain("dueAt");
        // written before routing owned deadlines: the dropped field is ignored, not an error
        String older = json.replace("\"rating\":2}", "\"rating\":2,\"dueAt\":\"2027-01-20T20:59:59Z\"}");
        assertThat(EventCodec.decode(older).payloadAs(AppealReopened.class)).isEqualTo(new AppealReopened("1123300", 2));
        assertThat(EventCatalog.clearsDueDate("AppealReopened")).isTrue();
        assertThat(EventCatalog.clearsDueDate("AppealClosed")).isTrue();
        assertThat(EventCatalog.clearsDueDate("AppealAccepted")).isFalse();
    }

    @Test
    void routingsDeadlineAndTheCitizensOneRoundTrip() {
        EventEnvelope.AppealRef appeal = new EventEnvelope.AppealRef(UUID.randomUUID(), "n", "c", "1123300");
        DeadlineDecided decided = new DeadlineDecided("1123300", Instant.parse("2028-03-06T07:00:00Z"),
                Instant.parse("2028-03-10T20:59:59Z"), DeadlineDecided.Reason.REOPENED);
        EventEnvelope routing = EventCodec.decode(EventCodec.encode(EventEnvelope.wrap(decided, appeal, Instant.now(), null)));
        assertThat(routing.eventType()).isEqualTo("DeadlineDecided");
        assertThat(routing.citizenVisible()).isFalse();
        assertThat(routing.payloadAs(DeadlineDecided.class)).isEqualTo(decided);

        AppealDeadlineSet set = new AppealDeadlineSet(decided.dueAt(), DeadlineDecided.Reason.REOPENED);
        EventEnvelope citizen = EventCodec.decode(EventCodec.encode(EventEnvelope.wrap(set, appeal, Instant.now(), null)));
        assertThat(citizen.eventType()).isEqualTo("AppealDeadlineSet");
        assertThat(citizen.citizenVisible()).isTrue();
        assertThat(citizen.payloadAs(AppealDeadlineSet.class)).isEqualTo(set);
    }
}
