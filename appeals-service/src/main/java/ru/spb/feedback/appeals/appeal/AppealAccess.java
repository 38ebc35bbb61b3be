package ru.spb.feedback.appeals.appeal;

import jakarta.persistence.LockModeType;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.ProblemException;
import ru.spb.feedback.web.Roles;

import java.util.UUID;

/**
 * Finds an appeal for someone allowed to act on it. An appeal outside the caller's scope is
 * "not found", so its existence is not confirmed.
 */
public final class AppealAccess {

    private AppealAccess() {
    }

    /** A citizen's own appeal. */
    public static Appeal ofAuthor(UUID id, String citizenId) {
        Appeal appeal = Appeal.findById(id);
        if (appeal == null || !appeal.citizenId.equals(citizenId)) {
            throw notFound(id);
        }
        return appeal;
    }

    /** An appeal the officer's organization is responsible for now. */
    public static Appeal ofOrganization(UUID id, String organization) {
        Appeal appeal = Appeal.findById(id);
        if (appeal == null || !organization.equals(appeal.organizationCode)) {
            throw notFound(id);
        }
        return appeal;
    }

    /** Any appeal (moderators and admins). */
    public static Appeal any(UUID id) {
        Appeal appeal = Appeal.findById(id);
        if (appeal == null) {
            throw notFound(id);
        }
        return appeal;
    }

    /** Any appeal, its row locked until the transaction ends, so changes of one appeal take turns. */
    public static Appeal locked(UUID id) {
        Appeal appeal = Appeal.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (appeal == null) {
            throw notFound(id);
        }
        return appeal;
    }

    /**
     * Whether the caller may read the appeal: its author, an officer of the organization
     * responsible for it now, moderators and admins.
     */
    public static boolean readableBy(Appeal appeal, Caller caller) {
        if (caller.hasRole(Roles.MODERATOR) || caller.hasRole(Roles.ADMIN)) {
            return true;
        }
        if (caller.hasRole(Roles.CITIZEN) && appeal.citizenId.equals(caller.id())) {
            return true;
        }
        return caller.hasRole(Roles.OFFICER) && appeal.organizationCode != null
                && caller.organization().filter(appeal.organizationCode::equals).isPresent();
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Appeal " + id);
    }
}
