package ru.spb.feedback.appeals.upload;

/** Why an uploaded file is not taken as a photo. The message describes the file's structure, never its content. */
public class ImageRejected extends Exception {

    public enum Reason {
        /** Not a JPEG, PNG or WebP, or a feature of one we do not take (animation, unknown critical chunks). */
        UNSUPPORTED,
        /** Truncated or inconsistent structure. */
        MALFORMED,
        /** The header declares more pixels than allowed: a possible decompression bomb. */
        TOO_MANY_PIXELS
    }

    private final Reason reason;

    public ImageRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static ImageRejected malformed(String message) {
        return new ImageRejected(Reason.MALFORMED, message);
    }

    static ImageRejected unsupported(String message) {
        return new ImageRejected(Reason.UNSUPPORTED, message);
    }

    static void checkPixels(long width, long height, long maxPixels) throws ImageRejected {
        if (width <= 0 || height <= 0) {
            throw malformed("the header declares an empty image");
        }
        if (width * height > maxPixels) {
            throw new ImageRejected(Reason.TOO_MANY_PIXELS,
                    "the image has " + width + "×" + height + " pixels; at most " + maxPixels + " are accepted");
        }
    }
}
