package ru.spb.feedback.appeals.officer;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.appeals.officer.AnswerTemplateResource.TemplateRequest;
import ru.spb.feedback.appeals.officer.AnswerTemplateResource.TemplateView;
import ru.spb.feedback.web.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The answer templates of the signed-in officer's organization; titles are unique within it. */
@ApplicationScoped
public class AnswerTemplates {

    @Inject
    Officer officer;

    /** Sorted by title. */
    public List<TemplateView> list() {
        return AnswerTemplate.<AnswerTemplate>list("organizationCode", Sort.by("title"), officer.organization())
                .stream().map(TemplateView::of).toList();
    }

    public TemplateView get(long id) {
        return TemplateView.of(find(id, officer.organization()));
    }

    /** A 409 if the organization has a template with this title. */
    @Transactional
    public TemplateView create(TemplateRequest request) {
        String organization = officer.organization();
        checkTitleFree(organization, request.title().trim(), null);
        AnswerTemplate template = new AnswerTemplate();
        template.organizationCode = organization;
        fill(template, request);
        template.persist();
        return TemplateView.of(template);
    }

    /** A 409 if another template of the organization has this title. */
    @Transactional
    public TemplateView update(long id, TemplateRequest request) {
        String organization = officer.organization();
        AnswerTemplate template = find(id, organization);
        checkTitleFree(organization, request.title().trim(), id);
        fill(template, request);
        return TemplateView.of(template);
    }

    @Transactional
    public void delete(long id) {
        find(id, officer.organization()).delete();
    }

    /** Another organization's template is "not found" like a missing one. */
    static AnswerTemplate find(long id, String organization) {
        AnswerTemplate template = AnswerTemplate.findById(id);
        if (template == null || !template.organizationCode.equals(organization)) {
            throw ProblemException.notFound("Answer template " + id);
        }
        return template;
    }

    private void fill(AnswerTemplate template, TemplateRequest request) {
        template.title = request.title().trim();
        template.text = request.text().trim();
        template.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        template.updatedBy = officer.id();
    }

    private static void checkTitleFree(String organization, String title, Long except) {
        long taken = except == null
                ? AnswerTemplate.count("organizationCode = ?1 and title = ?2", organization, title)
                : AnswerTemplate.count("organizationCode = ?1 and title = ?2 and id <> ?3", organization, title, except);
        if (taken > 0) {
            throw ProblemException.conflict("template-title-taken", "Your organization has a template with this title already");
        }
    }
}
