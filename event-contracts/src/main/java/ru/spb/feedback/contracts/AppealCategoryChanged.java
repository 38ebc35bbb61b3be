package ru.spb.feedback.contracts;

/**
 * An officer or moderator corrected the problem type (topic {@code appeal.events}); routing
 * routes the appeal again under the new type, with its deadline.
 *
 * @param previous            the type the citizen chose
 * @param category            the right type
 * @param deadlineWorkingDays the new type's answer deadline in working days
 * @param reason              why, as the officer or moderator wrote it
 */
@EventType(name = "AppealCategoryChanged", citizenVisible = true)
public record AppealCategoryChanged(AppealRegistered.CategoryRef previous, AppealRegistered.CategoryRef category,
                                    int deadlineWorkingDays, String reason) implements AppealEvent {
}
