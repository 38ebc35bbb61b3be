package ru.spb.feedback.notification.webhook;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import ru.spb.feedback.notification.config.NotificationConfig;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Encrypts webhook signing secrets at rest with AES-256-GCM. The service must sign with the
 * secret later, so it cannot keep only a hash. Stored form: {@code v1:<key id>:<base64(iv ‖ ciphertext)>};
 * the subscription id is the associated data, so a ciphertext copied onto another row does not
 * decrypt. Previous keys stay readable while secrets move to the current one.
 */
@Singleton
public class SecretCipher {

    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    @Inject
    public SecretCipher(NotificationConfig config) {
        this(config.webhooks().encryptionKey(), config.webhooks().previousEncryptionKeys().orElse(List.of()));
    }

    /** For tests and tools: a current key and earlier ones, each Base64 of 32 bytes. */
    public SecretCipher(String currentKey, List<String> previousKeys) {
        Map<String, SecretKey> all = new LinkedHashMap<>();
        SecretKey current = key(currentKey, "notification.webhooks.encryption-key");
        currentKeyId = keyId(current);
        all.put(currentKeyId, current);
        for (String previous : previousKeys) {
            SecretKey key = key(previous, "notification.webhooks.previous-encryption-keys");
            all.putIfAbsent(keyId(key), key);
        }
        keys = Map.copyOf(all);
    }

    public String encrypt(String secret, UUID subscriptionId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    public String decrypt(String stored, UUID subscriptionId) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("unknown format of a stored webhook secret");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("the key " + parts[1] + " that encrypted a webhook secret is not configured");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored webhook secret does not decrypt (wrong key or tampered)", e);
        }
    }

    private static SecretKey key(String base64, String property) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(property + " must be Base64 of 32 random bytes (AES-256), e.g. `openssl rand -base64 32`");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A short, stable name of a key that does not reveal it. */
    private static String keyId(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
