package ru.spb.feedback.notification.template;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Dates from event payloads for templates, as {@code city:date(payload.get('previousDueAt'))}:
 * payload timestamps reach templates as ISO-8601 text, readers want the city's day.
 */
@TemplateExtension(namespace = "city")
public final class CityDates {

    private CityDates() {
    }

    /** The day (dd.MM.yyyy, Moscow time) of a timestamp given as an {@link Instant} or ISO-8601 text; null if it is neither. */
    static String date(Object value) {
        if (value instanceof Instant instant) {
            return NotificationTemplates.date(instant);
        }
        if (value instanceof CharSequence text) {
            try {
                return NotificationTemplates.date(Instant.parse(text));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
