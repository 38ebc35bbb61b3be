package ru.spb.feedback.gateway.proxy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import ru.spb.feedback.gateway.config.GatewayConfig;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The configured upstreams by name, with their metrics. */
@ApplicationScoped
public class Upstreams {

    /** A connection attempt never waits longer than this, whatever the answer timeout. */
    private static final int MAX_CONNECT_MILLIS = 5_000;

    private final Map<String, Upstream> byName = new LinkedHashMap<>();
    private final MeterRegistry registry;

    Upstreams(GatewayConfig config, Vertx vertx, MeterRegistry registry) {
        this.registry = registry;
        config.upstreams().forEach((name, settings) -> {
            long timeoutMillis = settings.timeout().toMillis();
            HttpClientOptions options = new HttpClientOptions()
                    .setConnectTimeout((int) Math.min(timeoutMillis, MAX_CONNECT_MILLIS))
                    .setKeepAlive(true)
                    .setSsl("https".equalsIgnoreCase(settings.url().getScheme()));
            GatewayConfig.Pool pool = settings.pool();
            Upstream upstream = new Upstream(name, settings.url(),
                    vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(pool.maxSize())
                            .setMaxWaitQueueSize(pool.maxWaitQueue())),
                    // no wait queue: a stream beyond the pool is refused at once
                    vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.streams().poolSize())
                            .setMaxWaitQueueSize(0)),
                    settings.timeout(),
                    pool.maxWait(),
                    new CircuitBreaker(settings.circuitBreaker().failureThreshold(), settings.circuitBreaker().openFor()));
            byName.put(name, upstream);
            Gauge.builder("gateway.upstream.circuit.open", upstream,
                            u -> u.breaker().state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                    .tag("upstream", name)
                    .description("1 while the upstream's circuit breaker is open or half-open")
                    .register(registry);
        });
    }

    public Upstream named(String name) {
        Upstream upstream = byName.get(name);
        if (upstream == null) {
            throw new IllegalStateException("no upstream named " + name);
        }
        return upstream;
    }

    public Optional<Upstream> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Upstream> all() {
        return byName.values();
    }

    /** Counts one proxied request by how it ended (ok, refused, busy, circuit-open, timeout, failed, too-large). */
    void count(Upstream upstream, String outcome) {
        registry.counter("gateway.upstream.requests", "upstream", upstream.name(), "outcome", outcome).increment();
    }

    @PreDestroy
    void close() {
        byName.values().forEach(upstream -> {
            upstream.client().close();
            upstream.streamClient().close();
        });
    }
}
