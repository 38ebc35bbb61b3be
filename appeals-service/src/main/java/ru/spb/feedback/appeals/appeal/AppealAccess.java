package ru.spb.feedback.appeals.appeal;

import jakarta.persistence.LockModeType;
import ru.spb.feedback.web.ProblemException;

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

    /** Any appeal, locked for the rest of the transaction (jobs that must not race each other). */
    static Appeal locked(UUID id) {
        return Appeal.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Appeal " + id);
    }
}
