package ru.spb.feedback.contracts;

import java.time.Instant;

/**
 * routing-service, the one owner of deadlines, counted a new answer deadline for an appeal outside
 * a routing decision (topic {@code routing.events}): with the production calendar it keeps, including
 * the years admins loaded. appeals-service turns it into {@link AppealDeadlineSet}.
 *
 * @param organizationCode who must answer by then
 * @param countedFrom      the instant the deadline counts from: the occurred-at time of the event that caused it
 * @param dueAt            the answer deadline (end of the due day, Europe/Moscow)
 * @param reason           why a new deadline was counted
 */
@EventType(name = "DeadlineDecided", citizenVisible = false)
public record DeadlineDecided(String organizationCode, Instant countedFrom, Instant dueAt, Reason reason)
        implements AppealEvent {

    /** REOPENED: the citizen was not satisfied with the answer, the organization answers again. */
    public enum Reason {
        REOPENED
    }
}
