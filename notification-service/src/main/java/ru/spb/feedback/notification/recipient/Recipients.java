package ru.spb.feedback.notification.recipient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;

import java.time.Instant;
import java.util.Optional;

/** The citizen's contact and channel preferences. */
@ApplicationScoped
public class Recipients {

    @Inject
    EntityManager entityManager;

    /**
     * Keeps the contact an appeal carried, unless the citizen has set preferences (then only a
     * missing name is filled in). A null contact changes nothing but makes sure the row exists.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rememberContact(String citizenId, AppealRegistered.CitizenContact contact) {
        String email = contact == null ? null : blankToNull(contact.email());
        String name = contact == null ? null : blankToNull(contact.name());
        entityManager.createNativeQuery("""
                        insert into recipient (citizen_id, email, name, email_enabled, updated_at)
                        values (:citizen, :email, :name, true, :now)
                        on conflict (citizen_id) do update set
                            email = case when recipient.preferences_set_at is null
                                         then coalesce(excluded.email, recipient.email) else recipient.email end,
                            name = case when recipient.preferences_set_at is null
                                        then coalesce(excluded.name, recipient.name) else coalesce(recipient.name, excluded.name) end,
                            updated_at = excluded.updated_at""")
                .setParameter("citizen", citizenId)
                .setParameter("email", email)
                .setParameter("name", name)
                .setParameter("now", Instant.now())
                .executeUpdate();
    }

    public Optional<Recipient> find(String citizenId) {
        return Optional.ofNullable(Recipient.findById(citizenId));
    }

    /** The preferences as the citizen sees them; the token's e-mail stands in while none is stored. */
    @Transactional
    public PreferencesView preferences(String citizenId, String tokenEmail) {
        Optional<Recipient> recipient = find(citizenId);
        String address = recipient.map(r -> r.email).filter(email -> !email.isBlank()).orElse(blankToNull(tokenEmail));
        boolean emailOn = recipient.map(r -> r.emailEnabled).orElse(true);
        boolean customized = recipient.map(r -> r.preferencesSetAt != null).orElse(false);
        return new PreferencesView(new PreferencesView.Channels(true, emailOn), address, customized,
                recipient.map(r -> r.updatedAt).orElse(null));
    }

    /**
     * Saves the citizen's choices. The address is the one given, else the stored one, else the
     * token's; e-mail on without any address is refused.
     */
    @Transactional
    public PreferencesView save(String citizenId, String tokenEmail, String tokenName, UpdatePreferencesRequest request) {
        if (request.channels().inApp() != null && !request.channels().inApp()) {
            throw ProblemException.invalid("channels.inApp", "in-app notifications cannot be switched off");
        }
        Recipient recipient = Recipient.findById(citizenId);
        if (recipient == null) {
            recipient = new Recipient();
            recipient.citizenId = citizenId;
        }
        String address = blankToNull(request.email());
        if (address == null) {
            address = recipient.email != null ? recipient.email : blankToNull(tokenEmail);
        }
        boolean emailOn = request.channels().email();
        if (emailOn && address == null) {
            throw new ProblemException(Problem.validation(java.util.List.of(new Problem.Violation("email",
                    "an e-mail address is needed to switch e-mail on (none in the token either)"))));
        }
        Instant now = Instant.now();
        recipient.email = address;
        recipient.name = recipient.name != null ? recipient.name : blankToNull(tokenName);
        recipient.emailEnabled = emailOn;
        recipient.preferencesSetAt = now;
        recipient.updatedAt = now;
        recipient.persist();
        return new PreferencesView(new PreferencesView.Channels(true, emailOn), address, true, now);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
