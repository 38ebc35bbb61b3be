package ru.spb.feedback.appeals.appeal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ru.spb.feedback.appeals.category.Category;
import ru.spb.feedback.appeals.category.CategoryCatalog;
import ru.spb.feedback.appeals.config.AppealsConfig;
import ru.spb.feedback.appeals.upload.PhotoRequirement;
import ru.spb.feedback.appeals.upload.Upload;
import ru.spb.feedback.appeals.upload.Uploads;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.CityTime;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.messaging.outbox.Outbox;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;
import ru.spb.feedback.web.RequestIds;
import ru.spb.feedback.web.Roles;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers a citizen's appeal: checks it, stores it as {@code REGISTERED} and writes
 * {@code AppealRegistered} to the outbox, all in one transaction.
 */
@ApplicationScoped
public class AppealIntake {

    /** Tracking numbers carry the registration year in the city's time zone. */

    @Inject
    CategoryCatalog catalog;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    AppealsConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    Uploads uploads;

    /**
     * The author as the token names them.
     *
     * @param id    the token's subject
     * @param email the token's {@code email} claim, may be null
     * @param name  the token's {@code name} claim, may be null
     */
    public record Author(String id, String email, String name) {
        @Override
        public String toString() {
            return "Author[" + id + "]";
        }
    }

    /**
     * The outcome: the appeal, and whether an earlier request with the same Idempotency-Key made it.
     */
    public record Registration(AppealView appeal, boolean replayed) {
    }

    @Transactional
    public Registration submit(Author author, SubmitAppealRequest request, String idempotencyKey) {
        IdempotencyKeys.checkWellFormed(idempotencyKey);
        Category category = checkSemantics(request);
        SubmitAppealRequest.Contact contact = contactOf(author, request);

        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotencyKeys.claim(author.id(), idempotencyKey, idempotencyKeys.fingerprint(request), id);
            if (earlier.isPresent()) {
                Appeal appeal = Appeal.findById(earlier.get());
                return new Registration(AppealView.of(appeal, catalog.get(appeal.categoryCode).name), true);
            }
        }

        AppealView appeal = register(new NewAppeal(id, author.id(), AppealRegistered.Channel.API, category,
                request.description().trim(), request.location() == null ? null : request.location().lat(),
                request.location() == null ? null : request.location().lon(),
                blankToNull(request.address()), request.isOfficial(), contact == null ? null : contact.email(),
                contact == null ? null : contact.name(), null, null, request.photoIds()));
        return new Registration(appeal, false);
    }

    /**
     * An appeal checked by its intake (the API's {@link #submit} or Open311), ready to be stored.
     *
     * @param citizenId    the owner: a citizen's token subject, or an integrator's account for the person
     * @param lat          null with {@code lon} when only an address is known (routing sends it to triage)
     * @param integratorId the integrator of an {@code OPEN311} appeal, else null
     * @param photoIds     the author's uploads to attach, may be null
     */
    public record NewAppeal(UUID id, String citizenId, AppealRegistered.Channel channel, Category category,
                            String description, Double lat, Double lon, String address, boolean official,
                            String contactEmail, String contactName, String integratorId,
                            String mediaUrl, List<UUID> photoIds) {
        @Override
        public String toString() {
            return "NewAppeal[" + id + ", " + channel + "]";
        }
    }

    /**
     * Stores a checked appeal as {@code REGISTERED} with its first history row, attaches its photos
     * and writes {@code AppealRegistered} to the outbox, in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AppealView register(NewAppeal request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Appeal appeal = new Appeal();
        appeal.id = request.id();
        appeal.number = nextNumber(now);
        appeal.citizenId = request.citizenId();
        appeal.channel = request.channel();
        appeal.categoryCode = request.category().code;
        appeal.description = request.description();
        appeal.lat = request.lat();
        appeal.lon = request.lon();
        appeal.address = request.address();
        appeal.official = request.official();
        appeal.contactEmail = request.contactEmail();
        appeal.contactName = request.contactName();
        appeal.integratorId = request.integratorId();
        appeal.mediaUrl = request.mediaUrl();
        appeal.status = AppealStatus.REGISTERED;
        appeal.registeredAt = now;
        appeal.updatedAt = now;
        appeal.persist();
        AppealStatusChange.record(appeal, null, null,
                request.channel() == AppealRegistered.Channel.OPEN311 ? Roles.INTEGRATOR : Roles.CITIZEN, request.citizenId(), null);
        uploads.attach(request.photoIds(), request.citizenId(), appeal.id, Upload.Purpose.APPEAL);
        outbox.add(Topics.APPEAL_EVENTS, AppealEvents.registered(appeal, request.category(), RequestIds.current()));

        meters.counter("appeals.registered", "channel", appeal.channel.name()).increment();
        return AppealView.of(appeal, request.category().name);
    }

    /** What bean validation cannot know: the catalog, the city's area, the duties of an official appeal. */
    private Category checkSemantics(SubmitAppealRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        Optional<Category> category = catalog.find(request.categoryCode().trim());
        if (category.isEmpty()) {
            violations.add(new Problem.Violation("categoryCode", "unknown problem type; see GET /api/v1/categories"));
        } else if (!category.get().active) {
            violations.add(new Problem.Violation("categoryCode", "this problem type is not accepted any more"));
        } else {
            PhotoRequirement.check(category.get(), request.hasPhotos(), Uploads.FIELD).ifPresent(violations::add);
        }
        IntakeRules.descriptionProblem(request.description())
                .ifPresent(problem -> violations.add(new Problem.Violation("description", problem)));
        if (request.location() == null) {
            if (blankToNull(request.address()) == null) {
                violations.add(new Problem.Violation("location", "give a point on the map or an address"));
            }
        } else if (!config.city().contains(request.location().lat(), request.location().lon())) {
            violations.add(new Problem.Violation("location", "is outside St. Petersburg"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return category.get();
    }

    /**
     * The contact stored with the appeal: the body's fields win over the token's. An official
     * appeal under 59-ФЗ is answered only with a name and a reply address, so it needs both.
     */
    private static SubmitAppealRequest.Contact contactOf(Author author, SubmitAppealRequest request) {
        SubmitAppealRequest.Contact given = request.contact();
        String email = firstNonBlank(given == null ? null : given.email(), author.email());
        String name = firstNonBlank(given == null ? null : given.name(), author.name());
        if (request.isOfficial()) {
            List<Problem.Violation> missing = new ArrayList<>();
            if (name == null) {
                missing.add(new Problem.Violation("contact.name", "an official appeal needs the citizen's name (none in the token either)"));
            }
            if (email == null) {
                missing.add(new Problem.Violation("contact.email", "an official appeal needs a reply address (none in the token either)"));
            }
            if (!missing.isEmpty()) {
                throw ProblemException.invalid(missing);
            }
        }
        return email == null && name == null ? null : new SubmitAppealRequest.Contact(email, name);
    }

    private String nextNumber(Instant registeredAt) {
        long sequence = ((Number) entityManager.createNativeQuery("select nextval('appeal_number_seq')").getSingleResult()).longValue();
        return String.format("SPB-%d-%06d", registeredAt.atZone(CityTime.ZONE).getYear(), sequence);
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first.trim();
        }
        return second == null || second.isBlank() ? null : second.trim();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
