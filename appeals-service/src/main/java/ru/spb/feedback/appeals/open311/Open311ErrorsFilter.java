package ru.spb.feedback.appeals.open311;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Open311's answers its errors in the spec's own form, {@code [{"code", "description"}]} in JSON or
 * {@code <errors><error>} in XML, in the format of the path, not as problem+json: this writes that into the
 * Open311 operations of the document, for every error the service itself gives (400, 403, 404, 415, 500, 503). The
 * gateway's own refusals (401, 413, 429) stay problem+json, as web-commons' ApiContractFilter documents them; the
 * two filters touch different codes, so their order does not matter.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class Open311ErrorsFilter implements OASFilter {

    static final String SCHEMA = "Open311Errors";
    private static final String PREFIX = "/open311/";
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Missing or malformed parameters",
            "403", "api_key missing, unknown or revoked",
            "404", "Unknown format, jurisdiction_id, service or request",
            "415", "Not application/x-www-form-urlencoded",
            "500", "An unexpected fault",
            "503", "The database is briefly unavailable (Retry-After)");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema(SCHEMA, errorsSchema());
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(PREFIX) && item.getOperations() != null) {
                item.getOperations().values().forEach(Open311ErrorsFilter::document);
            }
        });
    }

    private static void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        boolean takesBody = operation.getRequestBody() != null;
        ERRORS.forEach((status, standard) -> {
            if (status.equals("415") && !takesBody) {
                return;
            }
            APIResponse own = operation.getResponses().getAPIResponse(status);
            String description = own == null || own.getRef() != null || own.getDescription() == null ? standard : own.getDescription();
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse()
                    .description(description).content(errorsContent()));
        });
    }

    private static Content errorsContent() {
        Schema ref = OASFactory.createSchema().ref("#/components/schemas/" + SCHEMA);
        return OASFactory.createContent()
                .addMediaType(Open311Format.JSON.mediaType().split(";")[0], OASFactory.createMediaType().schema(ref))
                .addMediaType(Open311Format.XML.mediaType().split(";")[0], OASFactory.createMediaType().schema(ref));
    }

    private static Schema errorsSchema() {
        Schema error = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("description", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(2000))
                .required(List.of("code", "description"))
                .xml(OASFactory.createXML().name("error"));
        return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).maxItems(100).items(error)
                .description("GeoReport v2 errors; in XML <errors><error><code/><description/></error></errors>")
                .xml(OASFactory.createXML().name("errors").wrapped(true));
    }
}
