package ru.spb.feedback.routing.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import ru.spb.feedback.routing.organization.OrganizationResource.NewOrganization;
import ru.spb.feedback.routing.organization.OrganizationResource.OrganizationUpdate;
import ru.spb.feedback.routing.organization.OrganizationResource.OrganizationView;
import ru.spb.feedback.web.ProblemException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The bodies that answer appeals: the municipalities and districts that come with the service, and city bodies admins add. */
@ApplicationScoped
public class Organizations {

    /** All organizations, or those of one kind (a 400 naming {@code kind} for an unknown one). */
    public List<OrganizationView> list(String kind) {
        List<Organization> organizations = kind == null || kind.isBlank()
                ? Organization.list("order by kind, name")
                : Organization.list("kind = ?1 order by name", kind(kind));
        return organizations.stream().map(OrganizationView::of).toList();
    }

    public OrganizationView get(String code) {
        return OrganizationView.of(find(code));
    }

    /** Adds a city body; a 409 if the code is taken. */
    @Transactional
    public OrganizationView create(NewOrganization request) {
        if (Organization.findById(request.code()) != null) {
            throw ProblemException.conflict("organization-exists", "Organization " + request.code() + " exists already");
        }
        Organization organization = new Organization();
        organization.code = request.code();
        organization.name = request.name().trim();
        organization.kind = Organization.Kind.CITY;
        organization.email = request.email();
        organization.phone = request.phone();
        organization.address = request.address();
        organization.createdAt = Instant.now();
        organization.persist();
        return OrganizationView.of(organization);
    }

    /** Changes the fields the update names; a blank contact field clears it. */
    @Transactional
    public OrganizationView update(String code, OrganizationUpdate change) {
        Organization organization = find(code);
        if (change.name() != null) {
            organization.name = change.name().trim();
        }
        if (change.email() != null) {
            organization.email = change.email().isBlank() ? null : change.email();
        }
        if (change.phone() != null) {
            organization.phone = change.phone().isBlank() ? null : change.phone();
        }
        if (change.address() != null) {
            organization.address = change.address().isBlank() ? null : change.address();
        }
        return OrganizationView.of(organization);
    }

    private static Organization find(String code) {
        Organization organization = Organization.findById(code);
        if (organization == null) {
            throw ProblemException.notFound("Organization " + code);
        }
        return organization;
    }

    private static Organization.Kind kind(String kind) {
        return Arrays.stream(Organization.Kind.values()).filter(value -> value.name().equalsIgnoreCase(kind.trim())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("kind", "must be one of " + Arrays.toString(Organization.Kind.values())));
    }
}
