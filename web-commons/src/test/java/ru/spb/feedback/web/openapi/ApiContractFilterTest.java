package ru.spb.feedback.web.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.web.Problem;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter on a small document; each service's OperationsTest lints the real one with Spectral. */
class ApiContractFilterTest {

    @Test
    void problemSchemaHasTheRecordsFields() {
        List<String> fields = Arrays.stream(Problem.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(ProblemSchema.schema().getProperties().keySet()).containsExactlyElementsOf(fields);
        List<String> violation = Arrays.stream(Problem.Violation.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(ProblemSchema.schema().getProperties().get("violations").getItems().getProperties().keySet())
                .containsExactlyElementsOf(violation);
    }

    @Test
    void aSecuredOperationWithAPathParameterGetsEveryStandardAnswer() {
        Operation get = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("code").in(Parameter.In.PATH)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The thing"))
                        .addAPIResponse("404", OASFactory.createAPIResponse().description("No such thing here")))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt"));
        OpenAPI api = filtered(OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/things/{code}", OASFactory.createPathItem().GET(get))));

        assertThat(get.getResponses().getAPIResponses().keySet())
                .contains("200", "400", "401", "403", "404", "429", "500", "503")
                .doesNotContain("413", "415");
        APIResponse own = get.getResponses().getAPIResponse("404");
        assertThat(own.getDescription()).isEqualTo("No such thing here");
        assertThat(own.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        assertThat(get.getResponses().getAPIResponse("429").getRef()).isEqualTo("#/components/responses/TooManyRequests");
        assertThat(api.getComponents().getResponses().get("TooManyRequests").getHeaders())
                .containsKeys("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
        assertThat(get.getResponses().getAPIResponse("200").getHeaders()).containsKeys("RateLimit-Limit", "Access-Control-Allow-Origin");
        // a path value cannot be longer than the request line
        assertThat(get.getParameters().get(0).getSchema().getMaxLength()).isEqualTo(4096);
    }

    @Test
    void anAnonymousOperationWithABodyGetsNo403ButTheBodyAnswers() {
        Operation post = OASFactory.createOperation()
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Thing")))))
                .responses(OASFactory.createAPIResponses().addAPIResponse("201", OASFactory.createAPIResponse().description("Made")));
        filtered(OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/things", OASFactory.createPathItem().POST(post))));

        assertThat(post.getResponses().getAPIResponses().keySet())
                .contains("400", "401", "413", "415", "429", "500", "503")
                .doesNotContain("403", "404");
    }

    @Test
    void typesGiveTheirBoundsAndStatedOnesStay() {
        Schema thing = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("count", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("rating", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(5)))
                .addProperty("at", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time"))
                .addProperty("id", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid"))
                .addProperty("text", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        filtered(OASFactory.createOpenAPI().components(OASFactory.createComponents().addSchema("Thing", thing)));

        assertThat(thing.getProperties().get("count").getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(Integer.MAX_VALUE));
        assertThat(thing.getProperties().get("rating").getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(5));
        assertThat(thing.getProperties().get("at").getMaxLength()).isEqualTo(TypeBounds.DATE_TIME_MAX_LENGTH);
        assertThat(thing.getProperties().get("id").getMaxLength()).isEqualTo(36);
        // a JSON body field's limit is a Bean Validation decision, never invented here
        assertThat(thing.getProperties().get("text").getMaxLength()).isNull();
    }

    @Test
    void quarkusMemorySizesAreRead() {
        assertThat(RequestLimits.bytes("4096")).isEqualTo(4096);
        assertThat(RequestLimits.bytes("20K")).isEqualTo(20 * 1024);
        assertThat(RequestLimits.bytes("12m")).isEqualTo(12L * 1024 * 1024);
    }

    private static OpenAPI filtered(OpenAPI api) {
        new ApiContractFilter().filterOpenAPI(api);
        return api;
    }
}
