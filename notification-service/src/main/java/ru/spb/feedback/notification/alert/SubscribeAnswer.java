package ru.spb.feedback.notification.alert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to every valid subscription request, whatever happened: it must not tell whether
 * the address subscribes already, or was capped.
 */
@Schema(name = "AreaAlertSubscribed")
public record SubscribeAnswer(@Schema(examples = "CONFIRMATION_SENT") String status) {

    public static final SubscribeAnswer CONFIRMATION_SENT = new SubscribeAnswer("CONFIRMATION_SENT");
}
