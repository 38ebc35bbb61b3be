package ru.spb.feedback.gateway;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.devinfra.DevTokens;
import ru.spb.feedback.gateway.edge.Tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway remembers tokens it verified (ADR 0020): a remembered token must never outlive its
 * {@code exp}, and remembering one never lets another through. Real RS256 tokens and smallrye-jwt's
 * own parser, without clock skew so expiry is exact.
 */
class TokensTest {

    private final Tokens tokens = new Tokens(parser());

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        String token = SignedTokens.citizen("c-expiring", Duration.ofSeconds(2));
        Instant exp = tokens.verify(token).orElseThrow().expiresAt();
        assertThat(tokens.verify(token)).isPresent();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(exp.plusMillis(1100)));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void rememberingATokenLetsNoOtherThrough() throws Exception {
        String good = SignedTokens.citizen("c-good");
        assertThat(tokens.verify(good)).map(Tokens.Verified::subject).contains("c-good");
        String[] parts = good.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThat(tokens.verify(otherSignature)).isEmpty();
        assertThat(tokens.verify(SignedTokens.foreign("c-good"))).isEmpty();
        assertThat(tokens.verify(SignedTokens.expired("c-good"))).isEmpty();
        assertThat(tokens.verify(good)).isPresent();
    }

    private static DefaultJWTParser parser() {
        try {
            String pem = Files.readString(Path.of("../dev/jwt/public-key.pem"));
            JWTAuthContextInfo context = new JWTAuthContextInfo(KeyUtils.decodePublicKey(pem), DevTokens.ISSUER);
            context.setClockSkew(0);
            return new DefaultJWTParser(context);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
