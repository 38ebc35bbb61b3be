package ru.spb.feedback.appeals.upload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static ru.spb.feedback.appeals.upload.UploadResourceTest.PROBLEM;
import static ru.spb.feedback.appeals.upload.UploadResourceTest.upload;

/** A deployment whose S3 secret key is wrong: the server refuses its requests and citizens get a plain 503. */
@QuarkusTest
@TestProfile(S3WrongSecretTest.WrongSecret.class)
class S3WrongSecretTest {

    static final String WRONG_SECRET = "wrong-secret-do-not-echo";

    /** The suite's S3Proxy, but the application is handed a secret the server does not know. */
    public static class WrongSecret implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3ProxyTestResource.class, Map.of("app-secret-key", WRONG_SECRET)));
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    void anUploadAnswers503WithoutSecretsAndLeavesNoRow() {
        String citizen = "citizen-" + UUID.randomUUID();
        String token = TestTokens.citizen(citizen);

        upload(token, TestImages.jpeg(32, 24), "photo.jpg", "image/jpeg")
                .statusCode(503).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:photo-storage-unavailable"))
                .body("instance", equalTo("/api/v1/uploads"))
                .body(not(containsString(WRONG_SECRET)))
                .body(not(containsString(S3ProxyTestResource.ACCESS_KEY)))
                .body(not(containsString("SignatureDoesNotMatch")));

        // the row written before the PUT went back with the transaction
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from upload where owner_id = :owner")
                .setParameter("owner", citizen).getSingleResult()).longValue())).isZero();
    }
}
