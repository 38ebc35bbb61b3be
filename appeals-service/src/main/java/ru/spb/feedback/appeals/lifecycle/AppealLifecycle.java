package ru.spb.feedback.appeals.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import ru.spb.feedback.appeals.appeal.Actor;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.AppealAnswer;
import ru.spb.feedback.appeals.appeal.AppealEvents;
import ru.spb.feedback.appeals.appeal.AppealFeedback;
import ru.spb.feedback.appeals.appeal.AppealTransitions;
import ru.spb.feedback.appeals.category.Category;
import ru.spb.feedback.appeals.category.CategoryCatalog;
import ru.spb.feedback.appeals.config.AppealsConfig;
import ru.spb.feedback.contracts.AppealAccepted;
import ru.spb.feedback.contracts.AppealAction;
import ru.spb.feedback.contracts.AppealAnswered;
import ru.spb.feedback.contracts.AppealCategoryChanged;
import ru.spb.feedback.contracts.AppealClosed;
import ru.spb.feedback.contracts.AppealDeadlineExtended;
import ru.spb.feedback.contracts.AppealRejected;
import ru.spb.feedback.contracts.AppealReopened;
import ru.spb.feedback.contracts.AppealRerouteRequested;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.contracts.AppealWithdrawn;
import ru.spb.feedback.web.ProblemException;
import ru.spb.feedback.web.RequestIds;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The people's steps of an appeal's life: what officers, moderators and citizens do. Each method
 * checks the step against the state machine first, then changes the appeal and records the step
 * through {@link AppealTransitions}. Callers load the appeal in the same transaction.
 */
@ApplicationScoped
public class AppealLifecycle {

    @Inject
    AppealTransitions transitions;

    @Inject
    CategoryCatalog catalog;

    @Inject
    AppealsConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    AnswerPhotos answerPhotos;

    @Transactional
    public Appeal accept(Appeal appeal, Actor officer) {
        AppealTransitions.check(appeal, AppealAction.ACCEPT);
        transitions.apply(appeal, AppealAction.ACCEPT, officer, null,
                new AppealAccepted(appeal.organizationCode, appeal.organizationName), RequestIds.current());
        return flushed(appeal);
    }

    @Transactional
    public Appeal answer(Appeal appeal, Actor officer, String text, List<UUID> photoIds) {
        AppealTransitions.check(appeal, AppealAction.ANSWER);
        List<UUID> photos = photoIds == null ? List.of() : List.copyOf(photoIds);
        answerPhotos.attach(photos, officer, appeal);
        Instant now = now();
        AppealAnswer answer = new AppealAnswer();
        answer.appealId = appeal.id;
        answer.organizationCode = appeal.organizationCode;
        answer.organizationName = appeal.organizationName;
        answer.officerId = officer.id();
        answer.text = text;
        answer.photoIds = photos.toArray(UUID[]::new);
        answer.answeredAt = now;
        answer.dueAt = appeal.dueAt;
        answer.persist();
        appeal.answeredAt = now;
        transitions.apply(appeal, AppealAction.ANSWER, officer, null,
                new AppealAnswered(appeal.organizationCode, appeal.organizationName, text, photos), RequestIds.current());
        return flushed(appeal);
    }

    /** Not our competence: the appeal leaves the organization and routing looks for another. */
    @Transactional
    public Appeal decline(Appeal appeal, Actor officer, String reason) {
        AppealTransitions.check(appeal, AppealAction.DECLINE);
        String declining = appeal.organizationCode;
        appeal.organizationCode = null;
        appeal.organizationName = null;
        transitions.apply(appeal, AppealAction.DECLINE, officer, reason,
                new AppealRerouteRequested(declining, appeal.municipalityCode, reason), RequestIds.current());
        return flushed(appeal);
    }

    /** The citizen chose a wrong problem type: routed again under the right one, without re-filing. */
    @Transactional
    public Appeal changeCategory(Appeal appeal, Actor actor, String categoryCode, String reason) {
        AppealTransitions.check(appeal, AppealAction.CHANGE_CATEGORY);
        Category next = catalog.find(categoryCode.trim())
                .orElseThrow(() -> ProblemException.invalid("categoryCode", "unknown problem type; see GET /api/v1/categories"));
        if (!next.active) {
            throw ProblemException.invalid("categoryCode", "this problem type is not accepted any more");
        }
        if (next.code.equals(appeal.categoryCode)) {
            throw ProblemException.invalid("categoryCode", "is the appeal's problem type already");
        }
        Category previous = catalog.get(appeal.categoryCode);
        appeal.categoryCode = next.code;
        appeal.organizationCode = null;
        appeal.organizationName = null;
        transitions.apply(appeal, AppealAction.CHANGE_CATEGORY, actor,
                "problem type " + previous.code + " → " + next.code + ": " + reason,
                new AppealCategoryChanged(AppealEvents.categoryRef(previous), AppealEvents.categoryRef(next),
                        next.deadlineWorkingDays, reason), RequestIds.current());
        return flushed(appeal);
    }

    /** Once per appeal, by at most {@code appeals.lifecycle.max-extension-days}. */
    @Transactional
    public Appeal extendDeadline(Appeal appeal, Actor officer, int days, String reason) {
        AppealTransitions.check(appeal, AppealAction.EXTEND_DEADLINE);
        if (days < 1 || days > config.lifecycle().maxExtensionDays()) {
            throw ProblemException.invalid("days", "must be between 1 and " + config.lifecycle().maxExtensionDays());
        }
        if (appeal.deadlineExtendedAt != null) {
            throw ProblemException.conflict("deadline-already-extended",
                    "The deadline of appeal " + appeal.number + " was extended already; it can be extended once");
        }
        if (appeal.dueAt == null) {
            throw ProblemException.conflict("no-deadline", "Appeal " + appeal.number + " has no deadline to extend");
        }
        Instant previous = appeal.dueAt;
        Instant extended = previous.plus(Duration.ofDays(days));
        appeal.moveDueDate(extended);
        appeal.deadlineExtendedAt = now();
        appeal.deadlineExtensionReason = reason;
        transitions.apply(appeal, AppealAction.EXTEND_DEADLINE, officer, "by " + days + " days: " + reason,
                new AppealDeadlineExtended(previous, extended, reason), RequestIds.current());
        return flushed(appeal);
    }

    @Transactional
    public Appeal reject(Appeal appeal, Actor moderator, AppealRejected.Reason reason, String note, UUID duplicateOf) {
        AppealTransitions.check(appeal, AppealAction.REJECT);
        Appeal original = null;
        if (reason == AppealRejected.Reason.DUPLICATE) {
            if (duplicateOf == null) {
                throw ProblemException.invalid("duplicateOf", "a duplicate must name the original appeal");
            }
            original = Appeal.findById(duplicateOf);
            if (original == null || original.id.equals(appeal.id)) {
                throw ProblemException.invalid("duplicateOf", "must be another existing appeal");
            }
            if (original.status == AppealStatus.REJECTED) {
                throw ProblemException.invalid("duplicateOf", "the original is rejected itself");
            }
        } else if (duplicateOf != null) {
            throw ProblemException.invalid("duplicateOf", "only a DUPLICATE names an original");
        }
        appeal.rejectionReason = reason;
        appeal.rejectionNote = note;
        appeal.duplicateOf = original == null ? null : original.id;
        transitions.apply(appeal, AppealAction.REJECT, moderator, reason + ": " + note,
                new AppealRejected(reason, note, appeal.duplicateOf, original == null ? null : original.number),
                RequestIds.current());
        return flushed(appeal);
    }

    /**
     * The citizen rates the answer. Satisfied closes the appeal; not satisfied sends it back to
     * the same organization. The old deadline goes: routing-service, which owns deadlines, counts
     * the new one from the reopening and sends it back ({@code AppealRouting.deadlineDecided}, ADR 0023).
     */
    @Transactional
    public Appeal feedback(Appeal appeal, Actor citizen, int rating, boolean satisfied, String comment) {
        AppealAction step = satisfied ? AppealAction.CLOSE_SATISFIED : AppealAction.REOPEN;
        AppealTransitions.check(appeal, step);
        AppealFeedback feedback = new AppealFeedback();
        feedback.appealId = appeal.id;
        feedback.rating = (short) rating;
        feedback.satisfied = satisfied;
        feedback.comment = comment;
        feedback.givenAt = now();
        feedback.persist();
        String note = "rated " + rating + " of 5, " + (satisfied ? "satisfied" : "not satisfied");
        if (satisfied) {
            transitions.apply(appeal, step, citizen, note, new AppealClosed(AppealClosed.Resolution.SATISFIED, rating),
                    RequestIds.current());
        } else {
            appeal.moveDueDate(null);
            transitions.apply(appeal, step, citizen, note, new AppealReopened(appeal.organizationCode, rating),
                    RequestIds.current());
        }
        return flushed(appeal);
    }

    @Transactional
    public Appeal withdraw(Appeal appeal, Actor citizen, String reason) {
        AppealTransitions.check(appeal, AppealAction.WITHDRAW);
        var previous = appeal.status;
        transitions.apply(appeal, AppealAction.WITHDRAW, citizen, Optional.ofNullable(reason).orElse("withdrawn by the citizen"),
                new AppealWithdrawn(previous), RequestIds.current());
        return flushed(appeal);
    }

    /**
     * Writes now, inside the request: if someone changed the appeal since it was read (two
     * officers accepting at once), the version check fails here and the caller gets a 409
     * instead of overwriting the other change.
     */
    private Appeal flushed(Appeal appeal) {
        try {
            entityManager.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("concurrent-change",
                    "Appeal " + appeal.number + " was changed by someone else at the same time; reload it and try again");
        }
        return appeal;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
