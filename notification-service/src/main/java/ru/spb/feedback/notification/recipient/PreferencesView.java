package ru.spb.feedback.notification.recipient;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A citizen's notification preferences. */
@Schema(name = "NotificationPreferences")
public record PreferencesView(
        Channels channels,
        @Schema(description = "Where e-mails go; the token's e-mail until the citizen sets another", examples = "ivan.petrov@example.org")
        String email,
        @Schema(description = "Whether the citizen has saved preferences (then appeals no longer change the address)")
        boolean customized,
        @Schema(description = "Last change, null if nothing is stored") Instant updatedAt) {

    /** Channels on or off. */
    @Schema(name = "NotificationChannels")
    public record Channels(
            @Schema(description = "Always on") boolean inApp,
            boolean email) {
    }

    @Override
    public String toString() {
        return "PreferencesView[redacted]";
    }
}
