package ru.spb.feedback.notification.recipient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a citizen sends to change notification preferences. */
@Schema(name = "UpdateNotificationPreferences")
public record UpdatePreferencesRequest(
        @NotNull @Valid @Schema(required = true) Channels channels,
        @Email @Size(max = 320)
        @Schema(description = "Where e-mails go; defaults to the stored address or the token's e-mail", examples = "ivan.petrov@example.org")
        String email) {

    /** Channels on or off; in-app cannot be switched off. */
    @Schema(name = "UpdateNotificationChannels")
    public record Channels(
            @Schema(description = "Must be true or absent: in-app notifications are always on") Boolean inApp,
            @NotNull @Schema(required = true) Boolean email) {
    }

    @Override
    public String toString() {
        return "UpdatePreferencesRequest[redacted]";
    }
}
