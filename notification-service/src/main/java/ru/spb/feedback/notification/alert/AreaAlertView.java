package ru.spb.feedback.notification.alert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A confirmed subscription as its subscriber sees it: never the address. */
@Schema(name = "AreaAlert")
public record AreaAlertView(UUID id, Area area, List<AlertEvent> events, Instant confirmedAt) {

    /** A circle (lat, lon, radiusMeters; municipalityCode null) or a municipality (the others null). */
    @Schema(name = "AreaAlertArea")
    public record Area(Double lat, Double lon, Integer radiusMeters, String municipalityCode) {
    }

    static AreaAlertView of(AreaAlert alert) {
        return new AreaAlertView(alert.id, new Area(alert.lat, alert.lon, alert.radiusMeters, alert.municipalityCode),
                alert.events(), alert.confirmedAt);
    }
}
