package ru.spb.feedback.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Settings of notification-service ({@code notification.*}). */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Stream stream();

    Dispatch dispatch();

    Email email();

    Webhooks webhooks();

    Retention retention();

    /**
     * Where the platform's web app is, as citizens reach it (through the gateway): the links in
     * area-alert e-mails (confirm, unsubscribe, the appeal's public page) start with it.
     */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    AreaAlerts areaAlerts();

    /** Alerts by e-mail about appeals in an area, with double opt-in. */
    interface AreaAlerts {
        /** How long the link in a confirmation e-mail confirms the subscription. */
        @WithDefault("PT72H")
        Duration confirmationTtl();

        /** Most unconfirmed subscriptions one address may ask for within {@link #capWindow()}; beyond, no e-mail is sent. */
        @WithDefault("5")
        int unconfirmedCap();

        /** The window of {@link #unconfirmedCap()}. */
        @WithDefault("PT24H")
        Duration capWindow();
    }

    /** How long personal data of finished appeals are kept (the retention job). */
    interface Retention {
        /**
         * Kept this long after the appeal was closed, rejected or withdrawn: long enough for the
         * citizen to look back at an answer and for a complaint about it (see ADR 0015).
         */
        @WithDefault("P365D")
        Duration afterFinished();

        /** How often the job looks for appeals whose period is over. */
        @WithDefault("PT1H")
        Duration interval();

        /** Wait after start before the first run (read by the job's schedule). */
        @WithDefault("PT5M")
        Duration delay();

        /** Appeals purged per run and transaction; the rest wait for the next run. */
        @WithDefault("200")
        int batchSize();
    }

    /** The live stream of new notifications (Server-Sent Events). */
    interface Stream {
        /** How long a stream ticket stays valid; it can be used once. */
        @WithDefault("PT60S")
        Duration ticketTtl();

        /** How often an idle stream gets a comment line, so proxies keep it open. */
        @WithDefault("PT20S")
        Duration heartbeat();

        /** Most notifications replayed to a client reconnecting with {@code Last-Event-ID}. */
        @WithDefault("100")
        int replayLimit();

        /** Pause before the database listener that feeds the streams reconnects after losing its connection. */
        @WithDefault("PT2S")
        Duration listenerReconnect();
    }

    /** The job that sends due e-mails and webhooks (and their retries). */
    interface Dispatch {
        /** How often the job looks for due deliveries. */
        @WithDefault("PT1S")
        Duration interval();

        /** Deliveries one copy claims per round. */
        @WithDefault("50")
        int batchSize();

        /**
         * How long a claimed delivery stays with the copy that claimed it; if that copy dies, another
         * one retries it after this. Renewed as each call starts, so it must exceed one call (the
         * webhook call timeout and the SMTP timeout), not a batch; checked at start.
         */
        @WithDefault("PT2M")
        Duration lease();
    }

    /** E-mail to citizens. */
    interface Email {
        /**
         * How long an e-mail keeps being retried before it is given up (state FAILED): long enough to
         * outlast an SMTP outage of hours. The attempts follow from it and the backoff.
         */
        @WithDefault("PT24H")
        Duration retryWindow();

        /** Wait before the first retry; doubles with every further failure. */
        @WithDefault("PT30S")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("PT1H")
        Duration maxBackoff();
    }

    /** Integrators' webhooks. */
    interface Webhooks {
        /** Attempts before a delivery is given up (state FAILED); a redeliver grants as many again. */
        @WithDefault("10")
        int maxAttempts();

        /** Wait before the first retry; doubles with every further failure. */
        @WithDefault("PT30S")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("PT6H")
        Duration maxBackoff();

        /** TCP connect timeout of a delivery. */
        @WithDefault("PT5S")
        Duration connectTimeout();

        /**
         * Deadline of one call as a whole: connect, request, the answer's headers and its body (of
         * which at most 4 KB are read). A receiver that trickles or never answers fails the attempt then.
         */
        @WithDefault("PT10S")
        Duration callTimeout();

        /** Calls in flight at once from one copy, over all receivers. */
        @WithDefault("16")
        int concurrency();

        /** Calls in flight at once to one receiver (subscription), so a slow one holds at most this many threads. */
        @WithDefault("2")
        int perReceiverConcurrency();

        /**
         * Allow targets on private, loopback, link-local and other internal addresses. Off in
         * production (SSRF guard); tests and local runs switch it on for receivers on 127.0.0.1.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** Allow plain {@code http://} URLs; off in production, where only HTTPS is accepted. */
        @WithDefault("false")
        boolean allowPlainHttp();

        /**
         * AES key (Base64 of 32 bytes) that encrypts the signing secrets at rest. No default in
         * production: set {@code NOTIFICATION_WEBHOOKS_ENCRYPTION_KEY}.
         */
        String encryptionKey();

        /** Earlier keys, still accepted for decryption while secrets are rotated to the current key. */
        Optional<List<String>> previousEncryptionKeys();

        /**
         * Token subjects of integrators entitled to the citizen's contact data in webhook payloads.
         * Empty by default: nobody gets contact data.
         */
        Optional<Set<String>> contactDataOwners();
    }
}
