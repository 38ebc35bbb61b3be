package ru.spb.feedback.appeals.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of appeals-service ({@code appeals.*}). */
@ConfigMapping(prefix = "appeals")
public interface AppealsConfig {

    Catalog catalog();

    City city();

    Idempotency idempotency();

    interface Catalog {
        /** Answer deadline, in working days, of a problem type nobody has set one for (the city portal commonly uses 9 or 19). */
        @WithDefault("9")
        int defaultDeadlineWorkingDays();
    }

    /**
     * The area an appeal's location must fall in: St. Petersburg's bounding box with a small
     * margin. Routing decides the exact municipality; this only keeps out obvious mistakes.
     */
    interface City {
        @WithDefault("59.60")
        double minLat();

        @WithDefault("60.27")
        double maxLat();

        @WithDefault("29.40")
        double minLon();

        @WithDefault("30.78")
        double maxLon();
    }

    interface Idempotency {
        /** How long an Idempotency-Key is remembered; a retry after that creates a new appeal. */
        @WithDefault("P7D")
        Duration retention();
    }
}
