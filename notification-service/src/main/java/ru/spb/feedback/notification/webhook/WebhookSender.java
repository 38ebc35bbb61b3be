package ru.spb.feedback.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.notification.config.NotificationConfig;
import ru.spb.feedback.notification.delivery.Delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Calls integrators' webhooks: a JSON POST signed with the subscription's secret. Redirects are
 * not followed (a redirect could lead past the SSRF guard); any 2xx answer counts as delivered.
 */
@ApplicationScoped
public class WebhookSender {

    private static final String USER_AGENT = "spb-feedback-notification/1.0";

    @Inject
    NotificationConfig config;

    @Inject
    SecretCipher cipher;

    @Inject
    TargetGuard guard;

    @Inject
    WebhookPayloads payloads;

    private volatile HttpClient client;

    /** The call for a delivery, or empty if its subscription is gone or switched off. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<WebhookCall> prepare(Delivery delivery) {
        WebhookSubscription subscription = WebhookSubscription.findById(delivery.subscriptionId);
        if (subscription == null || !subscription.active) {
            return Optional.empty();
        }
        String body = payloads.forSending(delivery, subscription.ownerId);
        return Optional.of(new WebhookCall(delivery.id, subscription.url,
                cipher.decrypt(subscription.secretCiphertext, subscription.id), delivery.eventType,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends the call; the receiver's HTTP status, or an exception if there was no answer. */
    public int send(WebhookCall call) throws IOException, InterruptedException {
        Optional<String> refusal = guard.refusal(call.url());
        if (refusal.isPresent()) {
            throw new TargetRefusedException("the webhook URL " + refusal.get());
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(call.url()))
                .timeout(config.webhooks().requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.ID_HEADER, call.deliveryId().toString())
                .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(WebhookSignature.EVENT_TYPE_HEADER, call.eventType())
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(call.secret(), timestamp, call.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()))
                .build();
        return client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(config.webhooks().connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
            }
        }
        return client;
    }

    /** The target is not allowed (any more): DNS now points somewhere internal, say. */
    public static class TargetRefusedException extends IOException {
        public TargetRefusedException(String message) {
            super(message);
        }
    }
}
