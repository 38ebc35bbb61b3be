package ru.spb.feedback.appeals.appeal;

import ru.spb.feedback.contracts.AppealAction;

/** Who looks at an appeal; decides what of it they see and which steps they are offered. */
public enum Viewer {
    /** The citizen who filed it: sees everything, contact included. */
    AUTHOR(AppealAction.Actor.CITIZEN),
    /**
     * An officer of the responsible organization: sees the contact of an official appeal only,
     * because a 59-ФЗ answer must be sent to the person; other appeals are answered here.
     */
    OFFICER(AppealAction.Actor.OFFICER),
    /** Moderators judge the content and never need the contact. */
    MODERATOR(AppealAction.Actor.MODERATOR),
    /** Admins read everything but act only through other roles. */
    ADMIN(null);

    private final AppealAction.Actor actor;

    Viewer(AppealAction.Actor actor) {
        this.actor = actor;
    }

    /** The state machine's actor for this viewer, null if the viewer takes no steps. */
    public AppealAction.Actor actor() {
        return actor;
    }

    boolean seesContactOf(Appeal appeal) {
        return this == AUTHOR || (this == OFFICER && appeal.official);
    }
}
