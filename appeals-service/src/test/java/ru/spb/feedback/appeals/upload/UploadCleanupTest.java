package ru.spb.feedback.appeals.upload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.FURNITURE_PROPOSAL;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.bodyWithPhotos;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;
import static ru.spb.feedback.appeals.upload.UploadResourceTest.as;
import static ru.spb.feedback.appeals.upload.UploadResourceTest.uploadPhoto;

/** Uploads nobody attached go after the retention; attached and recent ones stay. */
@QuarkusTest
class UploadCleanupTest {

    @Inject
    UploadCleanup cleanup;

    @Inject
    EntityManager entityManager;

    @Test
    void oldUnattachedUploadsAreDeletedWithTheirBytes() {
        String token = newCitizen();
        String abandoned = uploadPhoto(token);
        String attached = uploadPhoto(token);
        String recent = uploadPhoto(token);
        submit(token, bodyWithPhotos(FURNITURE_PROPOSAL, attached)).statusCode(201);
        age(abandoned, Duration.ofDays(2));
        age(attached, Duration.ofDays(2));

        int deleted = cleanup.deleteUnattached(Instant.now().minus(Duration.ofDays(1)));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        as(token).when().get("/api/v1/uploads/" + abandoned).then().statusCode(404);
        as(token).when().get("/api/v1/uploads/" + attached).then().statusCode(200);
        as(token).when().get("/api/v1/uploads/" + recent).then().statusCode(200);
        assertThat(contentRows(abandoned)).isZero();
        assertThat(contentRows(attached)).isOne();
    }

    @Test
    void aCopyThatDoesNotGetTheLockDeletesNothing() throws Exception {
        String token = newCitizen();
        String abandoned = uploadPhoto(token);
        age(abandoned, Duration.ofDays(2));

        // another copy holds the cleanup lock for the length of its transaction
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('upload-cleanup'))").getSingleResult();
            try {
                assertThat(java.util.concurrent.CompletableFuture
                        .supplyAsync(() -> cleanup.deleteUnattached(Instant.now().minus(Duration.ofDays(1)))).get()).isZero();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        as(token).when().get("/api/v1/uploads/" + abandoned).then().statusCode(200);
        assertThat(cleanup.deleteUnattached(Instant.now().minus(Duration.ofDays(1)))).isGreaterThanOrEqualTo(1);
        as(token).when().get("/api/v1/uploads/" + abandoned).then().statusCode(404);
    }

    private void age(String id, Duration by) {
        QuarkusTransaction.requiringNew().run(() -> Upload.<Upload>findById(UUID.fromString(id)).createdAt = Instant.now().minus(by));
    }

    private long contentRows(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from upload_content where upload_id = :id")
                .setParameter("id", UUID.fromString(id)).getSingleResult()).longValue());
    }
}
