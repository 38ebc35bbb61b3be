package ru.spb.feedback.appeals.upload;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.TestTokens;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** POST and GET /api/v1/uploads: what is accepted, what comes back, and every refusal. */
@QuarkusTest
class UploadResourceTest {

    static final String PROBLEM = "application/problem+json";

    static String citizen() {
        return TestTokens.citizen("citizen-" + UUID.randomUUID());
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    static ValidatableResponse upload(String token, byte[] content, String fileName, String contentType) {
        return as(token).multiPart("file", fileName, content, contentType).when().post("/api/v1/uploads").then();
    }

    /** Uploads a small JPEG and returns its id. */
    static String uploadPhoto(String token) {
        return upload(token, TestImages.jpeg(64, 48), "photo.jpg", "image/jpeg").statusCode(201).extract().path("id");
    }

    @Test
    void aJpegWithGpsTagsComesBackWithoutThemButWithItsOrientation() throws Exception {
        String token = citizen();
        byte[] plain = TestImages.jpeg(320, 240);
        byte[] original = TestImages.jpegWithMetadata(plain, 6);

        String id = upload(token, original, "IMG_0001.jpg", "image/jpeg")
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/uploads/[0-9a-f-]{36}"))
                .body("contentType", equalTo("image/jpeg"))
                .body("width", equalTo(320))
                .body("height", equalTo(240))
                .extract().path("id");

        byte[] downloaded = as(token).when().get("/api/v1/uploads/" + id)
                .then().statusCode(200)
                .contentType("image/jpeg")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(downloaded));
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(6);
        assertThat(TestImages.contains(downloaded, TestImages.CAMERA_OWNER)).isFalse();
        assertThat(TestImages.jpegImageData(downloaded)).isEqualTo(TestImages.jpegImageData(plain));
        as(token).when().get("/api/v1/uploads/" + id).then().header("Content-Length", String.valueOf(downloaded.length));
    }

    @Test
    void aPngWithTextAndExifComesBackWithoutThem() {
        String token = citizen();
        byte[] plain = TestImages.png(120, 80);
        String id = upload(token, TestImages.pngWithMetadata(plain, 1), "scan.png", "image/png")
                .statusCode(201).body("contentType", equalTo("image/png")).extract().path("id");

        byte[] downloaded = as(token).when().get("/api/v1/uploads/" + id).then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(plain);
    }

    @Test
    void aLargePhotoStreamsBackWhole() {
        String token = citizen();
        // noise compresses badly: several slices of the PostgreSQL storage
        byte[] big = TestImages.png(1200, 900);
        assertThat(big.length).isGreaterThan(3 * PostgresPhotoStorage.SLICE_BYTES);
        String id = upload(token, big, "big.png", "image/png").statusCode(201).body("size", equalTo(big.length)).extract().path("id");

        assertThat(as(token).when().get("/api/v1/uploads/" + id).then().statusCode(200).extract().asByteArray()).isEqualTo(big);
    }

    @Test
    void theTypeIsSniffedFromTheContentNotTakenFromTheHeaderOrName() {
        upload(citizen(), TestImages.png(16, 16), "holiday.jpg", "image/jpeg")
                .statusCode(201).body("contentType", equalTo("image/png"));
        upload(citizen(), TestImages.webpWithMetadata(6), "upload.bin", "application/octet-stream")
                .statusCode(201).body("contentType", equalTo("image/webp")).body("width", equalTo(1));
    }

    @Test
    void aTextFileNamedLikeAJpegIsUnsupported() {
        upload(citizen(), "not an image at all".getBytes(), "photo.jpg", "image/jpeg")
                .statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:unsupported-image"))
                .body("instance", equalTo("/api/v1/uploads"));
        upload(citizen(), TestImages.encode(TestImages.picture(8, 8), "gif"), "anim.gif", "image/gif")
                .statusCode(415).contentType(PROBLEM);
    }

    @Test
    void aPixelBombIsRefusedFromItsHeader() {
        upload(citizen(), TestImages.pngHeaderOnly(100_000, 100_000), "bomb.png", "image/png")
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:too-many-pixels"))
                .body("detail", containsString("100000×100000"));
        upload(citizen(), TestImages.jpegDeclaring(60_000, 60_000), "bomb.jpg", "image/jpeg")
                .statusCode(422).contentType(PROBLEM);
    }

    @Test
    void aTruncatedImageIsMalformed() {
        byte[] jpeg = TestImages.jpeg(64, 48);
        upload(citizen(), Arrays.copyOf(jpeg, 40), "cut.jpg", "image/jpeg")
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:malformed-image"));
    }

    @Test
    void aFileOverTheLimitIsTooLarge() {
        // a JPEG start and then padding: over 10 MB but inside the HTTP body limit
        byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.jpeg(8, 8), 0, tooBig, 0, 100);
        upload(citizen(), tooBig, "huge.jpg", "image/jpeg")
                .statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:spb-feedback:problem:upload-too-large"));
    }

    @Test
    void aBodyOverTheHttpLimitIsAProblemToo() {
        // browsers and mobile clients send multipart bodies with a Content-Length: refused before reading
        byte[] wayTooBig = new byte[12 * 1024 * 1024];
        String boundary = "b-" + UUID.randomUUID();
        byte[] body = TestImages.concat(TestImages.concat(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII), wayTooBig),
                ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        as(citizen()).contentType("multipart/form-data; boundary=" + boundary).body(body)
                .when().post("/api/v1/uploads")
                .then().statusCode(413).contentType(PROBLEM)
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("urn:spb-feedback:problem:request-too-large"))
                .body("instance", equalTo("/api/v1/uploads"));
        // a chunked body has no length to check up front: Quarkus' HTTP layer answers a bare 413 while
        // reading it and closes the connection before any handler of ours can write (status only)
        upload(citizen(), wayTooBig, "huge.jpg", "image/jpeg").statusCode(413);
    }

    @Test
    void anEmptyFileOrAMissingPartIsInvalid() {
        upload(citizen(), new byte[0], "empty.jpg", "image/jpeg")
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("file"));
        as(citizen()).multiPart("picture", "photo.jpg", TestImages.jpeg(8, 8), "image/jpeg")
                .when().post("/api/v1/uploads")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("file"));
    }

    @Test
    void aFilePartWithoutAFileNameIsStillAFile() {
        byte[] png = TestImages.png(64, 48);
        assertThat(png.length).isGreaterThan(2048); // larger than a form attribute may be
        as(citizen()).contentType("multipart/form-data; boundary=" + BOUNDARY).body(rawPart("file", null, "image/png", png))
                .when().post("/api/v1/uploads")
                .then().statusCode(201).body("contentType", equalTo("image/png"));
        as(citizen()).contentType("multipart/form-data; boundary=" + BOUNDARY).body(rawPart("file", null, null, png))
                .when().post("/api/v1/uploads")
                .then().statusCode(201).body("width", equalTo(64));
    }

    private static final String BOUNDARY = "test-boundary-7f3a";

    /** One multipart part as a client writes it, with or without a file name and a content type. */
    static byte[] rawPart(String name, String fileName, String contentType, byte[] content) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n";
        return TestImages.concat(TestImages.concat(head.getBytes(StandardCharsets.US_ASCII), content),
                ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aNonMultipartBodyIsUnsupported() {
        as(citizen()).contentType("image/jpeg").body(TestImages.jpeg(8, 8)).when().post("/api/v1/uploads")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void uploadingNeedsAToken() {
        given().multiPart("file", "photo.jpg", TestImages.jpeg(8, 8), "image/jpeg").when().post("/api/v1/uploads")
                .then().statusCode(401).contentType(PROBLEM);
        upload(TestTokens.admin("admin-" + UUID.randomUUID()), TestImages.jpeg(8, 8), "photo.jpg", "image/jpeg")
                .statusCode(403).contentType(PROBLEM);
    }

    @Test
    void officersModeratorsAndIntegratorsMayUploadToo() {
        upload(TestTokens.officer("officer-" + UUID.randomUUID(), "1123300"), TestImages.jpeg(8, 8), "a.jpg", "image/jpeg").statusCode(201);
        upload(TestTokens.moderator("moderator-" + UUID.randomUUID()), TestImages.jpeg(8, 8), "a.jpg", "image/jpeg").statusCode(201);
        upload(TestTokens.integrator("integrator-" + UUID.randomUUID()), TestImages.jpeg(8, 8), "a.jpg", "image/jpeg").statusCode(201);
    }

    @Test
    void anUnattachedUploadIsOnlyTheUploadersAndUnknownIdsAreNotFound() {
        String owner = citizen();
        String id = uploadPhoto(owner);

        as(citizen()).when().get("/api/v1/uploads/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("detail", not(containsString("citizen-")));
        as(TestTokens.moderator("moderator-" + UUID.randomUUID())).when().get("/api/v1/uploads/" + id).then().statusCode(404);
        as(owner).when().get("/api/v1/uploads/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        as(owner).when().get("/api/v1/uploads/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }
}
