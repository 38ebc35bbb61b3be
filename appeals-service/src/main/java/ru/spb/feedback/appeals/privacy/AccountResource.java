package ru.spb.feedback.appeals.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.Roles;

/** The citizen's account as appeals-service knows it: only its deletion. */
@Path("/api/v1/account")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Account", description = "A citizen deletes their account")
public class AccountResource {

    @Inject
    AccountDeletion deletion;

    @Inject
    Caller caller;

    @DELETE
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Delete my account",
            description = "The appeals stay (organizations answer them) but no longer name the caller: contact removed, "
                    + "author replaced by a placeholder nobody can trace back, AppealAuthorErased published per appeal. "
                    + "Afterwards the caller's appeals list is empty. Repeating it changes nothing.")
    @APIResponse(responseCode = "204", description = "Deleted (or nothing left to delete)")
    @APIResponse(responseCode = "403", description = "Not a citizen's token (staff accounts are managed in the identity provider)")
    public void delete() {
        deletion.delete(caller.id());
    }
}
