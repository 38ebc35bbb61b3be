package ru.spb.feedback.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** DELETE /api/v1/account (a citizen deletes their account) belongs to appeals-service, and needs a token. */
@QuarkusTest
class AccountRouteTest {

    private static final Upstream APPEALS = new Upstream("appeals");

    @Test
    void sendsAccountDeletionToAppeals() {
        String citizen = "Bearer " + SignedTokens.citizen("citizen-" + UUID.randomUUID());
        given().header("Authorization", citizen).delete("/api/v1/account")
                .then().statusCode(200)
                .body("upstream", equalTo("appeals"))
                .body("method", equalTo("DELETE"))
                .body("uri", equalTo("/api/v1/account"));
    }

    @Test
    void refusesItWithoutATokenWithoutTouchingTheService() {
        String path = "/api/v1/account?n=" + UUID.randomUUID();
        given().delete(path).then().statusCode(401).contentType("application/problem+json");
        assertThat(APPEALS.seen()).doesNotContain(path);
    }
}
