package ru.spb.feedback.contracts;

import java.util.EnumSet;
import java.util.Set;

import static ru.spb.feedback.contracts.AppealStatus.ANSWERED;
import static ru.spb.feedback.contracts.AppealStatus.CLOSED;
import static ru.spb.feedback.contracts.AppealStatus.IN_PROGRESS;
import static ru.spb.feedback.contracts.AppealStatus.REGISTERED;
import static ru.spb.feedback.contracts.AppealStatus.REJECTED;
import static ru.spb.feedback.contracts.AppealStatus.REOPENED;
import static ru.spb.feedback.contracts.AppealStatus.REROUTING;
import static ru.spb.feedback.contracts.AppealStatus.ROUTED;
import static ru.spb.feedback.contracts.AppealStatus.TRIAGE;
import static ru.spb.feedback.contracts.AppealStatus.WITHDRAWN;

/**
 * The appeal state machine: every step an appeal can take, from which statuses, to which status,
 * and who may take it. The only place that decides whether a transition is allowed; appeals-service
 * applies it, and every other service reads statuses through it.
 *
 * <pre>
 * REGISTERED ─route─▶ ROUTED ─accept─▶ IN_PROGRESS ─answer─▶ ANSWERED ─satisfied/auto─▶ CLOSED
 *     │  └─triage─▶ TRIAGE ─route─┘ │        │                 └─not satisfied─▶ REOPENED ─accept/answer─▶ …
 *     │                     decline/change category ─▶ REROUTING ─route/triage─▶ …
 *     └─ reject (moderator) ─▶ REJECTED,  withdraw (citizen, before an answer) ─▶ WITHDRAWN
 * </pre>
 */
public enum AppealAction {

    /** routing-service found the organization (also a moderator's manual assignment). */
    ROUTE(EnumSet.of(REGISTERED, TRIAGE, REROUTING), ROUTED, Actor.SYSTEM),
    /** routing-service could not decide; a moderator will. */
    SEND_TO_TRIAGE(EnumSet.of(REGISTERED, TRIAGE, REROUTING), TRIAGE, Actor.SYSTEM),
    /** The organization takes the appeal into work. */
    ACCEPT(EnumSet.of(ROUTED, REOPENED), IN_PROGRESS, Actor.OFFICER),
    /** The organization answers; accepting first is not required, so a quick fix is one step. */
    ANSWER(EnumSet.of(ROUTED, IN_PROGRESS, REOPENED), ANSWERED, Actor.OFFICER),
    /** Not this organization's competence: routing looks for another. */
    DECLINE(EnumSet.of(ROUTED, IN_PROGRESS), REROUTING, Actor.OFFICER),
    /** The citizen chose the wrong problem type: routed again under the right one. */
    CHANGE_CATEGORY(EnumSet.of(TRIAGE, ROUTED, IN_PROGRESS, REOPENED), REROUTING, Actor.OFFICER, Actor.MODERATOR),
    /** Once per appeal, at most 30 days; the status stays. */
    EXTEND_DEADLINE(EnumSet.of(ROUTED, IN_PROGRESS, REOPENED), null, Actor.OFFICER),
    /**
     * routing-service counted a new deadline (after a reopening), which may arrive once the officer accepted;
     * the status stays. Later than that (answered again, re-routed) it is too late and is ignored.
     */
    SET_DEADLINE(EnumSet.of(REOPENED, IN_PROGRESS), null, Actor.SYSTEM),
    /** The due date passed without an answer; marked once, the status stays. */
    MARK_OVERDUE(EnumSet.of(TRIAGE, ROUTED, IN_PROGRESS, REROUTING, REOPENED), null, Actor.SYSTEM),
    /** Spam, abuse, a duplicate or not an appeal at all. */
    REJECT(EnumSet.of(REGISTERED, TRIAGE, ROUTED, IN_PROGRESS, REROUTING, REOPENED), REJECTED, Actor.MODERATOR),
    /** The citizen takes the appeal back while it has no answer. */
    WITHDRAW(EnumSet.of(REGISTERED, TRIAGE, ROUTED, IN_PROGRESS, REROUTING, REOPENED), WITHDRAWN, Actor.CITIZEN),
    /** The citizen is satisfied with the answer. */
    CLOSE_SATISFIED(EnumSet.of(ANSWERED), CLOSED, Actor.CITIZEN),
    /** The citizen is not satisfied: back to the same organization, with no deadline until routing counts the new one. */
    REOPEN(EnumSet.of(ANSWERED), REOPENED, Actor.CITIZEN),
    /** Nobody rated the answer in time. */
    AUTO_CLOSE(EnumSet.of(ANSWERED), CLOSED, Actor.SYSTEM);

    /** Who takes a step. Admins read everything but act through the moderator role. */
    public enum Actor {
        CITIZEN, OFFICER, MODERATOR, SYSTEM
    }

    private final Set<AppealStatus> from;
    private final AppealStatus to;
    private final Set<Actor> actors;

    AppealAction(Set<AppealStatus> from, AppealStatus to, Actor first, Actor... more) {
        this.from = Set.copyOf(from);
        this.to = to;
        this.actors = Set.copyOf(EnumSet.of(first, more));
    }

    /** The statuses this step may start from. */
    public Set<AppealStatus> from() {
        return from;
    }

    public boolean allowedFrom(AppealStatus status) {
        return from.contains(status);
    }

    public boolean allowedFor(Actor actor) {
        return actors.contains(actor);
    }

    public Set<Actor> actors() {
        return actors;
    }

    /** The status after the step, taken from {@code current}; steps that keep the status return it. */
    public AppealStatus target(AppealStatus current) {
        if (!allowedFrom(current)) {
            throw new IllegalStateException(name() + " is not allowed from " + current);
        }
        return to == null ? current : to;
    }

    /** Whether the step changes the status at all (extending a deadline or marking overdue do not). */
    public boolean changesStatus() {
        return to != null;
    }

    /** The steps a given actor may take from a status, e.g. for the buttons a client shows; a fresh set. */
    public static EnumSet<AppealAction> available(AppealStatus status, Actor actor) {
        EnumSet<AppealAction> actions = EnumSet.noneOf(AppealAction.class);
        for (AppealAction action : values()) {
            if (action.allowedFrom(status) && action.allowedFor(actor)) {
                actions.add(action);
            }
        }
        return actions;
    }
}
