package ru.spb.feedback.gateway.edge;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Verifies bearer tokens with the same key and issuer as the services (mp.jwt.verify.*). */
@ApplicationScoped
public class Tokens {

    private final JWTParser parser;

    Tokens(JWTParser parser) {
        this.parser = parser;
    }

    /** The token's subject if its signature, issuer and expiry check out; empty otherwise. */
    public Optional<String> subjectOf(String token) {
        try {
            JsonWebToken jwt = parser.parse(token);
            return Optional.ofNullable(jwt.getSubject()).filter(subject -> !subject.isBlank());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
