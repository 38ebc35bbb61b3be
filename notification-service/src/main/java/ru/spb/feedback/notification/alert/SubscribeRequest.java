package ru.spb.feedback.notification.alert;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What anyone sends to subscribe to area alerts: a circle (lat, lon, radiusMeters) or one
 * municipality, not both. Checked by {@link AreaAlerts}, so every bad field is named at once.
 */
@Schema(name = "SubscribeToAreaAlerts")
public record SubscribeRequest(
        @Schema(description = "Where the alerts go; personal data, never shown back", maxLength = AreaAlerts.MAX_EMAIL,
                examples = "ivan.petrov@example.org", required = true)
        String email,
        @Schema(description = "The circle's centre, 59.6–60.3", examples = "59.93") Double lat,
        @Schema(description = "The circle's centre, 29.4–30.8", examples = "30.31") Double lon,
        @Schema(description = "The circle's radius, 100–5000 m", examples = "500") Integer radiusMeters,
        @Schema(description = "Instead of a circle: a municipality (OSM relation id, digits)", examples = "1123300",
                maxLength = AreaAlerts.MAX_MUNICIPALITY_CODE)
        String municipalityCode,
        @Schema(description = "NEW and/or ANSWERED", examples = "[\"NEW\", \"ANSWERED\"]", required = true,
                maxItems = AreaAlerts.MAX_EVENTS, type = SchemaType.ARRAY, implementation = AlertEvent.class)
        List<String> events) {

    @Override
    public String toString() {
        return "SubscribeRequest[redacted]";
    }
}
