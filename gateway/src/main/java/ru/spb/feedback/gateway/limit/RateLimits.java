package ru.spb.feedback.gateway.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import ru.spb.feedback.gateway.config.GatewayConfig;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Token buckets per route class and key (a token's subject, or the client address). They live in this gateway
 * copy's memory: with several copies each keeps its own (see the README and ADR 0010).
 */
@ApplicationScoped
public class RateLimits {

    /** The buckets of clients that stay away are dropped; no more than this many are kept per class. */
    private static final long MAX_KEYS_PER_CLASS = 200_000;

    private final Map<RouteClass, Limiter> limiters = new EnumMap<>(RouteClass.class);
    private final MeterRegistry registry;

    RateLimits(GatewayConfig config, MeterRegistry registry) {
        this.registry = registry;
        GatewayConfig.RateLimit limits = config.rateLimit();
        limiters.put(RouteClass.READ, new Limiter(limits.read()));
        limiters.put(RouteClass.WRITE, new Limiter(limits.write()));
        limiters.put(RouteClass.UPLOAD, new Limiter(limits.upload()));
        limiters.put(RouteClass.ANONYMOUS, new Limiter(limits.anonymous()));
        limiters.put(RouteClass.PER_IP, new Limiter(limits.perIp()));
    }

    /**
     * What one request learns of its bucket: told to the client in the IETF RateLimit fields on every answer.
     *
     * @param allowed      whether the request may go on
     * @param limit        the bucket's capacity
     * @param remaining    tokens left after this request
     * @param resetSeconds seconds until the bucket is full again
     * @param retryAfter   when refused, the seconds until a token is back (for Retry-After); 0 when allowed
     */
    public record Allowance(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfter) {
    }

    /** Takes one token from the key's bucket of that class. */
    public Allowance take(RouteClass routeClass, String key) {
        Limiter limiter = limiters.get(routeClass);
        ConsumptionProbe probe = limiter.bucketOf(key).tryConsumeAndReturnRemaining(1);
        long resetSeconds = ceilSeconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Allowance(true, limiter.settings.capacity(), probe.getRemainingTokens(), resetSeconds, 0);
        }
        registry.counter("gateway.rate.limited", "class", routeClass.configName()).increment();
        long retryAfter = Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1;
        return new Allowance(false, limiter.settings.capacity(), 0, Math.max(resetSeconds, retryAfter), retryAfter);
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private static final class Limiter {
        private final GatewayConfig.Bucket settings;
        private final Cache<String, Bucket> buckets;

        Limiter(GatewayConfig.Bucket settings) {
            if (settings.capacity() < 1 || settings.refillPerMinute() < 1) {
                throw new IllegalArgumentException("a rate limit needs a capacity and a refill of at least 1");
            }
            this.settings = settings;
            // an idle bucket is full again after this long; dropping it then changes nothing
            double minutesToFill = (double) settings.capacity() / settings.refillPerMinute();
            Duration idle = Duration.ofSeconds(Math.max(60, (long) Math.ceil(minutesToFill * 60)));
            this.buckets = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(MAX_KEYS_PER_CLASS).build();
        }

        Bucket bucketOf(String key) {
            return buckets.get(key, ignored -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(settings.capacity())
                            .refillGreedy(settings.refillPerMinute(), Duration.ofMinutes(1)))
                    .build());
        }
    }
}
