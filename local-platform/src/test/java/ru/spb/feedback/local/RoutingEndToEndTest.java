package ru.spb.feedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.calendar.ProductionCalendar;
import ru.spb.feedback.devinfra.Postgres;
import ru.spb.feedback.devinfra.PostgresServer;
import ru.spb.feedback.testsupport.InJvmKafka;
import ru.spb.feedback.testsupport.TestTokens;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spb.feedback.local.AppealsApi.JSON;
import static ru.spb.feedback.local.AppealsApi.inStatus;

/**
 * appeals-service and routing-service, as built jars, against one real Kafka: appeals submitted at
 * known points come back routed to the right municipality with the right due date; triage,
 * manual assignment and re-routing after an officer's decline work across both services; and the
 * whole loop submit → routed → accept → answer → reopen (new deadline from routing) → answer → satisfied → closed.
 */
class RoutingEndToEndTest {

    private static final ProductionCalendar CALENDAR = ProductionCalendar.russian();
    private static final double[] PUSHKIN = {59.69759565, 30.341013773072028};

    private static PostgresServer postgres;
    private static InJvmKafka kafka;
    private static PlatformProcesses platform;
    private static String appeals;
    private static String routing;
    private static AppealsApi api;

    @BeforeAll
    static void start() throws Exception {
        postgres = Postgres.findOrStart();
        kafka = InJvmKafka.start();
        platform = new PlatformProcesses(postgres, kafka.bootstrapServers());
        routing = platform.start("routing-service", "e2e_routing", Map.of()).baseUrl();
        appeals = platform.start("appeals-service", "e2e_appeals", Map.of()).baseUrl();
        api = new AppealsApi(appeals);
    }

    @AfterAll
    static void stop() {
        platform.close();
        kafka.close();
        postgres.close();
    }

    @Test
    void appealsAtKnownPointsAreRoutedToTheirMunicipalityWithTheirDueDate() throws Exception {
        String citizen = TestTokens.citizen("e2e-" + UUID.randomUUID(), "e2e@example.org", "Ева");
        // points of the labelled set: inside Адмиралтейский округ; a fort of Кронштадт in the gulf; inside Пушкин
        Map<String, double[]> points = Map.of(
                "1123300", new double[] {59.93105375, 30.29679808},
                "1185387", new double[] {60.04319995, 29.54156732436914},
                "359179", PUSHKIN);
        for (Map.Entry<String, double[]> point : points.entrySet()) {
            long submitted = System.nanoTime();
            JsonNode created = api.submit(citizen, point.getValue()[0], point.getValue()[1], false);
            JsonNode routed = api.awaitAppeal(citizen, created.get("id").asText(), inStatus("ROUTED"));
            System.out.printf("routed %s to %s in %d ms%n", created.get("number").asText(),
                    routed.at("/municipality/code").asText(), (System.nanoTime() - submitted) / 1_000_000);
            assertThat(routed.at("/municipality/code").asText()).isEqualTo(point.getKey());
            assertThat(routed.at("/organization/code").asText()).isEqualTo(point.getKey());
            Instant registeredAt = Instant.parse(created.get("registeredAt").asText());
            assertThat(Instant.parse(routed.get("dueAt").asText())).isEqualTo(CALENDAR.dueInWorkingDays(registeredAt, 9).at());
        }
    }

    @Test
    void anOfficialAppealAndALongerDeadlineCountOverHolidays() throws Exception {
        String admin = TestTokens.admin("e2e-admin");
        // a furniture proposal gets 40 working days: from late 2026 that runs over the New Year holidays
        assertThat(PlatformProcesses.call("PATCH", appeals + "/api/v1/categories/255", admin, "{\"deadlineWorkingDays\": 40}").statusCode())
                .isEqualTo(200);
        try {
            String citizen = TestTokens.citizen("e2e-" + UUID.randomUUID(), "e2e@example.org", "Ева");
            JsonNode ordinary = api.submit(citizen, 59.93105375, 30.29679808, false);
            JsonNode official = api.submit(citizen, 59.93105375, 30.29679808, true);
            JsonNode routedOrdinary = api.awaitAppeal(citizen, ordinary.get("id").asText(), appeal -> appeal.hasNonNull("dueAt"));
            JsonNode routedOfficial = api.awaitAppeal(citizen, official.get("id").asText(), appeal -> appeal.hasNonNull("dueAt"));
            assertThat(Instant.parse(routedOrdinary.get("dueAt").asText()))
                    .isEqualTo(CALENDAR.dueInWorkingDays(Instant.parse(ordinary.get("registeredAt").asText()), 40).at());
            assertThat(Instant.parse(routedOfficial.get("dueAt").asText()))
                    .isEqualTo(CALENDAR.dueInCalendarDays(Instant.parse(official.get("registeredAt").asText()), 30).at());
        } finally {
            PlatformProcesses.call("PATCH", appeals + "/api/v1/categories/255", admin, "{\"deadlineWorkingDays\": 9}");
        }
    }

    @Test
    void anAppealOutsideTheCityGoesToTriageAndAModeratorAssignsIt() throws Exception {
        String citizen = TestTokens.citizen("e2e-" + UUID.randomUUID(), "e2e@example.org", "Ева");
        // Neva bay west of Лахта: inside the accepted area, outside every district
        JsonNode created = api.submit(citizen, 59.981, 30.1809, false);
        String id = created.get("id").asText();
        JsonNode triaged = api.awaitAppeal(citizen, id, inStatus("TRIAGE"));
        assertThat(triaged.get("triageReason").asText()).isEqualTo("OUTSIDE_CITY");

        String moderator = TestTokens.moderator("e2e-moderator");
        JsonNode queue = JSON.readTree(PlatformProcesses.call("GET", routing + "/api/v1/triage?size=100", moderator, null).body());
        assertThat(queue.get("items").findValuesAsText("appealId")).contains(id);
        HttpResponse<String> assigned = PlatformProcesses.call("POST", routing + "/api/v1/triage/" + id + "/assign", moderator,
                "{\"municipalityCode\": \"1116469\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);

        JsonNode routed = api.awaitAppeal(citizen, id, inStatus("ROUTED"));
        assertThat(routed.at("/municipality/code").asText()).isEqualTo("1116469");
        JsonNode history = JSON.readTree(PlatformProcesses.call("GET", appeals + "/api/v1/appeals/" + id + "/history", citizen, null).body());
        assertThat(history.findValuesAsText("to")).containsExactly("REGISTERED", "TRIAGE", "ROUTED");
    }

    @Test
    void anOfficersDeclineRoutesTheAppealAgainElsewhere() throws Exception {
        String citizen = TestTokens.citizen("e2e-" + UUID.randomUUID(), "e2e@example.org", "Ева");
        String id = api.submit(citizen, 59.93105375, 30.29679808, false).get("id").asText();
        api.awaitAppeal(citizen, id, inStatus("ROUTED"));

        api.step(TestTokens.officer("e2e-officer", "1123300"), "/api/v1/officer/appeals/" + id + "/decline",
                "{\"reason\": \"Не наша компетенция\"}");
        JsonNode rerouted = api.awaitAppeal(citizen, id, appeal -> "district-admiralteysky".equals(appeal.at("/organization/code").asText()));
        assertThat(rerouted.at("/municipality/code").asText()).isEqualTo("1123300");
        assertThat(rerouted.get("status").asText()).isEqualTo("ROUTED");
    }

    @Test
    void theWholeLoopFromSubmissionToAClosedAppeal() throws Exception {
        String citizen = TestTokens.citizen("e2e-" + UUID.randomUUID(), "e2e@example.org", "Ева");
        String officer = TestTokens.officer("e2e-officer", "1123300");
        String id = api.submit(citizen, 59.93105375, 30.29679808, false).get("id").asText();
        api.awaitAppeal(citizen, id, inStatus("ROUTED"));

        String path = "/api/v1/officer/appeals/" + id;
        HttpResponse<String> stranger = PlatformProcesses.call("GET", appeals + path, TestTokens.officer("e2e-other", "1123301"), null);
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(PlatformProcesses.call("GET", appeals + "/api/v1/officer/appeals", officer, null).body())
                .get("items").findValuesAsText("id")).contains(id);

        api.step(officer, path + "/accept", null);
        api.step(officer, path + "/answer", "{\"text\": \"Блоки убраны\"}");
        JsonNode reopened = api.step(citizen, "/api/v1/appeals/" + id + "/feedback", "{\"rating\": 2, \"satisfied\": false}");
        assertThat(reopened.get("status").asText()).isEqualTo("REOPENED");
        // the new deadline comes from routing-service, counted from the reopening with its calendar
        assertThat(reopened.hasNonNull("dueAt")).isFalse();
        JsonNode withDeadline = api.awaitAppeal(citizen, id, appeal -> appeal.hasNonNull("dueAt"));
        JsonNode reopening = JSON.readTree(PlatformProcesses.call("GET", appeals + "/api/v1/appeals/" + id + "/history", citizen, null)
                .body()).get(4);
        assertThat(reopening.get("action").asText()).isEqualTo("REOPEN");
        assertThat(Instant.parse(withDeadline.get("dueAt").asText()))
                .isEqualTo(CALENDAR.dueInWorkingDays(Instant.parse(reopening.get("at").asText()), 9).at());
        api.step(officer, path + "/accept", null);
        api.step(officer, path + "/answer", "{\"text\": \"Блоки вывезены\"}");
        JsonNode closed = api.step(citizen, "/api/v1/appeals/" + id + "/feedback", "{\"rating\": 5, \"satisfied\": true}");
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("answers").findValuesAsText("text")).containsExactly("Блоки убраны", "Блоки вывезены");

        JsonNode history = JSON.readTree(PlatformProcesses.call("GET", appeals + "/api/v1/appeals/" + id + "/history", citizen, null).body());
        assertThat(history.findValuesAsText("to")).containsExactly("REGISTERED", "ROUTED", "IN_PROGRESS", "ANSWERED", "REOPENED",
                "REOPENED", "IN_PROGRESS", "ANSWERED", "CLOSED");
        assertThat(history.get(5).get("action").asText()).isEqualTo("SET_DEADLINE");
    }

    @Test
    void anAppealRejectedInTriageLeavesRoutingsTriageQueue() throws Exception {
        String citizen = TestTokens.citizen("e2e-" + UUID.randomUUID(), "e2e@example.org", "Ева");
        String id = api.submit(citizen, 59.981, 30.1809, false).get("id").asText();
        api.awaitAppeal(citizen, id, inStatus("TRIAGE"));
        String moderator = TestTokens.moderator("e2e-moderator");
        assertThat(triage(moderator)).contains(id);

        JsonNode rejected = api.step(moderator, "/api/v1/moderator/appeals/" + id + "/reject",
                "{\"reason\": \"NOT_AN_APPEAL\", \"note\": \"Точка в заливе, проблема не описана\"}");
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        Eventually.await(id + " to leave routing's triage queue", Duration.ofSeconds(30), () -> !triage(moderator).contains(id));
        HttpResponse<String> assign = PlatformProcesses.call("POST", routing + "/api/v1/triage/" + id + "/assign", moderator,
                "{\"municipalityCode\": \"1116469\"}");
        assertThat(assign.statusCode()).as(assign.body()).isEqualTo(409);
    }

    @Test
    void aCorrectedProblemTypeIsRoutedAgainWithoutRefiling() throws Exception {
        String citizen = TestTokens.citizen("e2e-" + UUID.randomUUID(), "e2e@example.org", "Ева");
        String id = api.submit(citizen, 59.93105375, 30.29679808, false).get("id").asText();
        api.awaitAppeal(citizen, id, inStatus("ROUTED"));

        api.step(TestTokens.officer("e2e-officer", "1123300"), "/api/v1/officer/appeals/" + id + "/change-category",
                "{\"categoryCode\": \"2\", \"reason\": \"Речь о детской площадке\"}");
        JsonNode routed = api.awaitAppeal(citizen, id, inStatus("ROUTED"));
        assertThat(routed.at("/category/code").asText()).isEqualTo("2");
        JsonNode history = JSON.readTree(PlatformProcesses.call("GET", appeals + "/api/v1/appeals/" + id + "/history", citizen, null).body());
        assertThat(history.findValuesAsText("to")).containsExactly("REGISTERED", "ROUTED", "REROUTING", "ROUTED");
    }

    private static java.util.List<String> triage(String moderator) throws Exception {
        return JSON.readTree(PlatformProcesses.call("GET", routing + "/api/v1/triage?size=100", moderator, null).body())
                .get("items").findValuesAsText("appealId");
    }
}
