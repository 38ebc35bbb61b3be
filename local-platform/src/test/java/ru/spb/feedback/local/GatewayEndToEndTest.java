package ru.spb.feedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.spb.feedback.testsupport.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spb.feedback.local.AppealsApi.JSON;
import static ru.spb.feedback.local.AppealsApi.inStatus;

/**
 * The whole platform — routing, appeals and notification services behind the gateway, one Kafka,
 * PostgreSQL and an SMTP server — driven through the gateway only, with real signed tokens: a
 * citizen's appeal goes all the way from submission to closed, with an in-app notification and an
 * e-mail at every step the citizen sees; an officer of another municipality cannot see it; a
 * burst beyond the rate limit is answered 429.
 */
@ExtendWith(WholePlatform.Resolver.class)
class GatewayEndToEndTest {

    /** Inside Адмиралтейский округ (municipality and its organization 1123300), as in RoutingEndToEndTest. */
    static final double[] ADMIRALTEYSKY = {59.93105375, 30.29679808};
    static final String ADMIRALTEYSKY_CODE = "1123300";
    /** Пушкин: another municipality. */
    private static final String PUSHKIN_CODE = "359179";

    private static WholePlatform platform;
    private static AppealsApi appeals;

    @BeforeAll
    static void shareThePlatform(WholePlatform wholePlatform) {
        platform = wholePlatform;
        appeals = wholePlatform.appeals();
    }

    @Test
    void aCitizensAppealGoesFromSubmissionToClosedWithANotificationAndAnEmailAtEveryStep() throws Exception {
        Citizen citizen = Citizen.create("gateway-loop");
        String officer = TestTokens.officer("e2e-gateway-officer", ADMIRALTEYSKY_CODE);

        JsonNode submitted = appeals.submit(citizen.token(), ADMIRALTEYSKY[0], ADMIRALTEYSKY[1], false);
        String id = submitted.get("id").asText();
        String number = submitted.get("number").asText();
        assertThat(submitted.get("status").asText()).isEqualTo("REGISTERED");
        platform.awaitNotified(citizen, id, "AppealRegistered", "Обращение " + number + " зарегистрировано");

        JsonNode routed = appeals.awaitAppeal(citizen.token(), id, inStatus("ROUTED"));
        assertThat(routed.at("/municipality/code").asText()).isEqualTo(ADMIRALTEYSKY_CODE);
        assertThat(routed.at("/organization/code").asText()).isEqualTo(ADMIRALTEYSKY_CODE);
        platform.awaitNotified(citizen, id, "AppealRouted", "Обращение " + number + " направлено исполнителю");

        // the responsible officer finds it in the organization's queue, accepts and answers it
        assertThat(appeals.read(officer, "/api/v1/officer/appeals").get("items").findValuesAsText("id")).contains(id);
        String path = "/api/v1/officer/appeals/" + id;
        assertThat(appeals.step(officer, path + "/accept", null).get("status").asText()).isEqualTo("IN_PROGRESS");
        platform.awaitNotified(citizen, id, "AppealAccepted", "Обращение " + number + " принято в работу");

        assertThat(appeals.step(officer, path + "/answer", "{\"text\": \"Блоки убраны, проезд свободен\"}")
                .get("status").asText()).isEqualTo("ANSWERED");
        MimeMessage answer = platform.awaitNotified(citizen, id, "AppealAnswered", "Получен ответ на обращение " + number);
        assertThat(Mailbox.text(answer)).contains("Блоки убраны, проезд свободен");

        JsonNode closed = appeals.step(citizen.token(), "/api/v1/appeals/" + id + "/feedback", "{\"rating\": 5, \"satisfied\": true}");
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        MimeMessage closing = platform.awaitNotified(citizen, id, "AppealClosed", "Обращение " + number + " закрыто");
        assertThat(Mailbox.text(closing)).contains("Вы подтвердили, что проблема решена", "на 5 из 5");

        assertThat(appeals.read(citizen.token(), "/api/v1/appeals/" + id + "/history").findValuesAsText("to"))
                .containsExactly("REGISTERED", "ROUTED", "IN_PROGRESS", "ANSWERED", "CLOSED");
        // one notification and one e-mail per step, nothing twice
        assertThat(platform.inbox(citizen).findValuesAsText("eventType")).containsExactly(
                "AppealClosed", "AppealAnswered", "AppealAccepted", "AppealRouted", "AppealRegistered");
        assertThat(platform.mailbox().subjectsTo(citizen.email())).containsExactly(
                "Обращение " + number + " зарегистрировано",
                "Обращение " + number + " направлено исполнителю",
                "Обращение " + number + " принято в работу",
                "Получен ответ на обращение " + number,
                "Обращение " + number + " закрыто");
    }

    @Test
    void anOfficerOfAnotherMunicipalityGets404ForTheAppeal() throws Exception {
        Citizen citizen = Citizen.create("gateway-stranger");
        String id = appeals.submit(citizen.token(), ADMIRALTEYSKY[0], ADMIRALTEYSKY[1], false).get("id").asText();
        appeals.awaitAppeal(citizen.token(), id, inStatus("ROUTED"));
        String stranger = TestTokens.officer("e2e-gateway-pushkin-officer", PUSHKIN_CODE);
        String responsible = TestTokens.officer("e2e-gateway-officer", ADMIRALTEYSKY_CODE);

        for (String[] call : new String[][] {{"GET", ""}, {"GET", "/history"}, {"POST", "/accept"}}) {
            HttpResponse<String> response = PlatformProcesses.call(call[0],
                    platform.gatewayUrl() + "/api/v1/officer/appeals/" + id + call[1], stranger, null);
            assertThat(response.statusCode()).as(call[0] + call[1] + ": " + response.body()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(appeals.read(stranger, "/api/v1/officer/appeals").get("items").findValuesAsText("id")).doesNotContain(id);
        // untouched by the stranger's attempt: the responsible officer still sees it routed
        assertThat(appeals.read(responsible, "/api/v1/officer/appeals/" + id).get("status").asText()).isEqualTo("ROUTED");
    }

    @Test
    void aBurstBeyondTheRateLimitIsAnswered429WithRetryAfterForThatSubjectOnly() throws Exception {
        String hasty = TestTokens.citizen("e2e-gateway-burst-" + UUID.randomUUID());
        String other = TestTokens.citizen("e2e-gateway-calm-" + UUID.randomUUID());
        String url = platform.gatewayUrl() + "/api/v1/notifications/unread-count";

        // all at once, so the bucket runs dry faster than it refills
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 3 * WholePlatform.READ_CAPACITY; i++) {
            burst.add(http.sendAsync(get(url, hasty), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : burst) {
            answers.add(answer.get());
        }
        List<HttpResponse<String>> limited = answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isIn(200, 429));
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).hasSizeBetween(1, answers.size() - 1);
        assertThat(limited).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(answer.body()).get("status").asInt()).isEqualTo(429);
            assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Integer.parseInt(seconds)).isPositive());
        });

        // the limit is per subject: someone else is served meanwhile
        assertThat(http.send(get(url, other), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        // and the hasty citizen again once the time named in Retry-After has passed
        long retryAfter = limited.stream().mapToLong(answer -> Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow()))
                .max().orElseThrow();
        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        HttpResponse<String> later = http.send(get(url, hasty), HttpResponse.BodyHandlers.ofString());
        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
    }

    @Test
    void oneRequestIdFollowsARequestIntoTheLogOfEveryService() throws Exception {
        String citizen = TestTokens.citizen("e2e-gateway-request-id-" + UUID.randomUUID());
        String requestId = "e2e-" + UUID.randomUUID();
        // a query string may carry a key, a ticket or a location: no log may keep it
        String query = "?unlogged=" + UUID.randomUUID();
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/api/v1/appeals", "/api/v1/municipalities/" + ADMIRALTEYSKY_CODE, "/api/v1/notifications")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path + query))
                    .header("Authorization", "Bearer " + citizen).header("X-Request-Id", requestId).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-Request-Id")).hasValue(requestId);
        }
        for (String module : List.of(WholePlatform.GATEWAY, WholePlatform.APPEALS, WholePlatform.ROUTING, WholePlatform.NOTIFICATION)) {
            Eventually.await("request id in the log of " + module, () -> platform.logOf(module).contains("req=" + requestId));
            assertThat(platform.logOf(module)).as("the log of " + module).doesNotContain(query.substring(1));
        }
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).GET().build();
    }
}
