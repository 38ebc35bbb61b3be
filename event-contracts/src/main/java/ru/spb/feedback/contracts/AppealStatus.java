package ru.spb.feedback.contracts;

/** Where an appeal is in its life; every service reads statuses from here. */
public enum AppealStatus {
    /** Stored, waiting for routing. */
    REGISTERED,
    /** Routing could not decide; a moderator assigns it. */
    TRIAGE,
    /** The responsible organization and the due date are known. */
    ROUTED,
    /** An officer took it. */
    IN_PROGRESS,
    /** An officer declined it; routing looks for another organization. */
    REROUTING,
    /** The organization answered; the citizen may rate the answer. */
    ANSWERED,
    /** The citizen was not satisfied; back to the same organization. */
    REOPENED,
    /** Finished: the citizen was satisfied, or did not rate the answer in time. */
    CLOSED,
    /** A moderator rejected it (spam, abuse, duplicate, not an appeal). */
    REJECTED,
    /** The citizen withdrew it before it was answered. */
    WITHDRAWN;

    /** Nothing more happens to a finished appeal (a late routing decision is ignored). */
    public boolean isFinished() {
        return this == CLOSED || this == REJECTED || this == WITHDRAWN;
    }

    /** Waiting for an answer: the due date runs and the appeal can become overdue. */
    public boolean awaitsAnswer() {
        return AppealAction.MARK_OVERDUE.allowedFrom(this);
    }
}
