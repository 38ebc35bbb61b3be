package ru.spb.feedback.appeals.upload;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** An accepted upload: name its id in an appeal's or answer's {@code photoIds}. */
@Schema(name = "Upload")
public record UploadView(
        UUID id,
        @Schema(description = "Sniffed from the content", examples = "image/jpeg") String contentType,
        @Schema(description = "Bytes as stored, after stripping metadata", examples = "2483011") long size,
        @Schema(examples = "4032") int width,
        @Schema(examples = "3024") int height) {

    static UploadView of(Upload upload) {
        return new UploadView(upload.id, upload.contentType, upload.sizeBytes, upload.width, upload.height);
    }
}
