package ru.spb.feedback.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/** Who is calling, read from the verified token. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    /** The token's {@code sub}: a stable user id, never contact data. */
    public String id() {
        return token.getSubject();
    }

    public Set<String> roles() {
        return token.getGroups();
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    /** The body an officer works for (a municipality's code for its local administration). */
    public Optional<String> organization() {
        return claim("organization");
    }

    public Optional<String> email() {
        return claim("email");
    }

    public Optional<String> name() {
        return claim("name");
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
