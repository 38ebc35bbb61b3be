package ru.spb.feedback.notification.webhook;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Webhook secrets at rest: AES-256-GCM, bound to their subscription, readable across a key rotation. */
class SecretCipherTest {

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void encryptsSoThatOnlyTheSameKeyAndSubscriptionDecrypt() {
        String key = newKey();
        SecretCipher cipher = new SecretCipher(key, List.of());
        UUID subscription = UUID.randomUUID();
        String stored = cipher.encrypt("whsec_abc", subscription);

        assertThat(stored).startsWith("v1:").doesNotContain("whsec_abc");
        assertThat(cipher.encrypt("whsec_abc", subscription)).isNotEqualTo(stored); // fresh IV each time
        assertThat(cipher.decrypt(stored, subscription)).isEqualTo("whsec_abc");
        assertThatThrownBy(() -> cipher.decrypt(stored, UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher(newKey(), List.of()).decrypt(stored, subscription))
                .hasMessageContaining("is not configured");
        String tampered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.decrypt(tampered, subscription)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsSecretsOfAPreviousKeyAfterARotation() {
        String old = newKey();
        UUID subscription = UUID.randomUUID();
        String stored = new SecretCipher(old, List.of()).encrypt("whsec_old", subscription);
        SecretCipher rotated = new SecretCipher(newKey(), List.of(old));
        assertThat(rotated.decrypt(stored, subscription)).isEqualTo("whsec_old");
        assertThat(rotated.encrypt("whsec_new", subscription).split(":")[1]).isNotEqualTo(stored.split(":")[1]);
    }

    @Test
    void refusesKeysThatAreNotAes256() {
        assertThatThrownBy(() -> new SecretCipher(Base64.getEncoder().encodeToString(new byte[16]), List.of()))
                .hasMessageContaining("32 random bytes");
        assertThatThrownBy(() -> new SecretCipher("not base64!", List.of())).hasMessageContaining("not Base64");
    }
}
