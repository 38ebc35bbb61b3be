package ru.spb.feedback.appeals.integrator;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.appeals.config.AppealsConfig;
import ru.spb.feedback.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Integrators' Open311 API keys: issued and revoked by admins, checked on every Open311 request,
 * each with its own request budget.
 */
@ApplicationScoped
public class IntegratorKeys {

    /** Keys start with this, so a leaked one is easy to recognise (e.g. by secret scanners). */
    static final String KEY_PREFIX = "spb311_";
    private static final int PREFIX_SHOWN = KEY_PREFIX.length() + 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AppealsConfig config;

    /**
     * One token bucket per key, in this copy of the service: with n copies behind a load balancer a
     * key gets up to n times its budget, which is acceptable for a limit that protects capacity.
     */
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    /** A new key, stored hashed; the answer is the only time the key itself is shown. */
    @Transactional
    public IntegratorKeyView issue(IssueKeyRequest request, String adminId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String apiKey = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        IntegratorKey key = new IntegratorKey();
        key.id = UUID.randomUUID();
        key.integratorId = request.integratorId().trim();
        key.name = request.name().trim();
        key.municipalityCode = request.municipalityCode();
        key.requestsPerMinute = request.requestsPerMinute();
        key.keyHash = sha256(apiKey);
        key.keyPrefix = apiKey.substring(0, PREFIX_SHOWN);
        key.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        key.createdBy = adminId;
        key.persist();
        return IntegratorKeyView.of(key, apiKey);
    }

    public List<IntegratorKeyView> list(String integratorId, boolean includeRevoked) {
        String query = (integratorId == null ? "1 = 1" : "integratorId = :integrator")
                + (includeRevoked ? "" : " and revokedAt is null");
        Map<String, Object> parameters = integratorId == null ? Map.of() : Map.of("integrator", integratorId);
        return IntegratorKey.<IntegratorKey>find(query, Sort.ascending("createdAt", "id"), parameters).stream()
                .map(key -> IntegratorKeyView.of(key, null)).toList();
    }

    public IntegratorKeyView get(UUID id) {
        return IntegratorKeyView.of(find(id), null);
    }

    /** Revokes the key at once; revoking it again changes nothing. */
    @Transactional
    public IntegratorKeyView revoke(UUID id, String adminId) {
        IntegratorKey key = find(id);
        if (!key.isRevoked()) {
            key.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            key.revokedBy = adminId;
            buckets.remove(id);
        }
        return IntegratorKeyView.of(key, null);
    }

    /** The integrator whose live key this is; empty for an unknown or revoked key. */
    @Transactional
    public Optional<Integrator> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
            return Optional.empty();
        }
        Optional<IntegratorKey> found = IntegratorKey.find("keyHash", sha256(apiKey.trim())).firstResultOptional();
        if (found.isEmpty() || found.get().isRevoked()) {
            return Optional.empty();
        }
        IntegratorKey key = found.get();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(1, ChronoUnit.MINUTES))) {
            key.lastUsedAt = now;
        }
        return Optional.of(new Integrator(key.id, key.integratorId, key.municipalityCode, budgetOf(key)));
    }

    /**
     * Takes one request from the key's budget: empty when there was one, else the seconds until
     * the next request is allowed.
     */
    public OptionalLong spend(Integrator integrator) {
        Bucket bucket = buckets.computeIfAbsent(integrator.keyId(), ignored -> Bucket.builder()
                .addLimit(limit -> limit.capacity(integrator.requestsPerMinute())
                        .refillGreedy(integrator.requestsPerMinute(), Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }

    private int budgetOf(IntegratorKey key) {
        return key.requestsPerMinute != null ? key.requestsPerMinute : config.open311().requestsPerMinute();
    }

    private static IntegratorKey find(UUID id) {
        IntegratorKey key = IntegratorKey.findById(id);
        if (key == null) {
            throw ProblemException.notFound("Integrator key " + id);
        }
        return key;
    }

    /**
     * SHA-256 in hex. For keys it suffices: a key is 256 random bits, so there is nothing to guess
     * from its hash (no slow password hash needed).
     */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
