package ru.spb.feedback.appeals.upload;

/**
 * Turns an uploaded file into a photo we may keep: the format from its magic bytes, the size from
 * its header (checked before anything is decoded, so a small file declaring a gigantic image is
 * refused), and identifying metadata stripped without re-encoding. No pixel is ever decoded here.
 */
public final class PhotoSanitizer {

    private PhotoSanitizer() {
    }

    public static SanitizedImage sanitize(byte[] data, long maxPixels) throws ImageRejected {
        ImageFormat format = ImageFormat.sniff(data)
                .orElseThrow(() -> ImageRejected.unsupported("the content is not a JPEG, PNG or WebP image"));
        return switch (format) {
            case JPEG -> JpegMetadata.strip(data, maxPixels);
            case PNG -> PngMetadata.strip(data, maxPixels);
            case WEBP -> WebpMetadata.strip(data, maxPixels);
        };
    }
}
