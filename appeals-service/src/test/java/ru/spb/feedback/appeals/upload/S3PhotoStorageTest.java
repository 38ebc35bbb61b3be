package ru.spb.feedback.appeals.upload;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.spb.feedback.appeals.upload.UploadResourceTest.as;
import static ru.spb.feedback.appeals.upload.UploadResourceTest.citizen;
import static ru.spb.feedback.appeals.upload.UploadResourceTest.upload;

/** Photos in S3-compatible object storage: a real S3Proxy, started by the suite, behind the same endpoints. */
@QuarkusTest
@TestProfile(S3PhotoStorageTest.S3Storage.class)
class S3PhotoStorageTest {

    /** appeals.uploads.storage=s3 against the suite's S3Proxy. */
    public static class S3Storage implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3ProxyTestResource.class));
        }
    }

    @Inject
    PhotoStorage storage;

    @Inject
    EntityManager entityManager;

    @Inject
    UploadCleanup cleanup;

    @ConfigProperty(name = "appeals.uploads.s3.endpoint")
    URI endpoint;

    @Test
    void photosGoToTheBucketStrippedAndComeBackFromIt() throws Exception {
        String token = citizen();
        byte[] plain = TestImages.jpeg(320, 240);
        String id = upload(token, TestImages.jpegWithMetadata(plain, 6), "IMG_0002.jpg", "image/jpeg")
                .statusCode(201).extract().path("id");

        byte[] downloaded = as(token).when().get("/api/v1/uploads/" + id).then().statusCode(200).contentType("image/jpeg")
                .extract().asByteArray();
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(downloaded)).getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(TestImages.jpegImageData(downloaded)).isEqualTo(TestImages.jpegImageData(plain));
        // the bytes are in the bucket, not in PostgreSQL
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from upload_content where upload_id = :id")
                .setParameter("id", UUID.fromString(id)).getSingleResult()).longValue())).isZero();
        try (InputStream stored = storage.open(UUID.fromString(id)).orElseThrow()) {
            assertThat(stored.readAllBytes()).isEqualTo(downloaded);
        }
    }

    @Test
    void deletedObjectsAreGoneAndDeletingTwiceIsHarmless() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] png = TestImages.png(40, 30);
        storage.put(id, new ByteArrayInputStream(png), png.length, "image/png");
        assertThat(storage.open(id)).isPresent().get().satisfies(InputStream::close);

        storage.delete(id);
        storage.delete(id);

        assertThat(storage.open(id)).isEmpty();
    }

    @Test
    void theCleanupDeletesAbandonedObjects() throws Exception {
        String token = citizen();
        String id = upload(token, TestImages.jpeg(16, 16), "a.jpg", "image/jpeg").statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> Upload.<Upload>findById(UUID.fromString(id)).createdAt = Instant.now().minus(Duration.ofDays(2)));

        cleanup.deleteUnattached(Instant.now().minus(Duration.ofDays(1)));

        assertThat(storage.open(UUID.fromString(id))).isEmpty();
        as(token).when().get("/api/v1/uploads/" + id).then().statusCode(404);
    }

    /** S3Proxy recomputes V4 signatures: the right key with a wrong secret gets nowhere, and the error says why. */
    @Test
    void requestsSignedWithAWrongSecretAreRefusedByTheServer() throws Exception {
        String wrongSecret = "not-the-secret-" + UUID.randomUUID();
        S3PhotoStorage forged = new S3PhotoStorage(settings(S3ProxyTestResource.ACCESS_KEY, wrongSecret));
        UUID id = UUID.randomUUID();
        byte[] png = TestImages.png(8, 8);

        assertThatThrownBy(() -> forged.put(id, new ByteArrayInputStream(png), png.length, "image/png"))
                .isInstanceOf(IOException.class).hasMessage("object storage answered PUT with 403 SignatureDoesNotMatch");
        assertThat(storage.open(id)).isEmpty();

        storage.put(id, new ByteArrayInputStream(png), png.length, "image/png");
        assertThatThrownBy(() -> forged.open(id))
                .isInstanceOf(IOException.class).hasMessage("object storage answered GET with 403 SignatureDoesNotMatch");
        assertThatThrownBy(() -> forged.delete(id))
                .isInstanceOf(IOException.class).hasMessage("object storage answered DELETE with 403 SignatureDoesNotMatch");
        try (InputStream stored = storage.open(id).orElseThrow()) {
            assertThat(stored.readAllBytes()).isEqualTo(png);
        }
    }

    @Test
    void anUnknownAccessKeyIsRefusedByTheServer() {
        S3PhotoStorage forged = new S3PhotoStorage(settings("NOT-A-KEY", S3ProxyTestResource.SECRET_KEY));
        byte[] png = TestImages.png(8, 8);

        assertThatThrownBy(() -> forged.put(UUID.randomUUID(), new ByteArrayInputStream(png), png.length, "image/png"))
                .isInstanceOf(IOException.class).hasMessage("object storage answered PUT with 403 InvalidAccessKeyId");
    }

    private UploadsConfig.S3 settings(String accessKey, String secretKey) {
        return new UploadsConfig.S3() {
            public Optional<URI> endpoint() {
                return Optional.of(endpoint);
            }

            public Optional<String> bucket() {
                return Optional.of(S3ProxyTestResource.BUCKET);
            }

            public String region() {
                return "us-east-1";
            }

            public Optional<String> accessKey() {
                return Optional.of(accessKey);
            }

            public Optional<String> secretKey() {
                return Optional.of(secretKey);
            }

            public boolean pathStyle() {
                return true;
            }

            public String keyPrefix() {
                return "uploads/";
            }

            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
