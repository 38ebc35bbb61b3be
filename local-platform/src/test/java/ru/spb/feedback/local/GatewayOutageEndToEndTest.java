package ru.spb.feedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spb.feedback.local.AppealsApi.JSON;
import static ru.spb.feedback.local.AppealsApi.inStatus;
import static ru.spb.feedback.local.GatewayEndToEndTest.ADMIRALTEYSKY;

/**
 * The whole platform through the gateway while one service is down: intake does not depend on
 * notification-service (its notifications follow once it is back), and with appeals-service down
 * the gateway answers at once instead of hanging. Each test starts the service again and waits
 * until the gateway passes requests to it, so the other tests on the shared platform are not
 * affected, whatever the order.
 */
@ExtendWith(WholePlatform.Resolver.class)
class GatewayOutageEndToEndTest {

    /** Generous: "at once" means no waiting for a timeout; this is not a speed target. */
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    private static WholePlatform platform;
    private static AppealsApi appeals;

    @BeforeAll
    static void shareThePlatform(WholePlatform wholePlatform) {
        platform = wholePlatform;
        appeals = wholePlatform.appeals();
    }

    @Test
    void withNotificationServiceStoppedAppealsAreAcceptedAndTheirNotificationsArriveAfterItIsBack() throws Exception {
        Citizen citizen = Citizen.create("gateway-outage");
        platform.stop(WholePlatform.NOTIFICATION);
        String id;
        String number;
        try {
            JsonNode submitted = appeals.submit(citizen.token(), ADMIRALTEYSKY[0], ADMIRALTEYSKY[1], false);
            id = submitted.get("id").asText();
            number = submitted.get("number").asText();
            appeals.awaitAppeal(citizen.token(), id, inStatus("ROUTED"));
            assertUnavailable(PlatformProcesses.call("GET", platform.gatewayUrl() + "/api/v1/notifications", citizen.token(), null));
            assertThat(platform.mailbox().to(citizen.email())).isEmpty();
        } finally {
            platform.startAgain(WholePlatform.NOTIFICATION);
        }

        platform.awaitNotified(citizen, id, "AppealRegistered", "Обращение " + number + " зарегистрировано");
        platform.awaitNotified(citizen, id, "AppealRouted", "Обращение " + number + " направлено исполнителю");
        assertThat(platform.inbox(citizen).findValuesAsText("eventType")).containsExactly("AppealRouted", "AppealRegistered");
    }

    @Test
    void withAppealsServiceStoppedTheGatewayAnswers503AtOnce() throws Exception {
        Citizen citizen = Citizen.create("gateway-appeals-down");
        String url = platform.gatewayUrl() + "/api/v1/appeals";
        platform.stop(WholePlatform.APPEALS);
        try {
            // a read, and a write that must not be taken for accepted
            for (String method : new String[] {"GET", "POST"}) {
                long started = System.nanoTime();
                HttpResponse<String> response = PlatformProcesses.call(method, url, citizen.token(), method.equals("GET") ? null : """
                        {"categoryCode": "255", "description": "Блоки во дворе", "location": {"lat": 59.93105375, "lon": 30.29679808}}""");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertUnavailable(response);
                assertThat(took).as(method + " answered after " + took.toMillis() + " ms").isLessThan(QUICKLY);
            }
            // the other services are still served
            assertThat(PlatformProcesses.call("GET", platform.gatewayUrl() + "/api/v1/notifications", citizen.token(), null)
                    .statusCode()).isEqualTo(200);
        } finally {
            platform.startAgain(WholePlatform.APPEALS);
        }
        // back in service through the gateway (a breaker the outage opened lets requests through again)
        Eventually.await("the gateway to pass requests to appeals-service again", () ->
                PlatformProcesses.call("GET", url, citizen.token(), null).statusCode() == 200);
        String id = appeals.submit(citizen.token(), ADMIRALTEYSKY[0], ADMIRALTEYSKY[1], false).get("id").asText();
        appeals.awaitAppeal(citizen.token(), id, inStatus("ROUTED"));
    }

    private static void assertUnavailable(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(503);
    }
}
