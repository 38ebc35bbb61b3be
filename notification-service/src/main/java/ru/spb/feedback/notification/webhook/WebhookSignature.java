package ru.spb.feedback.notification.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * How a webhook request is signed, for receivers to verify: HMAC-SHA256 with the subscription's
 * secret (its UTF-8 bytes) over {@code <timestamp>.<body>}, hex-encoded, sent as
 * {@code Webhook-Signature: sha256=<hex>} beside {@code Webhook-Timestamp} (Unix seconds).
 * Receivers should reject timestamps far from now to defeat replays.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "Webhook-Id";
    public static final String TIMESTAMP_HEADER = "Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "Webhook-Signature";
    public static final String EVENT_TYPE_HEADER = "Webhook-Event-Type";
    public static final String SCHEME = "sha256=";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return SCHEME + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a webhook", e);
        }
    }
}
