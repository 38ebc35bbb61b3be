package ru.spb.feedback.appeals.category;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.Roles;

import java.util.List;

@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Categories", description = "The problem types citizens can report")
public class CategoryResource {

    @Inject
    CategoryCatalog catalog;

    @GET
    @PermitAll
    @Operation(summary = "List the problem types", description = "Flat list in classifier order; switched-off types only with includeInactive.")
    public List<CategoryView> list(@QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive) {
        return catalog.list(includeInactive).stream().map(CategoryView::of).toList();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "One problem type")
    @APIResponse(responseCode = "200", description = "The problem type")
    @APIResponse(responseCode = "404", description = "No such problem type")
    public CategoryView get(@PathParam("code") String code) {
        return CategoryView.of(catalog.get(code));
    }

    @PATCH
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Change a problem type's deadline or switch it on or off (admin)")
    @APIResponse(responseCode = "200", description = "The changed problem type")
    @APIResponse(responseCode = "400", description = "Invalid change")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such problem type")
    public CategoryView update(@PathParam("code") String code, @NotNull @Valid CategoryUpdate change) {
        return CategoryView.of(catalog.update(code, change.deadlineWorkingDays(), change.active()));
    }
}
