package ru.spb.feedback.notification.template;

import io.quarkus.qute.TemplateData;

/**
 * An appeal as templates see it, dates already formatted for Russian readers (Moscow time).
 * Fields may be null while the appeal has not been routed. {@code viaIntegrator}: reported through
 * an integrator (Open311), so its citizen has no account here: nothing to rate, no settings to change.
 */
@TemplateData
public record AppealSnapshot(
        String number,
        String category,
        String address,
        String municipality,
        String organization,
        String dueDate,
        boolean viaIntegrator) {
}
