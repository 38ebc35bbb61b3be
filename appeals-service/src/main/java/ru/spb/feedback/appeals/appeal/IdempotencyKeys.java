package ru.spb.feedback.appeals.appeal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ru.spb.feedback.appeals.config.AppealsConfig;
import ru.spb.feedback.messaging.jobs.ClusterLock;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Remembers {@code Idempotency-Key}s per caller, so a client that retries a POST after a timeout
 * gets the appeal its first attempt created instead of a second one.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    ClusterLock clusterLock;

    @Inject
    AppealsConfig config;

    public static void checkWellFormed(String key) {
        if (key != null && !WELL_FORMED.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
        }
    }

    /** A fingerprint of the request, independent of JSON formatting and field order in the body. */
    public String fingerprint(Object request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    /**
     * Claims the key for a new appeal in the current transaction. Returns empty if the claim is
     * ours (go on and create {@code appealId}), or the appeal an earlier request with the same key
     * and body created. The same key with a different body is refused. A concurrent request with
     * the same key waits on the row until the first one commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> claim(String callerId, String key, String fingerprint, UUID appealId) {
        int inserted = entityManager.createNativeQuery("""
                        insert into idempotency_key (caller_id, key, request_hash, appeal_id, created_at)
                        values (:caller, :key, :hash, :appeal, :now)
                        on conflict (caller_id, key) do nothing""")
                .setParameter("caller", callerId)
                .setParameter("key", key)
                .setParameter("hash", fingerprint)
                .setParameter("appeal", appealId)
                .setParameter("now", Instant.now())
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> earlier = entityManager.createNativeQuery(
                        "select request_hash, appeal_id from idempotency_key where caller_id = :caller and key = :key")
                .setParameter("caller", callerId)
                .setParameter("key", key)
                .getResultList();
        Object[] row = earlier.get(0);
        if (!fingerprint.equals(row[0])) {
            throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request body; use a new key for a new appeal"));
        }
        return Optional.of((UUID) row[1]);
    }

    @Scheduled(every = "${appeals.idempotency.cleanup-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldKeys() {
        if (clusterLock.tryLockForTransaction("idempotency-cleanup")) {
            entityManager.createNativeQuery("delete from idempotency_key where created_at < :cutoff")
                    .setParameter("cutoff", Instant.now().minus(config.idempotency().retention()))
                    .executeUpdate();
        }
    }
}
