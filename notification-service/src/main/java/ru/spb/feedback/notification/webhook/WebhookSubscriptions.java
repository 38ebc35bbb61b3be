package ru.spb.feedback.notification.webhook;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.EventCatalog;
import ru.spb.feedback.notification.delivery.Deliveries;
import ru.spb.feedback.notification.delivery.DeliveryStatus;
import ru.spb.feedback.notification.delivery.DeliveryView;
import ru.spb.feedback.web.PageView;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Integrators' webhook subscriptions: register, list, remove. */
@ApplicationScoped
public class WebhookSubscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SECRET_PREFIX = "whsec_";
    private static final java.util.regex.Pattern MUNICIPALITY_CODE = java.util.regex.Pattern.compile("[0-9]{1,32}");

    @Inject
    SecretCipher cipher;

    @Inject
    TargetGuard guard;

    @Inject
    Deliveries deliveries;

    /**
     * Who is asking: an integrator sees and manages only their own subscriptions, an admin all.
     *
     * @param id    the token subject
     * @param admin whether the caller is an admin
     */
    public record Requester(String id, boolean admin) {
    }

    /** Registers a subscription; the answer is the only place the secret ever appears. */
    @Transactional
    public WebhookView create(Requester requester, CreateWebhookRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        String url = request.url().trim();
        guard.refusal(url).ifPresent(reason -> violations.add(new Problem.Violation("url", reason)));
        for (int i = 0; i < request.eventTypes().size(); i++) {
            String type = request.eventTypes().get(i);
            boolean visible = type != null && EventCatalog.byName(type.trim()).map(EventCatalog::typeOf)
                    .map(known -> known.citizenVisible()).orElse(false);
            if (!visible) {
                violations.add(new Problem.Violation("eventTypes[" + i + "]", "is not a citizen-visible event type"));
            }
        }
        List<String> codes = request.municipalityCodes() == null ? List.of() : request.municipalityCodes();
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) == null || !MUNICIPALITY_CODE.matcher(codes.get(i).trim()).matches()) {
                violations.add(new Problem.Violation("municipalityCodes[" + i + "]", "must be a municipality code (OSM relation id, digits)"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<String> types = new ArrayList<>(new LinkedHashSet<>(request.eventTypes().stream().map(String::trim).toList()));
        List<String> municipalities = new ArrayList<>(new LinkedHashSet<>(codes.stream().map(String::trim).toList()));

        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.ownerId = requester.id();
        subscription.url = url;
        subscription.eventTypes = String.join(",", types);
        subscription.municipalityCodes = WebhookSubscription.join(municipalities);
        subscription.description = request.description() == null || request.description().isBlank() ? null : request.description().trim();
        subscription.ownRequestsOnly = Boolean.TRUE.equals(request.ownRequestsOnly());
        String secret = newSecret();
        subscription.secretCiphertext = cipher.encrypt(secret, subscription.id);
        subscription.active = true;
        subscription.createdAt = now;
        subscription.updatedAt = now;
        subscription.persist();
        return WebhookView.of(subscription, secret);
    }

    @Transactional
    public PageView<WebhookView> list(Requester requester, int page, int size) {
        PanacheQuery<WebhookSubscription> query = requester.admin()
                ? WebhookSubscription.find("active = true", Sort.descending("createdAt", "id"))
                : WebhookSubscription.find("active = true and ownerId = ?1", Sort.descending("createdAt", "id"), requester.id());
        List<WebhookView> items = query.page(Page.of(page, size)).list().stream()
                .map(subscription -> WebhookView.of(subscription, null)).toList();
        return PageView.of(items, page, size, query.count());
    }

    @Transactional
    public WebhookView get(Requester requester, UUID id) {
        return WebhookView.of(visible(requester, id), null);
    }

    /** Switches the subscription off for good and cancels what still waits for it. */
    @Transactional
    public void delete(Requester requester, UUID id) {
        WebhookSubscription subscription = visible(requester, id);
        subscription.active = false;
        subscription.updatedAt = Instant.now();
        deliveries.cancelPending(subscription.id);
    }

    /** The subscription's deliveries with their attempts, newest first. */
    @Transactional
    public PageView<DeliveryView> deliveries(Requester requester, UUID id, DeliveryStatus status, int page, int size) {
        visible(requester, id);
        return deliveries.ofSubscription(id, status, page, size);
    }

    /** A new round of attempts for one of the subscription's deliveries. */
    @Transactional
    public DeliveryView redeliver(Requester requester, UUID id, UUID deliveryId) {
        visible(requester, id);
        return deliveries.redeliver(id, deliveryId);
    }

    /** The subscription if the requester may see it; anyone else's is "not found". */
    @Transactional(Transactional.TxType.MANDATORY)
    public WebhookSubscription visible(Requester requester, UUID id) {
        Optional<WebhookSubscription> subscription = WebhookSubscription.findByIdOptional(id);
        return subscription.filter(found -> found.active)
                .filter(found -> requester.admin() || found.ownerId.equals(requester.id()))
                .orElseThrow(() -> ProblemException.notFound("Webhook " + id));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
