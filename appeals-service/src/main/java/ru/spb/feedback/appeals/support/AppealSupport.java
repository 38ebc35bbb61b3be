package ru.spb.feedback.appeals.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.AppealAccess;
import ru.spb.feedback.appeals.appeal.AppealEvents;
import ru.spb.feedback.appeals.appeal.AppealView;
import ru.spb.feedback.appeals.category.CategoryCatalog;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.AppealSupported;
import ru.spb.feedback.contracts.AppealSupportWithdrawn;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.messaging.outbox.Outbox;
import ru.spb.feedback.web.PageView;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;
import ru.spb.feedback.web.RequestIds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A citizen supports another citizen's appeal instead of filing the same problem again, or
 * withdraws that support. The supporter row (primary key appeal and citizen) makes a repeat a
 * no-op; the appeal's count changes by an atomic increment in the same transaction, under a lock
 * on the appeal row, so concurrent supports never lose one and events carry increasing counts.
 */
@ApplicationScoped
public class AppealSupport {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    CategoryCatalog catalog;

    /**
     * Adds the caller as a supporter and writes {@code AppealSupported} to the outbox; a repeat
     * answers the same and writes nothing.
     */
    @Transactional
    public AppealSupportView support(String citizenId, UUID appealId) {
        Appeal appeal = AppealAccess.locked(appealId);
        if (!openToOthers(appeal)) {
            throw ProblemException.notFound("Appeal " + appealId);
        }
        if (appeal.citizenId.equals(citizenId)) {
            throw new ProblemException(Problem.of(409, "own-appeal", "Own appeal",
                    "You filed appeal " + appeal.number + " yourself; supporting is for other citizens with the same problem"));
        }
        if (appeal.status.isFinished()) {
            throw ProblemException.conflict("appeal-finished",
                    "Appeal " + appeal.number + " is " + appeal.status + "; a finished appeal cannot be supported");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int added = entityManager.createNativeQuery("""
                        insert into appeal_supporter (appeal_id, citizen_id, supported_at) values (:appeal, :citizen, :now)
                        on conflict (appeal_id, citizen_id) do nothing""")
                .setParameter("appeal", appealId)
                .setParameter("citizen", citizenId)
                .setParameter("now", now)
                .executeUpdate();
        if (added == 0) {
            return view(appeal, appeal.supporters, supportedSince(appealId, citizenId));
        }
        int supporters = addToCount(appealId, 1);
        // the envelope stays the author's (citizenId): the supporter is only named in the payload
        outbox.add(Topics.APPEAL_EVENTS, EventEnvelope.wrap(new AppealSupported(citizenId, supporters), AppealEvents.ref(appeal), now,
                RequestIds.current()));
        return view(appeal, supporters, Optional.of(now));
    }

    /**
     * Removes the caller's support and writes {@code AppealSupportWithdrawn}, so notifications to
     * them stop; without support (or for one's own appeal) nothing changes and nothing is written.
     * A finished appeal can still lose a supporter: that only changes its count.
     */
    @Transactional
    public AppealSupportView withdraw(String citizenId, UUID appealId) {
        Appeal appeal = AppealAccess.locked(appealId);
        int removed = entityManager.createNativeQuery("delete from appeal_supporter where appeal_id = :appeal and citizen_id = :citizen")
                .setParameter("appeal", appealId)
                .setParameter("citizen", citizenId)
                .executeUpdate();
        if (removed == 0) {
            if (!openToOthers(appeal)) {
                throw ProblemException.notFound("Appeal " + appealId);
            }
            return view(appeal, appeal.supporters, Optional.empty());
        }
        int supporters = addToCount(appealId, -1);
        outbox.add(Topics.APPEAL_EVENTS, EventEnvelope.wrap(new AppealSupportWithdrawn(citizenId, supporters), AppealEvents.ref(appeal),
                Instant.now().truncatedTo(ChronoUnit.MICROS), RequestIds.current()));
        return view(appeal, supporters, Optional.empty());
    }

    /** The appeals the caller supports, most recently supported first. */
    @Transactional
    public PageView<AppealSupportView> supportedBy(String citizenId, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select a.id, a.number, a.category_code, a.status, a.supporters, s.supported_at
                        from appeal_supporter s join appeal a on a.id = s.appeal_id
                        where s.citizen_id = :citizen
                        order by s.supported_at desc, a.id
                        offset :offset limit :limit""")
                .setParameter("citizen", citizenId)
                .setParameter("offset", (long) page * size)
                .setParameter("limit", size)
                .getResultList();
        long total = ((Number) entityManager.createNativeQuery("select count(*) from appeal_supporter where citizen_id = :citizen")
                .setParameter("citizen", citizenId).getSingleResult()).longValue();
        Map<String, String> names = catalog.names(rows.stream().map(row -> (String) row[2]).collect(Collectors.toSet()));
        List<AppealSupportView> items = rows.stream().map(row -> new AppealSupportView((UUID) row[0], (String) row[1],
                new AppealView.CategoryRef((String) row[2], names.get((String) row[2])),
                AppealStatus.valueOf((String) row[3]), ((Number) row[4]).intValue(), true,
                (Instant) row[5])).toList();
        return PageView.of(items, page, size, total);
    }

    /**
     * Whether other citizens may find and support the appeal: not an official one (59-ФЗ
     * correspondence is confidential) and of a public problem type. Any other appeal is, to them,
     * one that does not exist (404). Withdrawing stays possible for who supported it before its
     * type stopped being public.
     */
    boolean openToOthers(Appeal appeal) {
        return !appeal.official && catalog.find(appeal.categoryCode).map(category -> category.isPublic).orElse(false);
    }

    /** The new count; an increment rather than a recount, which could miss a concurrent commit. */
    private int addToCount(UUID appealId, int delta) {
        return ((Number) entityManager.createNativeQuery("update appeal set supporters = supporters + :delta where id = :appeal returning supporters")
                .setParameter("delta", delta)
                .setParameter("appeal", appealId)
                .getSingleResult()).intValue();
    }

    private Optional<Instant> supportedSince(UUID appealId, String citizenId) {
        @SuppressWarnings("unchecked")
        List<Object> since = entityManager.createNativeQuery(
                        "select supported_at from appeal_supporter where appeal_id = :appeal and citizen_id = :citizen")
                .setParameter("appeal", appealId)
                .setParameter("citizen", citizenId)
                .getResultList();
        return since.stream().findFirst().map(Instant.class::cast);
    }

    private AppealSupportView view(Appeal appeal, int supporters, Optional<Instant> supportedAt) {
        return new AppealSupportView(appeal.id, appeal.number,
                new AppealView.CategoryRef(appeal.categoryCode, catalog.get(appeal.categoryCode).name),
                appeal.status, supporters, supportedAt.isPresent(), supportedAt.orElse(null));
    }
}
