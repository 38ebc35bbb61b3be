package ru.spb.feedback.notification.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tokens of the links in area-alert e-mails: 32 random bytes, base64url. Only their SHA-256 is
 * stored, so a fresh token is made for each e-mail as it is sent (the database never holds one that
 * would work as a link).
 */
@ApplicationScoped
public class AlertTokens {

    /** What a token does. */
    enum Purpose { CONFIRM, UNSUBSCRIBE }

    /** A stored token: whose, and until when it works (null: no end). */
    record Found(UUID alertId, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    /** A new token for the subscription; its hash is stored in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    String issue(UUID alertId, Purpose purpose, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        entityManager.createNativeQuery("""
                        insert into area_alert_token (token_hash, alert_id, purpose, expires_at, created_at)
                        values (:hash, :alert, :purpose, :expires, :now)""")
                .setParameter("hash", hash(token))
                .setParameter("alert", alertId)
                .setParameter("purpose", purpose.name())
                .setParameter("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .setParameter("now", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .executeUpdate();
        return token;
    }

    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Found> find(String token, Purpose purpose) {
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select alert_id, expires_at from area_alert_token where token_hash = :hash and purpose = :purpose")
                .setParameter("hash", hash(token))
                .setParameter("purpose", purpose.name())
                .getResultList();
        return rows.stream().findFirst().map(row -> new Found((UUID) row[0], instant(row[1])));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
