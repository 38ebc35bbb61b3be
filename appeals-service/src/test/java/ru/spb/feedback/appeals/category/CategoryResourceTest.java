package ru.spb.feedback.appeals.category;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CategoryResourceTest {

    private static final String PROBLEM = "application/problem+json";
    /** «Проблемы функционирования выгребной уборной» (Двор / …), changed by the tests below. */
    private static final String OUTHOUSE = "235";

    @Test
    void listsEveryProblemTypeOfTheClassifier() {
        given().queryParam("includeInactive", true).when().get("/api/v1/categories")
                .then().statusCode(200)
                .body("", hasSize(277))
                .body("code", hasItem("159"))
                .body("deadlineWorkingDays", everyItem(equalTo(9)));
    }

    @Test
    void showsOneProblemTypeWithItsPlaceInTheClassifier() {
        given().when().get("/api/v1/categories/159")
                .then().statusCode(200)
                .body("name", equalTo("Неудовлетворительное санитарное состояние помещений учреждения"))
                .body("group", equalTo("Бюджетное учреждение / Нарушения в бюджетных образовательных учреждениях"))
                .body("objectCode", equalTo("18"))
                .body("groupCode", equalTo("50"))
                .body("photoRequired", equalTo(true))
                .body("isPublic", equalTo(true));
    }

    @Test
    void answersAnUnknownCodeWithNotFound() {
        given().when().get("/api/v1/categories/0").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anAdminChangesTheDeadlineAndSwitchesATypeOff() {
        String admin = TestTokens.admin("admin-1");
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"deadlineWorkingDays\": 19}")
                    .when().patch("/api/v1/categories/" + OUTHOUSE)
                    .then().statusCode(200).body("deadlineWorkingDays", equalTo(19)).body("active", equalTo(true));
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"active\": false}")
                    .when().patch("/api/v1/categories/" + OUTHOUSE)
                    .then().statusCode(200).body("deadlineWorkingDays", equalTo(19)).body("active", equalTo(false));

            given().when().get("/api/v1/categories").then().body("code", not(hasItem(OUTHOUSE)));
            String citizen = TestTokens.citizen("citizen-" + UUID.randomUUID());
            given().auth().oauth2(citizen).contentType(ContentType.JSON)
                    .body("{\"categoryCode\": \"" + OUTHOUSE + "\", \"description\": \"Уборная во дворе не работает\", "
                            + "\"location\": {\"lat\": 59.93, \"lon\": 30.31}}")
                    .when().post("/api/v1/appeals")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("categoryCode"))
                    .body("violations[0].message", equalTo("this problem type is not accepted any more"));
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"active\": true, \"deadlineWorkingDays\": 9}")
                    .when().patch("/api/v1/categories/" + OUTHOUSE).then().statusCode(200);
        }
    }

    @Test
    void refusesChangesFromOthersAndInvalidChanges() {
        given().contentType(ContentType.JSON).body("{\"active\": false}")
                .when().patch("/api/v1/categories/159").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.citizen("c")).contentType(ContentType.JSON).body("{\"active\": false}")
                .when().patch("/api/v1/categories/159").then().statusCode(403).contentType(PROBLEM);
        String admin = TestTokens.admin("admin-1");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"deadlineWorkingDays\": 0}")
                .when().patch("/api/v1/categories/159")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("deadlineWorkingDays"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"deadlineWorkingDays\": 500}")
                .when().patch("/api/v1/categories/159").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"active\": false}")
                .when().patch("/api/v1/categories/0").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("[1,2]")
                .when().patch("/api/v1/categories/159").then().statusCode(400).contentType(PROBLEM);
    }
}
