package ru.spb.feedback.gateway.webapp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo accounts of the local run ({@code dev/demo-accounts.json}, which {@code ./platform token} reads too) and the
 * dev key that signs their tokens. Both are configured only by the local run; without them there is nothing here.
 */
@ApplicationScoped
public class DemoAccounts {

    /** Long enough for a demo session, short enough that a copied token does not live for days. */
    static final Duration LIFETIME = Duration.ofHours(12);

    /** One demo account, as {@code dev/demo-accounts.json} lists it. */
    public record Account(String subject, String role, String label, String organization, String email, String name) {
    }

    private final List<Account> accounts;
    private final Optional<PrivateKey> key;
    private final String issuer;

    DemoAccounts(WebAppConfig config, ObjectMapper json, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.key = config.devSignIn().privateKeyLocation().map(DemoAccounts::readKey);
        this.accounts = key.isEmpty() ? List.of()
                : config.devSignIn().accountsLocation().map(path -> read(path, json)).orElse(List.of());
        this.issuer = issuer;
    }

    public boolean enabled() {
        return key.isPresent() && !accounts.isEmpty();
    }

    public List<Account> accounts() {
        return accounts;
    }

    public Optional<Account> find(String subject) {
        return accounts.stream().filter(account -> account.subject().equals(subject)).findFirst();
    }

    /** A token as the identity provider would issue it: issuer, subject, the role in {@code groups}, 12 h. */
    public String sign(Account account) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer).subject(account.subject()).upn(account.subject())
                .groups(Set.of(account.role())).expiresIn(LIFETIME);
        if (account.organization() != null) {
            claims.claim("organization", account.organization());
        }
        if (account.email() != null) {
            claims.claim("email", account.email());
        }
        if (account.name() != null) {
            claims.claim("name", account.name());
        }
        return claims.jws().sign(key.orElseThrow());
    }

    private static List<Account> read(Path path, ObjectMapper json) {
        try {
            return List.copyOf(json.readValue(path.toFile(), new TypeReference<List<Account>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo accounts " + path, e);
        }
    }

    private static PrivateKey readKey(Path pem) {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(pem, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dev key " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(pem + " is not a PKCS#8 RSA private key", e);
        }
    }
}
