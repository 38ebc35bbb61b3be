package ru.spb.feedback.gateway.proxy;

import io.vertx.core.http.HttpClient;

import java.net.URI;
import java.time.Duration;

/**
 * One service behind the gateway: its own connection pool, answer timeout and circuit breaker, so a slow or dead
 * service never holds up requests to the others.
 */
public record Upstream(String name, URI url, HttpClient client, Duration timeout, CircuitBreaker breaker) {

    public String host() {
        return url.getHost();
    }

    public int port() {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    public boolean tls() {
        return "https".equalsIgnoreCase(url.getScheme());
    }
}
