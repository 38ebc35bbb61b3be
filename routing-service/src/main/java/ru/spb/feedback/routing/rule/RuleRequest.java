package ru.spb.feedback.routing.rule;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A responsibility rule as an admin writes it. */
@Schema(name = "RoutingRuleRequest")
public record RuleRequest(
        @NotNull @Schema(description = "Classifier level the rule names", examples = "OBJECT", required = true)
        RoutingRule.SubjectLevel subjectLevel,
        @Size(max = 32) @Pattern(regexp = "[0-9A-Za-z_-]+", message = "must be a code from the classifier")
        @Schema(description = "Problem type, category or object code (see appeals-service GET /api/v1/categories); absent for ANY", examples = "4")
        String subjectCode,
        @NotNull @Schema(description = "Territory the rule covers", examples = "DISTRICT", required = true)
        RoutingRule.TerritoryLevel territoryLevel,
        @Size(max = 32) @Schema(description = "Municipality or district code; absent for CITY", examples = "admiralteysky")
        String territoryCode,
        @NotBlank @Size(max = 64) @Schema(description = "The organization that must answer", examples = "district-admiralteysky", required = true)
        String organizationCode,
        @Size(max = 500) String note) {
}
