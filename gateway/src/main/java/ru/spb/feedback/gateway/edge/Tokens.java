package ru.spb.feedback.gateway.edge;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Optional;

/** Verifies bearer tokens with the same key and issuer as the services (mp.jwt.verify.*). */
@ApplicationScoped
public class Tokens {

    /** A token that checked out: whose it is and until when it is valid. */
    public record Verified(String subject, Instant expiresAt) {
    }

    private final JWTParser parser;

    Tokens(JWTParser parser) {
        this.parser = parser;
    }

    /** The token's subject and expiry if its signature, issuer and expiry check out; empty otherwise. */
    public Optional<Verified> verify(String token) {
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
