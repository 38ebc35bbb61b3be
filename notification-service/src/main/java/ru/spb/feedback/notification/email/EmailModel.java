package ru.spb.feedback.notification.email;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * What the e-mail templates ({@code templates/email/notification.html|txt}) show.
 *
 * @param name         the citizen's name for the greeting, may be null
 * @param title        the notification's title, also the subject
 * @param status       the appeal's new status in words
 * @param appealNumber the tracking number
 * @param municipality where the appeal went, once known
 * @param dueDate      the answer deadline (dd.MM.yyyy), once known
 * @param paragraphs   the notification's message, paragraph by paragraph
 * @param viaIntegrator the reader reported the appeal through an integrator (Open311) and has no account
 *                     here, so no notification settings to switch e-mail off in
 */
@TemplateData
public record EmailModel(String name, String title, String status, String appealNumber, String municipality,
                         String dueDate, List<String> paragraphs, boolean viaIntegrator) {

    @Override
    public String toString() {
        return "EmailModel[" + appealNumber + "]";
    }
}
