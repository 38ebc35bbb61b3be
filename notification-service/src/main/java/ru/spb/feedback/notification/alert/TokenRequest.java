package ru.spb.feedback.notification.alert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token from a link in an area-alert e-mail. */
@Schema(name = "AreaAlertToken")
public record TokenRequest(@Schema(description = "The token of the link", required = true, maxLength = AreaAlerts.MAX_TOKEN) String token) {

    @Override
    public String toString() {
        return "TokenRequest[redacted]";
    }
}
