package ru.spb.feedback.appeals.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.testsupport.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.OTHER_ORG;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.inStatus;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.officer;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.post;

/** Answer templates: one organization's, managed by its officers, used in one click. */
@QuarkusTest
class AnswerTemplateTest {

    private static final String TEMPLATES = "/api/v1/officer/answer-templates";

    @Test
    void anOrganizationKeepsItsTemplatesAndAnswersWithOne() {
        String officer = officer();
        String title = "Вывоз " + UUID.randomUUID();
        int id = post(officer, TEMPLATES, """
                {"title": "%s", "text": "Мусор вывезен, спасибо за обращение"}""".formatted(title))
                .statusCode(201).body("title", equalTo(title)).extract().path("id");
        post(officer, TEMPLATES, """
                {"title": "%s", "text": "другой"}""".formatted(title)).statusCode(409)
                .body("type", equalTo("urn:spb-feedback:problem:template-title-taken"));
        given().auth().oauth2(officer).get(TEMPLATES + "/" + id).then().statusCode(200);

        given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"title": "%s", "text": "Мусор вывезен. Спасибо!"}""".formatted(title))
                .put(TEMPLATES + "/" + id).then().statusCode(200).body("text", equalTo("Мусор вывезен. Спасибо!"));

        String appeal = inStatus(newCitizen(), AppealStatus.ROUTED);
        post(officer, "/api/v1/officer/appeals/" + appeal + "/answer", """
                {"templateId": %d}""".formatted(id)).statusCode(200)
                .body("status", equalTo("ANSWERED")).body("answers[0].text", equalTo("Мусор вывезен. Спасибо!"));

        // another organization neither sees nor uses it
        String stranger = TestTokens.officer("officer-other", OTHER_ORG);
        given().auth().oauth2(stranger).get(TEMPLATES + "/" + id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(stranger).get(TEMPLATES).then().body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body("""
                {"title": "x", "text": "y"}""").put(TEMPLATES + "/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).delete(TEMPLATES + "/" + id).then().statusCode(404);

        given().auth().oauth2(officer).delete(TEMPLATES + "/" + id).then().statusCode(204);
        given().auth().oauth2(officer).get(TEMPLATES + "/" + id).then().statusCode(404);
    }

    @Test
    void badTemplatesAreProblems() {
        String officer = TestTokens.officer("officer-t", "org-" + UUID.randomUUID());
        post(officer, TEMPLATES, "{}").statusCode(400).body("violations.field", contains("text", "title"));
        post(officer, TEMPLATES, """
                {"title": "%s", "text": "y"}""".formatted("t".repeat(201))).statusCode(400)
                .body("violations[0].field", equalTo("title"));
        post(officer, TEMPLATES, "[").statusCode(400).contentType("application/problem+json");
        post(newCitizen(), TEMPLATES, """
                {"title": "x", "text": "y"}""").statusCode(403);
        given().auth().oauth2(officer).get(TEMPLATES + "/abc").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(officer).get(TEMPLATES).then().statusCode(200).body("", hasSize(0));
        int first = post(officer, TEMPLATES, """
                {"title": "Первый", "text": "a"}""").statusCode(201).extract().path("id");
        post(officer, TEMPLATES, """
                {"title": "Второй", "text": "b"}""").statusCode(201);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"title\": \"\"}")
                .put(TEMPLATES + "/" + first).then().statusCode(400).body("violations.field", contains("text", "title"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"title": "Второй", "text": "a"}""").put(TEMPLATES + "/" + first).then().statusCode(409)
                .body("type", equalTo("urn:spb-feedback:problem:template-title-taken"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"title": "x", "text": "y"}""").put(TEMPLATES + "/999999").then().statusCode(404);
    }
}
