package ru.spb.feedback.devinfra;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class DevTokensTest {

    @Test
    void signsTokensThatTheDevPublicKeyVerifies() throws Exception {
        String token = DevTokens.fromRepository().subject("officer-1").group("officer")
                .organization("1123300").email("o@example.org").name("Мария").sign();

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(devPublicKey());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"iss\":\"https://dev.feedback.spb.local\"")
                .contains("\"sub\":\"officer-1\"")
                .contains("\"groups\":[\"officer\"]")
                .contains("\"organization\":\"1123300\"")
                .contains("\"name\":\"Мария\"");
    }

    private static PublicKey devPublicKey() throws Exception {
        String pem = Files.readString(RepositoryFiles.find("dev/jwt/public-key.pem"))
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
