package ru.spb.feedback.appeals.officer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Roles;

import java.time.Instant;
import java.util.List;

@Path("/api/v1/officer/answer-templates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
@SecurityRequirement(name = "jwt")
@Tag(name = "Officer", description = "A municipal officer's queue, steps and answer templates")
@APIResponse(responseCode = "403", description = "Not an officer, or the token names no organization")
public class AnswerTemplateResource {

    @Inject
    AnswerTemplates templates;

    /** A template's title and text. */
    @Schema(name = "AnswerTemplateRequest")
    public record TemplateRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String text) {
    }

    @Schema(name = "AnswerTemplate")
    public record TemplateView(long id, String title, String text, Instant updatedAt) {
        static TemplateView of(AnswerTemplate template) {
            return new TemplateView(template.id, template.title, template.text, template.updatedAt);
        }
    }

    @GET
    @Operation(summary = "My organization's answer templates", description = "Sorted by title.")
    @APIResponse(responseCode = "200", description = "My organization's templates")
    public List<TemplateView> list() {
        return templates.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One template")
    @APIResponse(responseCode = "404", description = "No such template in my organization")
    @APIResponse(responseCode = "200", description = "The template")
    public TemplateView get(@PathParam("id") long id) {
        return templates.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a template")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", description = "Missing title or text")
    @APIResponse(responseCode = "409", description = "The organization has a template with this title")
    public Response create(@NotNull @Valid TemplateRequest request) {
        return Response.status(Response.Status.CREATED).entity(templates.create(request)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a template")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Missing title or text")
    @APIResponse(responseCode = "404", description = "No such template in my organization")
    @APIResponse(responseCode = "409", description = "Another template has this title")
    public TemplateView update(@PathParam("id") long id, @NotNull @Valid TemplateRequest request) {
        return templates.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a template")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such template in my organization")
    public void delete(@PathParam("id") long id) {
        templates.delete(id);
    }
}
