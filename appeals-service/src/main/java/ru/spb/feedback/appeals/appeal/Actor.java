package ru.spb.feedback.appeals.appeal;

import ru.spb.feedback.contracts.AppealAction;

/**
 * Who takes a step: the role the state machine checks, and the id written to the history.
 *
 * @param role         the state machine's actor
 * @param id           the token subject, or the component for automatic steps
 * @param organization for officers, the organization of their token
 */
public record Actor(AppealAction.Actor role, String id, String organization) {

    public static Actor citizen(String id) {
        return new Actor(AppealAction.Actor.CITIZEN, id, null);
    }

    public static Actor officer(String id, String organization) {
        return new Actor(AppealAction.Actor.OFFICER, id, organization);
    }

    public static Actor moderator(String id) {
        return new Actor(AppealAction.Actor.MODERATOR, id, null);
    }

    public static Actor system(String component) {
        return new Actor(AppealAction.Actor.SYSTEM, component, null);
    }

    /** The role as the history shows it: citizen, officer, moderator or system. */
    public String roleName() {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }
}
