package ru.spb.feedback.appeals.category;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A problem type as clients see it. */
@Schema(name = "Category")
public record CategoryView(
        @Schema(description = "Problem type code; send it as categoryCode", examples = "159") String code,
        @Schema(examples = "Неудовлетворительное санитарное состояние помещений учреждения") String name,
        @Schema(description = "Where it sits in the classifier: object / category", examples = "Бюджетное учреждение / Нарушения в бюджетных образовательных учреждениях") String group,
        @Schema(examples = "18") String objectCode,
        @Schema(examples = "50") String groupCode,
        @Schema(description = "Hint for the citizen") String description,
        @Schema(description = "A photo must accompany the appeal") boolean photoRequired,
        @Schema(description = "Appeals of this type may be shown publicly") boolean isPublic,
        @Schema(description = "Answer deadline in working days", examples = "9") int deadlineWorkingDays,
        @Schema(description = "Offered to citizens; false when an admin switched it off") boolean active) {

    static CategoryView of(Category category) {
        return new CategoryView(category.code, category.name, category.groupPath(), category.objectCode,
                category.groupCode, category.description, category.photoRequired, category.isPublic,
                category.deadlineWorkingDays, category.active);
    }
}
