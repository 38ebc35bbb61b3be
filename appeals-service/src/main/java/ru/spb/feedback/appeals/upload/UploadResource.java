package ru.spb.feedback.appeals.upload;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.ProblemException;
import ru.spb.feedback.web.Roles;

import java.io.InputStream;
import java.util.UUID;

@Path("/api/v1/uploads")
@SecurityRequirement(name = "jwt")
@Tag(name = "Uploads", description = "Photos for appeals and answers: upload first, then name the ids in photoIds")
@APIResponse(responseCode = "403", description = "The token has none of the allowed roles")
public class UploadResource {

    /** The multipart part that carries the image. */
    static final String FILE_PART = "file";

    @Inject
    Uploads uploads;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.MODERATOR, Roles.INTEGRATOR})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a photo",
            description = "A JPEG, PNG or WebP image in the multipart part `file`. The type is sniffed from the content; "
                    + "GPS position and other identifying metadata are stripped (without re-encoding, keeping the orientation) "
                    + "before it is stored. Name the returned id in an appeal's photoIds; unattached uploads are deleted after a day.")
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "400", description = "No part `file`, an empty file, or a truncated or corrupt image")
    @APIResponse(responseCode = "413", description = "Larger than allowed (10 MB by default)")
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG or WebP image (or an animated one)")
    @APIResponse(responseCode = "422", description = "The header declares more pixels than allowed (50 MP by default)")
    public Response upload(@RestForm(FILE_PART) @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            format = "binary") FileUpload file) {
        if (file == null) {
            throw ProblemException.invalid(FILE_PART, "a multipart part named file with the image is required");
        }
        UploadView upload = uploads.accept(caller.id(), file.uploadedFile());
        return Response.created(uriInfo.getBaseUriBuilder().path(UploadResource.class).path(upload.id().toString()).build())
                .type(MediaType.APPLICATION_JSON).entity(upload).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.MODERATOR, Roles.ADMIN, Roles.INTEGRATOR})
    @Produces({"image/jpeg", "image/png", "image/webp", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a photo",
            description = "For its uploader; once attached, also for the appeal's author, officers of the organization the appeal "
                    + "is routed to, moderators and admins.")
    @APIResponse(responseCode = "200", description = "The image, as stored (metadata stripped)")
    @APIResponse(responseCode = "404", description = "No such photo, or not yours to see")
    public Response download(@PathParam("id") UUID id) {
        Uploads.Photo photo = uploads.open(id, caller);
        StreamingOutput body = output -> {
            try (InputStream content = photo.content()) {
                content.transferTo(output);
            }
        };
        return Response.ok(body, photo.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, photo.size())
                // personal photos: no shared cache keeps them; the browser must not guess another type
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .build();
    }
}
