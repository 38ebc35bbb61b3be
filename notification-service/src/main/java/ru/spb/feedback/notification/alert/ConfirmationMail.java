package ru.spb.feedback.notification.alert;

import io.quarkus.qute.TemplateData;

/**
 * What the confirmation e-mail ({@code templates/alert/confirmation.html|txt}) shows.
 *
 * @param area       the area in words ("в радиусе 500 м от точки 59.93, 30.31", "муниципального образования 1123300")
 * @param events     what will be sent, in words
 * @param confirmUrl the web app's confirmation page with the token
 * @param validUntil until when the link works (dd.MM.yyyy HH:mm, Moscow)
 */
@TemplateData
public record ConfirmationMail(String area, String events, String confirmUrl, String validUntil) {

    @Override
    public String toString() {
        return "ConfirmationMail[redacted]"; // the link confirms
    }
}
