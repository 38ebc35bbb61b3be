package ru.spb.feedback.contracts;

/**
 * An officer said the appeal is not their organization's to answer (topic {@code appeal.events});
 * routing-service routes it again, excluding every organization that declined it.
 *
 * @param decliningOrganization the organization that declined
 * @param decliningMunicipality the municipality it was routed to, may be null
 * @param reason                the officer's reason
 */
@EventType(name = "AppealRerouteRequested", citizenVisible = false)
public record AppealRerouteRequested(String decliningOrganization, String decliningMunicipality, String reason)
        implements AppealEvent {
}
