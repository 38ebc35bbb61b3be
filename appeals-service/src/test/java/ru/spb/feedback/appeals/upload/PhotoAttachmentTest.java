package ru.spb.feedback.appeals.upload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.testsupport.TestTokens;
import ru.spb.feedback.web.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.FURNITURE_PROPOSAL;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.PARKING_BARRIER;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.bodyWithPhotos;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.validBody;
import static ru.spb.feedback.appeals.upload.UploadResourceTest.PROBLEM;
import static ru.spb.feedback.appeals.upload.UploadResourceTest.as;
import static ru.spb.feedback.appeals.upload.UploadResourceTest.uploadPhoto;

/** Photos named in an appeal: the limits, the photo-required problem types, and who may then see them. */
@QuarkusTest
class PhotoAttachmentTest {

    private static final String ORGANIZATION = "1123300";

    @Inject
    Uploads uploads;

    @Test
    void anAppealShowsItsPhotosInTheOrderGiven() {
        String token = newCitizen();
        String first = uploadPhoto(token);
        String second = uploadPhoto(token);

        String id = submit(token, bodyWithPhotos(FURNITURE_PROPOSAL, second, first)).statusCode(201)
                .body("photos.id", contains(second, first))
                .body("photos[0].url", equalTo("/api/v1/uploads/" + second))
                .extract().path("id");

        as(token).when().get("/api/v1/appeals/" + id).then().body("photos.id", contains(second, first));
        as(token).when().get("/api/v1/appeals").then().body("items[0].photos.id", contains(second, first));
        assertThat(uploads.photosOf(UUID.fromString(id)))
                .containsEntry(Upload.Purpose.APPEAL, List.of(UUID.fromString(second), UUID.fromString(first)))
                .containsEntry(Upload.Purpose.ANSWER, List.of());
        submit(token, validBody()).statusCode(201).body("photos", empty());
    }

    @Test
    void aPhotoRequiredProblemTypeRefusesAnAppealWithoutAPhoto() {
        String token = newCitizen();
        submit(token, bodyWithPhotos(PARKING_BARRIER)).statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("photoIds"))
                .body("violations[0].message", equalTo("this problem type needs at least one photo"));
        submit(token, validBody().replace("\"" + FURNITURE_PROPOSAL + "\"", "\"" + PARKING_BARRIER + "\""))
                .statusCode(400).body("violations.field", contains("photoIds"));

        submit(token, bodyWithPhotos(PARKING_BARRIER, uploadPhoto(token))).statusCode(201)
                .body("category.code", equalTo(PARKING_BARRIER));
    }

    @Test
    void atMostFivePhotos() {
        String token = newCitizen();
        String[] six = new String[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = uploadPhoto(token);
        }
        submit(token, bodyWithPhotos(FURNITURE_PROPOSAL, six)).statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("photoIds"))
                .body("violations[0].message", equalTo("at most 5 photos"));

        // the refused appeal attached nothing: five of the six are still free
        submit(token, bodyWithPhotos(FURNITURE_PROPOSAL, six[0], six[1], six[2], six[3], six[4])).statusCode(201);
    }

    @Test
    void someoneElsesUploadCannotBeNamed() {
        String token = newCitizen();
        String mine = uploadPhoto(token);
        String theirs = uploadPhoto(newCitizen());

        submit(token, bodyWithPhotos(FURNITURE_PROPOSAL, mine, theirs)).statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("photoIds[1]"))
                .body("violations[0].message", equalTo("no such upload of yours"));
        submit(token, bodyWithPhotos(FURNITURE_PROPOSAL, UUID.randomUUID().toString())).statusCode(400)
                .body("violations.field", contains("photoIds[0]"))
                .body("violations[0].message", equalTo("no such upload of yours"));
        // nothing was attached by the refused request
        submit(token, bodyWithPhotos(FURNITURE_PROPOSAL, mine)).statusCode(201);
    }

    @Test
    void anAttachedUploadCannotBeNamedAgain() {
        String token = newCitizen();
        String photo = uploadPhoto(token);
        submit(token, bodyWithPhotos(FURNITURE_PROPOSAL, photo)).statusCode(201);

        submit(token, bodyWithPhotos(FURNITURE_PROPOSAL, photo)).statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("photoIds[0]"))
                .body("violations[0].message", equalTo("is already attached to an appeal"));
        String other = uploadPhoto(token);
        submit(token, bodyWithPhotos(FURNITURE_PROPOSAL, other, other)).statusCode(400)
                .body("violations.field", contains("photoIds"));
    }

    @Test
    void malformedPhotoIdsAreInvalid() {
        String token = newCitizen();
        submit(token, bodyWithPhotos(FURNITURE_PROPOSAL, "not-a-uuid")).statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("photoIds[0]"));
        submit(token, withField(validBody(), "\"photoIds\": [null]")).statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("photoIds[0]"));
    }

    @Test
    void idempotencyTellsPhotosApart() {
        String token = newCitizen();
        String key = UUID.randomUUID().toString();
        String photo = uploadPhoto(token);
        String body = bodyWithPhotos(FURNITURE_PROPOSAL, photo);

        String id = post(token, key, body).statusCode(201).extract().path("id");
        post(token, key, body).statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id)).body("photos.id", contains(photo));
        post(token, key, bodyWithPhotos(FURNITURE_PROPOSAL, uploadPhoto(token))).statusCode(422);
        // no photos and an empty list are the same request, as before photos existed
        String other = UUID.randomUUID().toString();
        String plain = post(token, other, validBody()).statusCode(201).extract().path("id");
        post(token, other, withField(validBody(), "\"photoIds\": []")).statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(plain));
    }

    @Test
    void whoMaySeeAnAppealsPhoto() {
        String author = TestTokens.citizen("citizen-" + UUID.randomUUID());
        String photo = uploadPhoto(author);
        String appeal = submit(author, bodyWithPhotos(FURNITURE_PROPOSAL, photo)).statusCode(201).extract().path("id");
        String officer = TestTokens.officer("officer-" + UUID.randomUUID(), ORGANIZATION);

        // not routed yet: no officer sees it
        download(officer, photo, 404);
        routeTo(appeal, ORGANIZATION);

        download(author, photo, 200);
        download(officer, photo, 200);
        download(TestTokens.moderator("moderator-" + UUID.randomUUID()), photo, 200);
        download(TestTokens.admin("admin-" + UUID.randomUUID()), photo, 200);
        download(TestTokens.officer("officer-" + UUID.randomUUID(), "1115366"), photo, 404);
        download(TestTokens.citizen("citizen-" + UUID.randomUUID()), photo, 404);
        download(TestTokens.integrator("integrator-" + UUID.randomUUID()), photo, 404);
    }

    @Test
    void anOfficersAnswerCarriesPhotosTheAuthorSees() {
        String author = TestTokens.citizen("citizen-" + UUID.randomUUID());
        UUID appeal = UUID.fromString(submit(author, validBody()).statusCode(201).extract().path("id"));
        routeTo(appeal.toString(), ORGANIZATION);
        QuarkusTransaction.requiringNew().run(() -> Appeal.<Appeal>findById(appeal).status = ru.spb.feedback.contracts.AppealStatus.ROUTED);
        String officer = TestTokens.officer("officer-" + UUID.randomUUID(), ORGANIZATION);
        String answerPhoto = uploadPhoto(officer);
        String othersPhoto = uploadPhoto(TestTokens.officer("officer-" + UUID.randomUUID(), ORGANIZATION));

        // another officer's upload is refused, and nothing is answered
        as(officer).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"text\": \"Убрано\", \"photoIds\": [\"" + othersPhoto + "\"]}")
                .when().post("/api/v1/officer/appeals/" + appeal + "/answer").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("photoIds[0]"));
        as(officer).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"text\": \"Убрано\", \"photoIds\": [\"" + answerPhoto + "\"]}")
                .when().post("/api/v1/officer/appeals/" + appeal + "/answer").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ANSWERED"))
                .body("answers[0].photoIds", org.hamcrest.Matchers.contains(answerPhoto));

        assertThat(uploads.photosOf(appeal).get(Upload.Purpose.ANSWER)).containsExactly(UUID.fromString(answerPhoto));
        download(author, answerPhoto, 200);
        download(TestTokens.citizen("citizen-" + UUID.randomUUID()), answerPhoto, 404);
        // an answer's photos are not the appeal's own
        as(author).when().get("/api/v1/appeals/" + appeal).then().body("photos", empty())
                .body("answers[0].photoIds", org.hamcrest.Matchers.contains(answerPhoto));
        // attaching outside a transaction is a bug of the caller
        assertThatThrownBy(() -> uploads.attach(List.of(UUID.fromString(answerPhoto)), "x", appeal, Upload.Purpose.ANSWER))
                .isNotInstanceOf(ProblemException.class);
    }

    /** The JSON object with one more field. */
    private static String withField(String body, String field) {
        return body.substring(0, body.lastIndexOf('}')) + ", " + field + "}";
    }

    private static void download(String token, String photo, int status) {
        as(token).when().get("/api/v1/uploads/" + photo).then().statusCode(status);
    }

    private static void routeTo(String appealId, String organization) {
        QuarkusTransaction.requiringNew().run(() -> Appeal.<Appeal>findById(UUID.fromString(appealId)).organizationCode = organization);
    }

    private static io.restassured.response.ValidatableResponse post(String token, String key, String body) {
        return as(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/appeals").then();
    }
}
