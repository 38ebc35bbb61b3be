package ru.spb.feedback.gateway;

import ru.spb.feedback.devinfra.DevTokens;

import java.time.Duration;

/** Real RS256 tokens signed with the dev key the gateway trusts in tests. */
final class SignedTokens {

    private static final DevTokens DEV = DevTokens.fromRepository();

    private SignedTokens() {
    }

    static String citizen(String subject) {
        return DEV.subject(subject).group("citizen").sign();
    }

    static String citizen(String subject, Duration lifetime) {
        return DEV.subject(subject).group("citizen").lifetime(lifetime).sign();
    }

    static String expired(String subject) {
        return DEV.subject(subject).group("citizen").lifetime(Duration.ofHours(-1)).sign();
    }

    /** Signed by a key nobody trusts. */
    static String foreign(String subject) throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pem = java.nio.file.Files.createTempFile("foreign-key", ".pem");
        var key = generator.generateKeyPair().getPrivate();
        java.nio.file.Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        try {
            return DevTokens.fromPem(pem).subject(subject).group("citizen").sign();
        } finally {
            java.nio.file.Files.delete(pem);
        }
    }
}
