package ru.spb.feedback.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.notification.config.NotificationConfig;
import ru.spb.feedback.notification.delivery.Channel;
import ru.spb.feedback.notification.delivery.ChannelSender;
import ru.spb.feedback.notification.delivery.Delivery;
import ru.spb.feedback.notification.delivery.ErrorText;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls integrators' webhooks: a JSON POST signed with the subscription's secret. Redirects are
 * not followed (a redirect could lead past the SSRF guard); any 2xx answer counts as delivered.
 * One deadline bounds the whole call, body included, and at most {@link BoundedBody#LIMIT} bytes
 * of the answer are read, so no receiver can hold a call open longer.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

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

    @Override
    public boolean sends(Delivery delivery) {
        return delivery.channel == Channel.WEBHOOK;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Call> prepareCall(Delivery delivery) {
        return prepare(delivery).map(call -> () -> send(call));
    }

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
                .timeout(config.webhooks().callTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.ID_HEADER, call.deliveryId().toString())
                .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(WebhookSignature.EVENT_TYPE_HEADER, call.eventType())
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(call.secret(), timestamp, call.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()))
                .build();
        return withinDeadline(request);
    }

    /** The request's timeout covers the headers only; the body is bounded here, by the same deadline. */
    private int withinDeadline(HttpRequest request) throws IOException, InterruptedException {
        Duration deadline = config.webhooks().callTimeout();
        BoundedBody body = new BoundedBody();
        CompletableFuture<HttpResponse<Void>> response = client().sendAsync(request, info -> body);
        try {
            return response.get(deadline.toMillis(), TimeUnit.MILLISECONDS).statusCode();
        } catch (TimeoutException e) {
            throw new HttpTimeoutException("no complete answer within " + deadline);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(ErrorText.of(e.getCause()), e.getCause());
        } finally {
            if (!response.isDone()) {
                body.cancel();
                response.cancel(true);
            }
        }
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
