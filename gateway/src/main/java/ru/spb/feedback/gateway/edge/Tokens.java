package ru.spb.feedback.gateway.edge;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies bearer tokens with the same key and issuer as the services (mp.jwt.verify.*). A token
 * that checked out is remembered until it expires: a client sends the same token with every
 * request, and the signature check was a fifth of the gateway's CPU (ADR 0020). A remembered token
 * is byte for byte the one whose signature was checked, so the answer cannot differ; past its
 * {@code exp} it is checked again (and refused, with the parser's clock skew).
 */
@ApplicationScoped
public class Tokens {

    /** Enough for every citizen active at once on one gateway copy; cleared when full. */
    static final int REMEMBERED = 4096;

    /** A token that checked out: whose it is and until when it is valid. */
    public record Verified(String subject, Instant expiresAt) {
    }

    private final JWTParser parser;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public Tokens(JWTParser parser) {
        this.parser = parser;
    }

    /** The token's subject and expiry if its signature, issuer and expiry check out; empty otherwise. */
    public Optional<Verified> verify(String token) {
        Verified known = verified.get(token);
        if (known != null && Instant.now().isBefore(known.expiresAt())) {
            return Optional.of(known);
        }
        Optional<Verified> checked = check(token);
        checked.ifPresent(result -> {
            if (verified.size() >= REMEMBERED) {
                verified.clear();
            }
            verified.put(token, result);
        });
        return checked;
    }

    private Optional<Verified> check(String token) {
        try {
            JsonWebToken jwt = parser.parse(token);
            String subject = jwt.getSubject();
            if (subject == null || subject.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new Verified(subject, Instant.ofEpochSecond(jwt.getExpirationTime())));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
