package ru.spb.feedback.appeals.upload;

/**
 * A photo as we keep it: its format and size read from the header, and its bytes without
 * identifying metadata (the image data itself untouched).
 */
public record SanitizedImage(ImageFormat format, int width, int height, byte[] bytes) {
}
