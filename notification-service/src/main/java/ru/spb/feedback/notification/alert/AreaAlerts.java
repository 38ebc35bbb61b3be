package ru.spb.feedback.notification.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.messaging.jobs.ClusterLock;
import ru.spb.feedback.notification.config.NotificationConfig;
import ru.spb.feedback.notification.delivery.Deliveries;
import ru.spb.feedback.notification.template.TrackedAppeal;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Area alerts with double opt-in: anyone subscribes with an e-mail address, gets only a
 * confirmation e-mail until its link is used, then one e-mail per matching appeal and step, each
 * with a one-click unsubscribe. Matching runs in the consumer's transaction of the event.
 */
@ApplicationScoped
public class AreaAlerts {

    private static final Logger LOG = Logger.getLogger(AreaAlerts.class);

    /** The city's bounding box: a circle's centre must be inside. */
    static final double MIN_LAT = 59.6;
    static final double MAX_LAT = 60.3;
    static final double MIN_LON = 29.4;
    static final double MAX_LON = 30.8;
    static final int MIN_RADIUS = 100;
    static final int MAX_RADIUS = 5000;
    static final int MAX_EMAIL = 254;
    /** Mean Earth radius (IUGG), for the haversine distance. */
    private static final double EARTH_RADIUS_METERS = 6_371_008.8;
    /**
     * A box around the appeal that holds every circle able to contain it, so the exact distance is
     * computed for few rows: 0.05° of latitude is 5.5 km, 0.1° of longitude at 59.6° N is 5.6 km.
     */
    private static final double BOX_LAT = 0.05;
    private static final double BOX_LON = 0.1;
    static final int MAX_MUNICIPALITY_CODE = 32;
    /** NEW and ANSWERED, each once. */
    static final int MAX_EVENTS = 2;
    /** A link's token is 43 characters; anything much longer is not one of ours. */
    static final int MAX_TOKEN = 200;
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("[0-9]{1," + MAX_MUNICIPALITY_CODE + "}");
    /** local@domain.tld, no spaces: enough to catch typos; the confirmation e-mail proves the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]+");

    @Inject
    EntityManager entityManager;

    @Inject
    ClusterLock clusterLock;

    @Inject
    Deliveries deliveries;

    @Inject
    AlertTokens tokens;

    @Inject
    NotificationConfig config;

    /**
     * Stores an unconfirmed subscription and schedules its confirmation e-mail — unless this address
     * asked for too many unconfirmed ones lately; the caller is told the same either way.
     */
    @Transactional
    public SubscribeAnswer subscribe(SubscribeRequest request) {
        validate(request);
        String email = request.email().trim();
        String emailHash = AlertTokens.hash(email.toLowerCase(Locale.ROOT));
        // two requests for one address at once must not both slip under the cap
        clusterLock.lockForTransaction("area-alert-subscribe:" + emailHash);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long unconfirmed = ((Number) entityManager.createNativeQuery("""
                        select count(*) from area_alert
                        where email_hash = :hash and confirmed_at is null and created_at > :since""")
                .setParameter("hash", emailHash)
                .setParameter("since", Timestamp.from(now.minus(config.areaAlerts().capWindow())))
                .getSingleResult()).longValue();
        if (unconfirmed >= config.areaAlerts().unconfirmedCap()) {
            LOG.infof("an address has %d unconfirmed area alerts within %s already; no confirmation e-mail sent",
                    config.areaAlerts().unconfirmedCap(), config.areaAlerts().capWindow()); // never which address
            return SubscribeAnswer.CONFIRMATION_SENT;
        }
        AreaAlert alert = new AreaAlert();
        alert.id = UUID.randomUUID();
        alert.email = email;
        alert.emailHash = emailHash;
        if (request.municipalityCode() != null) {
            alert.municipalityCode = request.municipalityCode().trim();
        } else {
            alert.lat = request.lat();
            alert.lon = request.lon();
            alert.radiusMeters = request.radiusMeters();
        }
        alert.notifyNew = request.events().stream().anyMatch(event -> event.trim().equals(AlertEvent.NEW.name()));
        alert.notifyAnswered = request.events().stream().anyMatch(event -> event.trim().equals(AlertEvent.ANSWERED.name()));
        alert.createdAt = now;
        alert.persist();
        entityManager.flush(); // the delivery refers to it
        deliveries.scheduleAreaAlertConfirmation(alert.id);
        return SubscribeAnswer.CONFIRMATION_SENT;
    }

    /** The confirmation link was used: alerts go out from now on. Again with the same token: the same answer. */
    @Transactional
    public AreaAlertView confirm(TokenRequest request) {
        String token = required(request);
        AlertTokens.Found found = tokens.find(token, AlertTokens.Purpose.CONFIRM).orElseThrow(AreaAlerts::unknownToken);
        AreaAlert alert = AreaAlert.findById(found.alertId(), LockModeType.PESSIMISTIC_WRITE);
        if (alert == null || alert.unsubscribedAt != null) {
            throw unknownToken();
        }
        if (alert.confirmedAt == null) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            if (found.expiresAt() != null && !found.expiresAt().isAfter(now)) {
                throw unknownToken();
            }
            alert.confirmedAt = now;
            alert.emailHash = null; // only unconfirmed subscriptions count towards the cap
        }
        return AreaAlertView.of(alert);
    }

    /** The unsubscribe link (or a mail program's one-click POST): nothing more is sent, the address is erased at once. */
    @Transactional
    public UnsubscribedView unsubscribe(String token) {
        AlertTokens.Found found = tokens.find(required(token), AlertTokens.Purpose.UNSUBSCRIBE).orElseThrow(AreaAlerts::unknownToken);
        AreaAlert alert = AreaAlert.findById(found.alertId(), LockModeType.PESSIMISTIC_WRITE);
        if (alert == null) {
            throw unknownToken();
        }
        if (alert.unsubscribedAt == null) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            alert.unsubscribedAt = now;
            alert.eraseEmail(now); // waiting alerts find no address and are cancelled
        }
        return UnsubscribedView.of(alert);
    }

    /** {@code AppealRouted}: from now on the public view shows the appeal; subscribers of NEW around it hear of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appealRouted(EventEnvelope envelope, TrackedAppeal appeal) {
        alert(envelope, appeal, AlertEvent.NEW);
    }

    /** {@code AppealAnswered}: subscribers of ANSWERED around the appeal hear of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appealAnswered(EventEnvelope envelope, TrackedAppeal appeal) {
        alert(envelope, appeal, AlertEvent.ANSWERED);
    }

    /**
     * Erases the addresses of subscriptions that were never confirmed and can no longer be: every
     * confirmation link has expired and the confirmation e-mail is past its retries. Returns how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseUnconfirmed(Instant now) {
        Instant cutoff = now.minus(config.areaAlerts().confirmationTtl()).minus(config.email().retryWindow());
        return entityManager.createNativeQuery("""
                        update area_alert set email = null, email_hash = null, email_erased_at = :now
                        where confirmed_at is null and email_erased_at is null and created_at < :cutoff""")
                .setParameter("now", Timestamp.from(now))
                .setParameter("cutoff", Timestamp.from(cutoff))
                .executeUpdate();
    }

    private void alert(EventEnvelope envelope, TrackedAppeal appeal, AlertEvent event) {
        // the same rule as the public view: not official and of a public problem type, both known
        if (!appeal.shownPublicly()) {
            return;
        }
        for (UUID alertId : matching(appeal, event)) {
            int recorded = entityManager.createNativeQuery("""
                            insert into area_alert_match (alert_id, appeal_id, event, matched_at) values (:alert, :appeal, :event, :now)
                            on conflict do nothing""")
                    .setParameter("alert", alertId)
                    .setParameter("appeal", appeal.appealId)
                    .setParameter("event", event.name())
                    .setParameter("now", Timestamp.from(Instant.now()))
                    .executeUpdate();
            if (recorded == 1) { // a re-routed appeal, or a redelivered event, was announced before
                deliveries.scheduleAreaAlert(envelope, alertId);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> matching(TrackedAppeal appeal, AlertEvent event) {
        boolean byMunicipality = appeal.municipalityCode != null;
        boolean byCircle = appeal.lat != null && appeal.lon != null;
        if (!byMunicipality && !byCircle) {
            return List.of();
        }
        List<String> areas = new ArrayList<>();
        if (byMunicipality) {
            areas.add("municipality_code = :code");
        }
        if (byCircle) {
            areas.add("""
                    (lat between :lat - %s and :lat + %s and lon between :lon - %s and :lon + %s
                     and 2 * %s * asin(sqrt(power(sin(radians(:lat - lat) / 2), 2)
                         + cos(radians(lat)) * cos(radians(:lat)) * power(sin(radians(:lon - lon) / 2), 2))) <= radius_meters)"""
                    .formatted(BOX_LAT, BOX_LAT, BOX_LON, BOX_LON, EARTH_RADIUS_METERS));
        }
        var query = entityManager.createNativeQuery("""
                select id from area_alert
                where confirmed_at is not null and unsubscribed_at is null and email is not null and %s
                  and (%s)""".formatted(event == AlertEvent.NEW ? "notify_new" : "notify_answered", String.join(" or ", areas)));
        if (byMunicipality) {
            query.setParameter("code", appeal.municipalityCode);
        }
        if (byCircle) {
            query.setParameter("lat", appeal.lat).setParameter("lon", appeal.lon);
        }
        return (List<UUID>) query.getResultList();
    }

    private static void validate(SubscribeRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "is required");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        String email = request.email() == null ? null : request.email().trim();
        if (email == null || email.isEmpty()) {
            violations.add(new Problem.Violation("email", "is required"));
        } else if (email.length() > MAX_EMAIL) {
            violations.add(new Problem.Violation("email", "must be at most " + MAX_EMAIL + " characters"));
        } else if (!EMAIL.matcher(email).matches()) {
            violations.add(new Problem.Violation("email", "must be an e-mail address"));
        }
        boolean circle = request.lat() != null || request.lon() != null || request.radiusMeters() != null;
        if (request.municipalityCode() != null) {
            if (circle) {
                violations.add(new Problem.Violation("municipalityCode",
                        "give either municipalityCode or lat, lon and radiusMeters, not both"));
            } else if (!MUNICIPALITY_CODE.matcher(request.municipalityCode().trim()).matches()) {
                violations.add(new Problem.Violation("municipalityCode", "must be a municipality code (OSM relation id, digits)"));
            }
        } else {
            if (request.lat() == null) {
                violations.add(new Problem.Violation("lat", "is required (or municipalityCode instead of a circle)"));
            } else if (!(request.lat() >= MIN_LAT && request.lat() <= MAX_LAT)) {
                violations.add(new Problem.Violation("lat", "must be between " + MIN_LAT + " and " + MAX_LAT + " (St. Petersburg)"));
            }
            if (request.lon() == null) {
                violations.add(new Problem.Violation("lon", "is required (or municipalityCode instead of a circle)"));
            } else if (!(request.lon() >= MIN_LON && request.lon() <= MAX_LON)) {
                violations.add(new Problem.Violation("lon", "must be between " + MIN_LON + " and " + MAX_LON + " (St. Petersburg)"));
            }
            if (request.radiusMeters() == null) {
                violations.add(new Problem.Violation("radiusMeters", "is required (or municipalityCode instead of a circle)"));
            } else if (request.radiusMeters() < MIN_RADIUS || request.radiusMeters() > MAX_RADIUS) {
                violations.add(new Problem.Violation("radiusMeters", "must be between " + MIN_RADIUS + " and " + MAX_RADIUS));
            }
        }
        if (request.events() == null || request.events().isEmpty()) {
            violations.add(new Problem.Violation("events", "must name at least one of [NEW, ANSWERED]"));
        } else if (request.events().size() > MAX_EVENTS) {
            violations.add(new Problem.Violation("events", "must name each of [NEW, ANSWERED] at most once"));
        } else {
            for (int i = 0; i < request.events().size(); i++) {
                String event = request.events().get(i);
                if (event == null || !(event.trim().equals(AlertEvent.NEW.name()) || event.trim().equals(AlertEvent.ANSWERED.name()))) {
                    violations.add(new Problem.Violation("events[" + i + "]", "must be one of [NEW, ANSWERED]"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static String required(TokenRequest request) {
        return required(request == null ? null : request.token());
    }

    /** A link's token, from the body or (one-click unsubscribe) the query. */
    private static String required(String token) {
        if (token == null || token.isBlank()) {
            throw ProblemException.invalid("token", "is required");
        }
        if (token.length() > MAX_TOKEN) {
            throw ProblemException.invalid("token", "must be at most " + MAX_TOKEN + " characters");
        }
        return token.trim();
    }

    private static ProblemException unknownToken() {
        return new ProblemException(Problem.of(404, "area-alert-token-unknown", "Not found",
                "The link is unknown or has expired"));
    }
}
