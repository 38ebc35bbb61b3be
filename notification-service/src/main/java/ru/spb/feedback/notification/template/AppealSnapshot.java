package ru.spb.feedback.notification.template;

import io.quarkus.qute.TemplateData;

/**
 * An appeal as templates see it, dates already formatted for Russian readers (Moscow time).
 * Fields may be null while the appeal has not been routed.
 */
@TemplateData
public record AppealSnapshot(
        String number,
        String category,
        String address,
        String municipality,
        String organization,
        String dueDate) {
}
