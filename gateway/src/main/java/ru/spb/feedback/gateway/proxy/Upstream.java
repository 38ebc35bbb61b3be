package ru.spb.feedback.gateway.proxy;

import io.vertx.core.http.HttpClient;

import java.net.URI;
import java.time.Duration;

/**
 * One service behind the gateway: its own connection pools, answer timeout and circuit breaker, so a slow or dead
 * service never holds up requests to the others. Live streams have a pool of their own ({@code streamClient}):
 * connections they hold for hours never starve the service's ordinary requests.
 *
 * @param poolWait how long a request waits for a free connection before it is refused
 */
public record Upstream(String name, URI url, HttpClient client, HttpClient streamClient, Duration timeout,
                       Duration poolWait, CircuitBreaker breaker) {

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
