package ru.spb.feedback.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the edge does is set here; application.properties holds the route table. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The services behind the gateway by name (appeals, routing, notification), each with the paths it owns. */
    Map<String, Upstream> upstreams();

    /**
     * Requests that pass without a token, as {@code METHOD /prefix} ({@code GET} also covers HEAD, {@code *} any
     * method): the endpoints the services mark {@code @PermitAll}, and Open311 with its own API key.
     */
    List<String> anonymous();

    /** The largest request body passed on; above it 413. Above appeals-service's 11M upload envelope. */
    @WithDefault("12M")
    MemorySize maxBodySize();

    /** Token buckets per route class and per client address. */
    RateLimit rateLimit();

    /** Cross-origin access from browsers. */
    Cors cors();

    /** Live streams (Server-Sent Events): their own connection pool, a cap per citizen, an end at the token's expiry. */
    Streams streams();

    /** One service behind the gateway. */
    interface Upstream {

        /** Its base URL, e.g. {@code http://localhost:8081}. */
        URI url();

        /** The path prefixes it owns; a prefix matches itself and everything below it. */
        List<String> prefixes();

        /** How long to wait for the answer's head (SSE streams exempt; a body already streaming is never cut). */
        @WithDefault("PT15S")
        Duration timeout();

        /** Stops sending to an upstream that keeps failing, so callers get 503 at once instead of waiting. */
        CircuitBreaker circuitBreaker();

        /** The connections for its ordinary requests (live streams have a pool of their own). */
        Pool pool();
    }

    /** A full pool answers 503 quickly instead of queueing requests without end. */
    interface Pool {

        /** Open connections at most. */
        @WithDefault("200")
        int maxSize();

        /**
         * How long a request may wait for a free connection before it gets 503. A new connection's
         * connect counts too (Vert.x bounds both together), and on a loaded two-core host a burst's
         * new connections took over a second (GatewayEndToEndTest's burst got 503s with PT1S).
         */
        @WithDefault("PT5S")
        Duration maxWait();

        /** Requests that may wait at once; any more get 503 without waiting. */
        @WithDefault("200")
        int maxWaitQueue();
    }

    interface Streams {

        /** The paths of live streams; a prefix matches itself and everything below it. */
        @WithDefault("/api/v1/notifications/stream")
        List<String> prefixes();

        /** Streams one citizen may hold open at once through this gateway copy; the next gets 429. */
        @WithDefault("3")
        int perCitizen();

        /** Stream connections per upstream at most, apart from its ordinary pool; beyond it 503. */
        @WithDefault("1000")
        int poolSize();
    }

    interface CircuitBreaker {

        /** Consecutive failures (refused connection, reset, timeout) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long the circuit stays open before one trial request is let through. */
        @WithDefault("PT10S")
        Duration openFor();
    }

    interface RateLimit {

        /** GET and HEAD, per token subject. */
        Bucket read();

        /** Other methods, per token subject. */
        Bucket write();

        /** POST to {@link #uploadPrefix()}, per token subject. */
        Bucket upload();

        /** Requests without a token, per client address. */
        Bucket anonymous();

        /** Every request, per client address, whatever its class. */
        @WithName("per-ip")
        Bucket perIp();

        /** The path whose POSTs count as uploads. */
        @WithDefault("/api/v1/uploads")
        String uploadPrefix();
    }

    /** A token bucket: a burst of {@code capacity}, refilled steadily. */
    interface Bucket {

        /** The largest burst. */
        long capacity();

        /** Tokens added per minute. */
        long refillPerMinute();
    }

    interface Cors {

        /** Origins allowed to call from a browser (comma list); none means same-origin only. */
        Optional<List<String>> origins();
    }
}
