package ru.spb.feedback.notification.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ru.spb.feedback.notification.config.NotificationConfig;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Short-lived, single-use tickets that open a citizen's live stream without an Authorization
 * header (a browser's EventSource cannot send one). Only a hash is stored; any copy can redeem it.
 */
@ApplicationScoped
public class StreamTickets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    @Inject
    NotificationConfig config;

    /** Whose stream a ticket opens, and when the token it was taken with expires (the stream's end). */
    public record Redeemed(String citizenId, Optional<Instant> sessionExpiresAt) {
    }

    /** A new ticket for the citizen, taken with a token that expires at {@code sessionExpiresAt}. */
    @Transactional
    public StreamTicketView issue(String citizenId, Instant sessionExpiresAt) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = now.plus(config.stream().ticketTtl());
        entityManager.createNativeQuery("""
                        insert into stream_ticket (ticket_hash, citizen_id, expires_at, session_expires_at, created_at)
                        values (:hash, :citizen, :expires, :session, :now)""")
                .setParameter("hash", hash(ticket))
                .setParameter("citizen", citizenId)
                .setParameter("expires", expiresAt)
                .setParameter("session", sessionExpiresAt)
                .setParameter("now", now)
                .executeUpdate();
        return new StreamTicketView(ticket, expiresAt);
    }

    /** The citizen the ticket was issued to; the ticket is gone afterwards. Unknown, used or expired: 401. */
    @Transactional
    public Redeemed redeem(String ticket) {
        if (ticket.length() > 100) {
            throw invalid();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        delete from stream_ticket where ticket_hash = :hash
                        returning citizen_id, expires_at, session_expires_at""")
                .setParameter("hash", hash(ticket))
                .getResultList();
        if (rows.isEmpty()) {
            throw invalid();
        }
        Object[] row = rows.get(0);
        if (instant(row[1]).isBefore(Instant.now())) {
            throw invalid();
        }
        return new Redeemed((String) row[0], Optional.ofNullable(row[2]).map(StreamTickets::instant));
    }

    private static Instant instant(Object column) {
        return column instanceof Instant instant ? instant : ((java.time.OffsetDateTime) column).toInstant();
    }

    /** Forgets expired tickets; part of the housekeeping job. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteExpired() {
        return entityManager.createNativeQuery("delete from stream_ticket where expires_at < :now")
                .setParameter("now", Instant.now())
                .executeUpdate();
    }

    private static ProblemException invalid() {
        ProblemException problem = new ProblemException(Problem.of(401, "invalid-stream-ticket", "Unauthorized",
                "The stream ticket is unknown, used or expired; get a new one with POST /api/v1/notifications/stream-tickets"));
        return problem;
    }

    private static String hash(String ticket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
