package ru.spb.feedback.notification.recipient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A citizen as the receiver of notifications: the contact (stored here once) and the channel
 * preferences. Personal data: never logged, never in an error message.
 */
@Entity
@Table(name = "recipient")
public class Recipient extends PanacheEntityBase {

    @Id
    @Column(name = "citizen_id")
    public String citizenId;

    public String email;

    public String name;

    @Column(name = "email_enabled", nullable = false)
    public boolean emailEnabled;

    /** Null until the citizen saves preferences; from then on appeals no longer change the contact. */
    @Column(name = "preferences_set_at")
    public Instant preferencesSetAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The address e-mails go to now, if the citizen wants e-mail at all. */
    public String emailAddressIfWanted() {
        return emailEnabled && email != null && !email.isBlank() ? email : null;
    }

    @Override
    public String toString() {
        return "Recipient[" + citizenId + "]";
    }
}
