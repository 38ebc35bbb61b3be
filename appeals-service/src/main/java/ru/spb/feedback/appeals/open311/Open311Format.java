package ru.spb.feedback.appeals.open311;

import java.util.Locale;
import java.util.Optional;

/** The two response formats of GeoReport v2, chosen by the path's extension ({@code services.xml}). */
public enum Open311Format {
    JSON("application/json; charset=utf-8"),
    XML("text/xml; charset=utf-8");

    private final String mediaType;

    Open311Format(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format an extension names, e.g. {@code "xml"}; empty for any other. */
    public static Optional<Open311Format> of(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "json" -> Optional.of(JSON);
            case "xml" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

    /**
     * A path's last segment split at its last dot, e.g. {@code SPB-2026-000001.json}: the name and
     * its format. Errors about a path without a known format are answered in JSON.
     */
    record Resource(String name, Optional<Open311Format> format) {
        static Resource of(String segment) {
            int dot = segment.lastIndexOf('.');
            if (dot <= 0) {
                return new Resource(segment, Optional.empty());
            }
            return new Resource(segment.substring(0, dot), Open311Format.of(segment.substring(dot + 1)));
        }
    }
}
