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

    Lifecycle lifecycle();

    Operations operations();

    Open311 open311();

    Retention retention();

    Statistics statistics();

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

        default boolean contains(double lat, double lon) {
            return lat >= minLat() && lat <= maxLat() && lon >= minLon() && lon <= maxLon();
        }
    }

    interface Idempotency {
        /** How long an Idempotency-Key is remembered; a retry after that creates a new appeal. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Lifecycle {
        /** Run the overdue and auto-close jobs in this copy. */
        @WithDefault("true")
        boolean jobsEnabled();

        /** An answer nobody rated closes after this many days (as NOT_RATED). */
        @WithDefault("10")
        int autoCloseDays();

        /** The longest deadline extension; 59-ФЗ allows 30 days, once. */
        @WithDefault("30")
        int maxExtensionDays();

        /** How often the overdue and auto-close jobs look for work. */
        @WithDefault("PT1M")
        Duration checkInterval();

        /** How many appeals a job round handles in one transaction. */
        @WithDefault("200")
        int batchSize();
    }

    interface Operations {
        /**
         * An appeal still {@code REGISTERED} this long after registration is stuck: routing-service
         * or Kafka is not doing its part. Feeds {@code appeals_stuck_registered} and the
         * {@code alerts} health group.
         */
        @WithDefault("PT15M")
        Duration stuckRegisteredAfter();

        /** The stuck-appeal figures are read from the database at most this often, whoever asks. */
        @WithDefault("PT30S")
        Duration stuckCheckInterval();
    }

    /** Open311 GeoReport v2 for integrators (package {@code open311}). */
    interface Open311 {
        /** The only {@code jurisdiction_id} accepted (the parameter itself is optional). */
        @WithDefault("spb.ru")
        String jurisdictionId();

        /** Requests per minute an API key may make, unless its own limit was set when it was issued. */
        @WithDefault("60")
        int requestsPerMinute();

        /** {@code GET requests} without dates covers this far back, and no date range may be longer. */
        @WithDefault("P90D")
        Duration defaultWindow();

        /** The most requests one {@code GET requests} answer lists, newest first: the largest and the default {@code page_size}. */
        @WithDefault("1000")
        int maxRequests();

        /** Where clients reach the API, for the discovery document (the gateway's public address). */
        @WithDefault("http://localhost:8080/open311/v2")
        String publicUrl();

        /** Whom integrators ask, for the discovery document. */
        @WithDefault("Платформа обратной связи Санкт-Петербурга: open311@feedback.spb.local")
        String contact();

        /** How integrators get a key, for the discovery document. */
        @WithDefault("Ключ API выдаёт администратор платформы по заявке на open311@feedback.spb.local")
        String keyService();

        /** When this API last changed in a way clients should notice. */
        @WithDefault("2026-11-29T00:00:00Z")
        java.time.Instant changeset();

        /** The discovery document's endpoint {@code type}: production or test. */
        @WithDefault("production")
        String endpointType();
    }

    /** How long personal data of finished appeals is kept (package {@code privacy}, ADR 0017). */
    interface Retention {
        /**
         * A finished (closed, rejected, withdrawn) appeal is anonymised this long after it finished:
         * a year, well past the three months to challenge an answer in court (КАС РФ ст. 219) and
         * long enough for duplicates and repeat appeals to refer to it. Organizations keep their own
         * case files under archival rules; the platform is not that archive.
         */
        @WithDefault("P365D")
        Duration afterFinished();

        /** How often the retention job looks for appeals past the period. */
        @WithDefault("PT1H")
        Duration checkInterval();

        /** How many appeals the job anonymises in one transaction. */
        @WithDefault("200")
        int batchSize();
    }

    /** The public statistics ({@code GET /api/v1/statistics}). */
    interface Statistics {
        /** Days (today included) the statistics cover when the request names no {@code from}. */
        @WithDefault("90")
        int defaultDays();

        /** The longest range, in days with both ends included, one request may ask for. */
        @WithDefault("366")
        int maxDays();
    }
}
