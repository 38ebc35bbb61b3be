package ru.spb.feedback.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Someone's subscription to alerts about appeals in a circle or in one municipality. Nothing but
 * the confirmation e-mail is sent until it is confirmed; the address (personal data) is erased
 * when it is unsubscribed, or once an unconfirmed one can no longer be confirmed.
 */
@Entity
@Table(name = "area_alert")
public class AreaAlert extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Where alerts go; null once erased. Never logged. */
    public String email;

    /** SHA-256 of the lower-cased address, for the cap on unconfirmed subscriptions; null once confirmed or erased. */
    @Column(name = "email_hash")
    public String emailHash;

    /** The circle's centre as given (with {@link #lon} and {@link #radiusMeters}); null for a municipality. */
    public Double lat;

    public Double lon;

    @Column(name = "radius_meters")
    public Integer radiusMeters;

    /** The municipality (OSM relation id); null for a circle. */
    @Column(name = "municipality_code")
    public String municipalityCode;

    @Column(name = "notify_new", nullable = false)
    public boolean notifyNew;

    @Column(name = "notify_answered", nullable = false)
    public boolean notifyAnswered;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    @Column(name = "email_erased_at")
    public Instant emailErasedAt;

    /** Alerts may go out: confirmed, not unsubscribed, the address still known. */
    public boolean active() {
        return confirmedAt != null && unsubscribedAt == null && email != null;
    }

    public List<AlertEvent> events() {
        List<AlertEvent> events = new ArrayList<>();
        if (notifyNew) {
            events.add(AlertEvent.NEW);
        }
        if (notifyAnswered) {
            events.add(AlertEvent.ANSWERED);
        }
        return events;
    }

    /** Forgets the address (personal data); the rest stays, without it, so the tokens still answer. */
    void eraseEmail(Instant now) {
        email = null;
        emailHash = null;
        if (emailErasedAt == null) {
            emailErasedAt = now;
        }
    }

    @Override
    public String toString() {
        return "AreaAlert[" + id + "]"; // never the address
    }
}
