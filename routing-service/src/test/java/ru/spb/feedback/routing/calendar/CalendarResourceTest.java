package ru.spb.feedback.routing.calendar;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CalendarResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void computesDueDatesInWorkingAndCalendarDays() {
        given().queryParam("from", "2026-12-25T15:00:00+03:00").queryParam("workingDays", 9)
                .when().get("/api/v1/calendar/due-date")
                .then().statusCode(200)
                .body("dueDate", equalTo("2027-01-18"))
                .body("dueAt", equalTo("2027-01-18T20:59:59Z"))
                .body("estimated", equalTo(false));
        given().queryParam("from", "2026-12-10").queryParam("calendarDays", 30)
                .when().get("/api/v1/calendar/due-date")
                .then().statusCode(200).body("dueDate", equalTo("2027-01-11"));
    }

    @Test
    void fallsBackToMondayToFridayAndSaysSo() {
        given().queryParam("from", "2031-03-02T10:00:00").queryParam("workingDays", 5)
                .when().get("/api/v1/calendar/due-date")
                .then().statusCode(200).body("dueDate", equalTo("2031-03-07")).body("estimated", equalTo(true));
        String metrics = given().when().get("/q/metrics").then().extract().asString();
        org.assertj.core.api.Assertions.assertThat(metrics).contains("calendar_fallback_total{year=\"2031\"}");
    }

    @Test
    void anAdminLoadsAFurtherYear() {
        given().auth().oauth2(TestTokens.admin("admin")).contentType(ContentType.JSON)
                .body("{\"weekdaysOff\": [\"2029-01-01\", \"2029-01-02\", \"2029-01-03\"], \"weekendWorkdays\": [\"2029-01-06\"]}")
                .when().put("/api/v1/calendar/years/2029")
                .then().statusCode(200).body("year", equalTo(2029)).body("weekendWorkdays[0]", equalTo("2029-01-06"));
        given().when().get("/api/v1/calendar/years").then().statusCode(200).body("year", hasItem(2029));
        // Sun 31 Dec 2028: 1–3 Jan off, Thu 4 and Fri 5, then the worked Saturday 6 Jan
        given().queryParam("from", "2028-12-31").queryParam("workingDays", 3)
                .when().get("/api/v1/calendar/due-date")
                .then().statusCode(200).body("dueDate", equalTo("2029-01-06"));
    }

    @Test
    void answersBadRequestsWithProblems() {
        given().queryParam("workingDays", 9).when().get("/api/v1/calendar/due-date")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("from"));
        given().queryParam("from", "yesterday").queryParam("workingDays", 9).when().get("/api/v1/calendar/due-date")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("from"));
        given().queryParam("from", "2026-12-25").when().get("/api/v1/calendar/due-date")
                .then().statusCode(400).contentType(PROBLEM);
        given().queryParam("from", "2026-12-25").queryParam("workingDays", 1).queryParam("calendarDays", 1)
                .when().get("/api/v1/calendar/due-date").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("from", "2026-12-25").queryParam("workingDays", 0).when().get("/api/v1/calendar/due-date")
                .then().statusCode(400).contentType(PROBLEM);
        String admin = TestTokens.admin("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"weekdaysOff\": [\"2030-01-05\"], \"weekendWorkdays\": []}")
                .when().put("/api/v1/calendar/years/2030")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"weekdaysOff\": [\"2030-13-01\"], \"weekendWorkdays\": []}")
                .when().put("/api/v1/calendar/years/2030").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.moderator("m")).contentType(ContentType.JSON).body("{\"weekdaysOff\": [], \"weekendWorkdays\": []}")
                .when().put("/api/v1/calendar/years/2030").then().statusCode(403).contentType(PROBLEM);
    }
}
