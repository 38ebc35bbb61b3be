package ru.spb.feedback.web.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import ru.spb.feedback.web.Problem;

import java.math.BigDecimal;
import java.util.List;

/**
 * The schema of {@link Problem} as every document publishes it. It is written here, not scanned from the record,
 * because no resource names the record any more (the filter adds the error answers); {@code ProblemSchemaTest}
 * keeps the two the same.
 */
final class ProblemSchema {

    static final String NAME = "Problem";

    private ProblemSchema() {
    }

    static Schema schema() {
        Schema violation = object("One invalid field")
                .addProperty("field", text("The JSON path of the field, or the parameter's name", 200, "description"))
                .addProperty("message", text("What is wrong, without echoing the value", 1000, "size must be between 10 and 4000"));
        return object("RFC 9457 problem details; `type` is stable and machine-readable, `title` and `detail` are for people")
                .addProperty("type", text("The kind of problem", 200, "urn:spb-feedback:problem:validation"))
                .addProperty("title", text("A short summary of the kind", 200, "Request validation failed"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)).examples(List.of(400)))
                .addProperty("detail", text("What went wrong in this request", 2000, "2 fields are invalid"))
                .addProperty("instance", text("The request path", 2048, "/api/v1/appeals"))
                .addProperty("requestId", text("The request id (X-Request-Id), quote it when reporting a problem", 200,
                        "6f1c2a9e-3b7d-4c1e-9a55-0d2f8b7e4c10"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Per-field violations of a validation error").maxItems(1000)
                        .items(violation))
                .required(List.of("type", "title", "status"));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema text(String description, int maxLength, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description)
                .maxLength(maxLength).examples(List.of(example));
    }
}
