package ru.spb.feedback.appeals.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.testsupport.TestTokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.OTHER_ORG;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.inStatus;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.post;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.update;

/** One organization's queue: its scope, its order, its filters and counts; and each role's scope. */
@QuarkusTest
class OfficerQueueTest {

    private static final String QUEUE = "/api/v1/officer/appeals";

    @Test
    void theQueueHoldsTheOrganizationsWorkOverdueFirstThenSoonestDue() {
        String organization = "org-" + UUID.randomUUID();
        String officer = TestTokens.officer("officer-q", organization);
        String later = appealOf(organization, AppealStatus.ROUTED, Instant.now().plus(5, ChronoUnit.DAYS));
        String sooner = appealOf(organization, AppealStatus.IN_PROGRESS, Instant.now().plus(1, ChronoUnit.DAYS));
        String overdue = appealOf(organization, AppealStatus.REOPENED, Instant.now().minus(1, ChronoUnit.DAYS));
        String answered = appealOf(organization, AppealStatus.ANSWERED, Instant.now().plus(2, ChronoUnit.DAYS));
        String elsewhere = inStatus(newCitizen(), AppealStatus.ROUTED);

        given().auth().oauth2(officer).get(QUEUE).then().statusCode(200)
                .body("items.id", contains(overdue, sooner, later))
                .body("items[0].overdue", equalTo(true)).body("items[1].overdue", equalTo(false))
                .body("totalItems", equalTo(3))
                .body("counts.ROUTED", equalTo(1)).body("counts.IN_PROGRESS", equalTo(1))
                .body("counts.REOPENED", equalTo(1)).body("counts.ANSWERED", equalTo(1));
        given().auth().oauth2(officer).queryParam("status", "ANSWERED").get(QUEUE).then().body("items.id", contains(answered));
        given().auth().oauth2(officer).queryParam("status", "ROUTED,IN_PROGRESS").get(QUEUE).then()
                .body("items.id", contains(sooner, later));
        given().auth().oauth2(officer).queryParam("overdue", true).get(QUEUE).then().body("items.id", contains(overdue));
        given().auth().oauth2(officer).queryParam("overdue", false).get(QUEUE).then().body("items.id", contains(sooner, later));
        given().auth().oauth2(officer).queryParam("dueWithinDays", 2).get(QUEUE).then().body("items.id", contains(overdue, sooner));
        given().auth().oauth2(officer).queryParam("category", "2").get(QUEUE).then().body("totalItems", equalTo(0));
        given().auth().oauth2(officer).queryParam("category", "255").get(QUEUE).then().body("totalItems", equalTo(3));
        given().auth().oauth2(officer).queryParam("size", 2).queryParam("page", 1).get(QUEUE).then()
                .body("items.id", contains(later)).body("totalPages", equalTo(2));
        given().auth().oauth2(officer).get(QUEUE).then().body("items.id", not(hasItem(elsewhere)));
    }

    @Test
    void badQueueParametersAreProblems() {
        String officer = TestTokens.officer("officer-q", "org-x");
        given().auth().oauth2(officer).queryParam("status", "DONE").get(QUEUE).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("status"));
        given().auth().oauth2(officer).queryParam("size", 0).get(QUEUE).then().statusCode(400);
        given().auth().oauth2(officer).queryParam("dueWithinDays", -1).get(QUEUE).then().statusCode(400);
        given().auth().oauth2(officer).queryParam("overdue", "maybe").get(QUEUE).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("overdue"));
    }

    @Test
    void anOfficerOfAnotherOrganizationGetsNotFoundEverywhere() {
        String id = inStatus(newCitizen(), AppealStatus.ROUTED);
        String stranger = TestTokens.officer("officer-other", OTHER_ORG);
        for (String path : List.of("", "/history")) {
            given().auth().oauth2(stranger).get(QUEUE + "/" + id + path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        for (String step : List.of("accept", "answer", "decline", "change-category", "extend-deadline")) {
            post(stranger, QUEUE + "/" + id + "/" + step, """
                    {"text": "a", "reason": "b", "categoryCode": "2", "days": 3}""").statusCode(404);
        }
        assertThat(LifecycleFixtures.load(id).status).isEqualTo(AppealStatus.ROUTED);
    }

    @Test
    void eachRoleStaysInItsScope() {
        String citizen = newCitizen();
        String id = inStatus(citizen, AppealStatus.ROUTED);
        // an officer token without an organization claim
        String noOrganization = TestTokens.custom("officer-x").group("officer").sign();
        given().auth().oauth2(noOrganization).get(QUEUE).then().statusCode(403)
                .body("type", equalTo("urn:spb-feedback:problem:no-organization"));
        given().auth().oauth2(citizen).get(QUEUE).then().statusCode(403);
        given().auth().oauth2(citizen).get(QUEUE + "/" + id).then().statusCode(403);
        given().get(QUEUE).then().statusCode(401).contentType("application/problem+json");
        post(citizen, QUEUE + "/" + id + "/accept", null).statusCode(403);
        // another citizen cannot see or touch it
        given().auth().oauth2(newCitizen()).get("/api/v1/appeals/" + id).then().statusCode(404);
        // moderators and admins read everything; officers and citizens not the moderation view
        given().auth().oauth2(LifecycleFixtures.moderator()).get("/api/v1/moderator/appeals/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin("admin-1")).get("/api/v1/moderator/appeals/" + id).then().statusCode(200)
                .body("actions.size()", equalTo(0));
        given().auth().oauth2(TestTokens.admin("admin-1")).get("/api/v1/moderator/appeals/" + id + "/history").then().statusCode(200);
        given().auth().oauth2(LifecycleFixtures.officer()).get("/api/v1/moderator/appeals/" + id).then().statusCode(403);
        given().auth().oauth2(citizen).get("/api/v1/moderator/appeals").then().statusCode(403);
        given().auth().oauth2(LifecycleFixtures.moderator()).get("/api/v1/moderator/appeals/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void moderatorsSeeTriageByDefault() {
        String triage = inStatus(newCitizen(), AppealStatus.TRIAGE);
        String routed = inStatus(newCitizen(), AppealStatus.ROUTED);
        String moderator = LifecycleFixtures.moderator();
        given().auth().oauth2(moderator).queryParam("size", 100).get("/api/v1/moderator/appeals").then().statusCode(200)
                .body("items.id", hasItem(triage)).body("items.id", not(hasItem(routed)))
                .body("items.status", not(hasItem("ROUTED")));
        given().auth().oauth2(moderator).queryParam("status", "ROUTED").queryParam("size", 100).get("/api/v1/moderator/appeals")
                .then().body("items.status", not(hasItem("TRIAGE")));
        given().auth().oauth2(moderator).queryParam("status", "nope").get("/api/v1/moderator/appeals").then().statusCode(400);
    }

    private static String appealOf(String organization, AppealStatus status, Instant due) {
        String id = inStatus(newCitizen(), status);
        update(id, appeal -> {
            appeal.organizationCode = organization;
            appeal.moveDueDate(due.truncatedTo(ChronoUnit.MICROS));
        });
        return id;
    }
}
