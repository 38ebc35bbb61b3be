package ru.spb.feedback.appeals.upload;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Metadata stripping and header checks on the bytes alone, without a server. */
class PhotoSanitizerTest {

    private static final long MAX_PIXELS = 50_000_000;

    @Test
    void aJpegLosesGpsAndEveryOtherIdentifyingTagButKeepsItsOrientationAndImageData() throws Exception {
        byte[] plain = TestImages.jpeg(320, 240);
        byte[] original = TestImages.jpegWithMetadata(plain, 6);
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original));
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLatitude()).isCloseTo(59.9375, org.assertj.core.data.Offset.offset(0.001));
        assertThat(before.getFirstDirectoryOfType(IptcDirectory.class)).isNotNull();
        assertThat(before.getFirstDirectoryOfType(XmpDirectory.class)).isNotNull();

        SanitizedImage stripped = PhotoSanitizer.sanitize(original, MAX_PIXELS);

        assertThat(stripped.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(stripped.width()).isEqualTo(320);
        assertThat(stripped.height()).isEqualTo(240);
        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stripped.bytes()));
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(ExifSubIFDDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(IptcDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(XmpDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(JpegCommentDirectory.class)).isNull();
        ExifIFD0Directory ifd0 = after.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertThat(ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(6);
        assertThat(ifd0.getTags()).hasSize(1);
        assertThat(TestImages.contains(stripped.bytes(), TestImages.CAMERA_OWNER)).isFalse();
        assertThat(TestImages.contains(stripped.bytes(), TestImages.SERIAL)).isFalse();
        assertThat(TestImages.contains(stripped.bytes(), "TestCam")).isFalse();
        // the JFIF header and everything from the tables on are the original bytes
        assertThat(Arrays.copyOf(stripped.bytes(), TestImages.afterApp0(plain))).isEqualTo(Arrays.copyOf(plain, TestImages.afterApp0(plain)));
        assertThat(TestImages.jpegImageData(stripped.bytes())).isEqualTo(TestImages.jpegImageData(plain));
        assertSamePixels(stripped.bytes(), plain);
    }

    @Test
    void aJpegWithNormalOrientationKeepsNoExifAtAll() throws Exception {
        byte[] plain = TestImages.jpeg(64, 48);
        SanitizedImage stripped = PhotoSanitizer.sanitize(TestImages.jpegWithMetadata(plain, 1), MAX_PIXELS);

        assertThat(stripped.bytes()).isEqualTo(plain);
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(stripped.bytes()))
                .getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
    }

    @Test
    void aJpegLosesWhatFollowsItsEndMarker() throws Exception {
        byte[] plain = TestImages.jpeg(64, 48);
        byte[] withTrailer = TestImages.concat(plain, TestImages.jpegWithMetadata(TestImages.jpeg(8, 8), 1));

        assertThat(PhotoSanitizer.sanitize(withTrailer, MAX_PIXELS).bytes()).isEqualTo(plain);
    }

    @Test
    void aPngLosesTextTimeExifAndUnknownChunksButKeepsOrientationAndImageData() throws Exception {
        byte[] plain = TestImages.png(200, 100);
        byte[] original = TestImages.pngWithMetadata(plain, 8);
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(original))
                .getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();

        SanitizedImage stripped = PhotoSanitizer.sanitize(original, MAX_PIXELS);

        assertThat(stripped.format()).isEqualTo(ImageFormat.PNG);
        assertThat(stripped.width()).isEqualTo(200);
        assertThat(stripped.height()).isEqualTo(100);
        assertThat(TestImages.pngChunkTypes(stripped.bytes())).doesNotContain("tEXt", "zTXt", "iTXt", "tIME", "prVt");
        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stripped.bytes()));
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(8);
        assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class).getTags()).hasSize(1);
        assertThat(TestImages.contains(stripped.bytes(), TestImages.CAMERA_OWNER)).isFalse();
        assertThat(TestImages.contains(stripped.bytes(), TestImages.SERIAL)).isFalse();
        assertThat(TestImages.pngChunks(stripped.bytes(), "IHDR")).isEqualTo(TestImages.pngChunks(plain, "IHDR"));
        assertThat(TestImages.pngChunks(stripped.bytes(), "IDAT")).isEqualTo(TestImages.pngChunks(plain, "IDAT"));
        assertSamePixels(stripped.bytes(), plain);
    }

    @Test
    void aPngWithoutMetadataComesBackUnchanged() throws Exception {
        byte[] plain = TestImages.png(32, 32);

        assertThat(PhotoSanitizer.sanitize(plain, MAX_PIXELS).bytes()).isEqualTo(plain);
    }

    @Test
    void aWebpLosesExifAndXmpAndTheirFlagsButKeepsOrientationAndImageData() throws Exception {
        byte[] original = TestImages.webpWithMetadata(3);
        assertThat(TestImages.contains(original, TestImages.CAMERA_OWNER)).isTrue();

        SanitizedImage stripped = PhotoSanitizer.sanitize(original, MAX_PIXELS);

        assertThat(stripped.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(stripped.width()).isEqualTo(1);
        assertThat(stripped.height()).isEqualTo(1);
        byte[] bytes = stripped.bytes();
        assertThat(TestImages.contains(bytes, TestImages.CAMERA_OWNER)).isFalse();
        assertThat(TestImages.contains(bytes, TestImages.SERIAL)).isFalse();
        assertThat(TestImages.contains(bytes, "XMP ")).isFalse();
        assertThat(bytes[20] & 0xFF).as("VP8X flags: EXIF only").isEqualTo(0x08);
        assertThat(java.nio.ByteBuffer.wrap(bytes, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(bytes.length - 8);
        assertThat(TestImages.webpImageChunk(bytes)).isEqualTo(TestImages.webpImageChunk(original));
        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(3);
    }

    @Test
    void aWebpWithNormalOrientationKeepsNoExifAndNoFlags() throws Exception {
        byte[] stripped = PhotoSanitizer.sanitize(TestImages.webpWithMetadata(1), MAX_PIXELS).bytes();

        assertThat(stripped[20]).isZero();
        assertThat(TestImages.contains(stripped, "EXIF")).isFalse();
        assertThat(stripped.length).isEqualTo(12 + 18 + TestImages.webpImageChunk(stripped).length);
    }

    @Test
    void aSimpleWebpComesBackUnchanged() throws Exception {
        byte[] webp = TestImages.webpSimple();

        assertThat(PhotoSanitizer.sanitize(webp, MAX_PIXELS).bytes()).isEqualTo(webp);
    }

    @Test
    void headersDeclaringTooManyPixelsAreRefusedBeforeAnyDecoding() {
        assertRejected(TestImages.pngHeaderOnly(100_000, 100_000), ImageRejected.Reason.TOO_MANY_PIXELS);
        assertRejected(TestImages.jpegDeclaring(60_000, 60_000), ImageRejected.Reason.TOO_MANY_PIXELS);
        assertRejected(TestImages.webpDeclaring(16_000, 16_000), ImageRejected.Reason.TOO_MANY_PIXELS);
        // just inside the limit the header is fine (the content is another matter)
        assertThat(catchReason(TestImages.pngHeaderOnly(10_000, 5_000))).isNull();
    }

    @Test
    void truncatedOrCorruptImagesAreMalformed() {
        byte[] jpeg = TestImages.jpeg(64, 48);
        assertRejected(Arrays.copyOf(jpeg, 12), ImageRejected.Reason.MALFORMED);
        assertRejected(Arrays.copyOf(jpeg, TestImages.afterApp0(jpeg) + 40), ImageRejected.Reason.MALFORMED);
        byte[] png = TestImages.png(64, 48);
        assertRejected(Arrays.copyOf(png, 20), ImageRejected.Reason.MALFORMED);
        assertRejected(Arrays.copyOf(png, png.length - 12), ImageRejected.Reason.MALFORMED);
        byte[] badCrc = png.clone();
        badCrc[8 + 8 + 3] ^= 1; // a bit of the width in IHDR
        assertRejected(badCrc, ImageRejected.Reason.MALFORMED);
        byte[] webp = TestImages.webpSimple();
        assertRejected(Arrays.copyOf(webp, 20), ImageRejected.Reason.MALFORMED);
    }

    @Test
    void otherContentIsUnsupported() {
        assertRejected("just some text, named photo.jpg".getBytes(), ImageRejected.Reason.UNSUPPORTED);
        assertRejected(TestImages.encode(TestImages.picture(8, 8), "gif"), ImageRejected.Reason.UNSUPPORTED);
        assertRejected(TestImages.encode(TestImages.picture(8, 8), "bmp"), ImageRejected.Reason.UNSUPPORTED);
        assertRejected(new byte[0], ImageRejected.Reason.UNSUPPORTED);
    }

    @Test
    void animatedWebpIsUnsupported() {
        byte[] animated = TestImages.webpWithMetadata(1);
        animated[20] |= 0x02;
        assertRejected(animated, ImageRejected.Reason.UNSUPPORTED);
    }

    private static void assertRejected(byte[] data, ImageRejected.Reason reason) {
        assertThatThrownBy(() -> PhotoSanitizer.sanitize(data, MAX_PIXELS))
                .isInstanceOf(ImageRejected.class)
                .extracting(e -> ((ImageRejected) e).reason()).isEqualTo(reason);
    }

    private static ImageRejected.Reason catchReason(byte[] data) {
        try {
            PhotoSanitizer.sanitize(data, MAX_PIXELS);
            return null;
        } catch (ImageRejected e) {
            return e.reason();
        }
    }

    private static void assertSamePixels(byte[] actual, byte[] expected) throws Exception {
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(actual));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(expected));
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        assertThat(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()))
                .isEqualTo(b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }
}
