package ru.spb.feedback.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints RS256 tokens with the development key pair in {@code dev/jwt}. For local runs and tests
 * only: production trusts the identity provider's keys, never these.
 */
public final class DevTokens {

    /** The issuer every service trusts in dev and test. */
    public static final String ISSUER = "https://dev.feedback.spb.local";

    private final PrivateKey key;

    private DevTokens(PrivateKey key) {
        this.key = key;
    }

    /** Reads {@code dev/jwt/private-key.pem} from the repository this code runs in. */
    public static DevTokens fromRepository() {
        return fromPem(RepositoryFiles.find("dev/jwt/private-key.pem"));
    }

    public static DevTokens fromPem(Path privateKeyPem) {
        try {
            String pem = Files.readString(privateKeyPem, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(pem);
            return new DevTokens(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + privateKeyPem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(privateKeyPem + " is not a PKCS#8 RSA private key", e);
        }
    }

    public Builder subject(String subject) {
        return new Builder(subject);
    }

    /** The claims of one token; {@link #sign()} produces the compact JWT. */
    public final class Builder {
        private final String subject;
        private final List<String> groups = new ArrayList<>();
        private String organization;
        private String email;
        private String name;
        private Duration lifetime = Duration.ofHours(12);

        private Builder(String subject) {
            this.subject = subject;
        }

        /** One of citizen, officer, moderator, admin, integrator; may be called more than once. */
        public Builder group(String group) {
            groups.add(group);
            return this;
        }

        /** The body an officer works for; for a municipality's administration its code (OSM relation id). */
        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public String sign() {
            Instant now = Instant.now();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", ISSUER);
            claims.put("sub", subject);
            claims.put("upn", subject);
            claims.put("groups", groups);
            if (organization != null) {
                claims.put("organization", organization);
            }
            if (email != null) {
                claims.put("email", email);
            }
            if (name != null) {
                claims.put("name", name);
            }
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", now.plus(lifetime).getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
            String signingInput = base64Url(Json.write(Map.of("alg", "RS256", "typ", "JWT")))
                    + "." + base64Url(Json.write(claims));
            try {
                Signature signature = Signature.getInstance("SHA256withRSA");
                signature.initSign(key);
                signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign a token", e);
            }
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
