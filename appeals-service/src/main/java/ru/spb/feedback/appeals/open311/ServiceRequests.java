package ru.spb.feedback.appeals.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.AppealAnswer;
import ru.spb.feedback.appeals.appeal.AppealIntake;
import ru.spb.feedback.appeals.appeal.AppealView;
import ru.spb.feedback.appeals.appeal.PublicView;
import ru.spb.feedback.appeals.category.Category;
import ru.spb.feedback.appeals.config.AppealsConfig;
import ru.spb.feedback.appeals.integrator.Integrator;
import ru.spb.feedback.appeals.integrator.IntegratorKeys;
import ru.spb.feedback.appeals.upload.PhotoRequirement;
import ru.spb.feedback.contracts.AppealRegistered;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * GeoReport v2 service requests: creating one makes an appeal of channel {@code OPEN311};
 * reading shows appeals as requests. Without a key, reads show only public appeals (public
 * problem types, not official, not rejected as spam or abuse) in the {@link PublicView} and
 * nothing of the person; with a key, public appeals only of the key's municipality, still in the
 * public view, and the integrator's own requests in full.
 */
@ApplicationScoped
public class ServiceRequests {

    @Inject
    AppealIntake intake;

    @Inject
    Open311Services services;

    @Inject
    AppealsConfig config;

    @Inject
    EntityManager entityManager;

    /**
     * A new appeal from the form. Such appeals are messages, never official 59-ФЗ appeals: those
     * need a citizen identified by login. An address without coordinates goes to triage.
     */
    @Transactional
    public Open311Body create(ServiceRequestForm form, Integrator integrator) {
        Category category = services.accepted(form.serviceCode());
        List<String> problems = new ArrayList<>();
        form.attributes().forEach((code, value) -> attributeProblem(code, value).ifPresent(problems::add));
        if (form.lat() != null && !config.city().contains(form.lat(), form.lon())) {
            problems.add("lat and long lie outside St. Petersburg");
        }
        PhotoRequirement.check(category, form.mediaUrl() != null, "media_url")
                .ifPresent(violation -> problems.add("media_url is required: this service needs a photo of the problem"));
        if (!problems.isEmpty()) {
            throw Open311Error.badRequest(problems);
        }
        AppealView appeal = intake.register(new AppealIntake.NewAppeal(UUID.randomUUID(), ownerOf(integrator, form),
                AppealRegistered.Channel.OPEN311, category, form.description(), form.lat(), form.lon(), form.addressString(),
                false, form.email(), form.contactName(), integrator.id(), form.mediaUrl(), null));
        return Open311Body.list("service_requests", "request", List.of(Open311Body.fields()
                .put("service_request_id", appeal.number())
                .put("service_notice", notice(category))
                .put("account_id", form.accountId())
                .build()));
    }

    /** The page of the requests a query asks for that the caller may see, newest first; past the end an empty list. */
    @Transactional
    public Open311Body list(RequestQuery query, Integrator integrator) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder(visibleTo(integrator, parameters));
        if (!query.ids().isEmpty()) {
            // as the spec says: with ids, the other filters are ignored
            where.append(" and a.number in :ids");
            parameters.put("ids", query.ids());
        } else {
            if (!query.serviceCodes().isEmpty()) {
                where.append(" and a.categoryCode in :codes");
                parameters.put("codes", query.serviceCodes());
            }
            if (!query.municipalityCodes().isEmpty()) {
                where.append(" and a.municipalityCode in :municipalities");
                parameters.put("municipalities", query.municipalityCodes());
            }
            if (!query.statuses().isEmpty()) {
                where.append(" and a.status in :statuses");
                parameters.put("statuses", query.statuses());
            }
            where.append(" and a.registeredAt >= :start and a.registeredAt <= :end");
            parameters.put("start", query.start());
            parameters.put("end", query.end());
        }
        if (query.offset() > Integer.MAX_VALUE) {
            return requests(List.of(), integrator);
        }
        var jpql = entityManager.createQuery("select a from Appeal a where " + where + " order by a.registeredAt desc, a.id desc",
                Appeal.class).setFirstResult((int) query.offset()).setMaxResults(query.pageSize());
        parameters.forEach(jpql::setParameter);
        return requests(jpql.getResultList(), integrator);
    }

    /** One request, if the caller may see it; else 404, so its existence is not confirmed. */
    @Transactional
    public Open311Body one(String serviceRequestId, Integrator integrator) {
        Map<String, Object> parameters = new HashMap<>();
        var jpql = entityManager.createQuery("select a from Appeal a where a.number = :number and " + visibleTo(integrator, parameters),
                Appeal.class);
        parameters.forEach(jpql::setParameter);
        jpql.setParameter("number", serviceRequestId);
        List<Appeal> found = jpql.getResultList();
        if (found.isEmpty()) {
            throw Open311Error.notFound("service_request_id not found");
        }
        return requests(found, integrator);
    }

    /** The JPQL condition (on {@code a}) for the appeals this caller may read. */
    private static String visibleTo(Integrator integrator, Map<String, Object> parameters) {
        // the rule of what is public lives in PublicAppeal: the statistics count by it too
        String open = "(a.id in (select p.id from PublicAppeal p))";
        if (integrator == null) {
            return open;
        }
        if (integrator.municipalityCode() != null) {
            open = "(" + open + " and a.municipalityCode = :scope)";
            parameters.put("scope", integrator.municipalityCode());
        }
        parameters.put("integrator", integrator.id());
        return "(a.integratorId = :integrator or " + open + ")";
    }

    private Open311Body requests(List<Appeal> appeals, Integrator integrator) {
        Map<String, Category> categories = Category.<Category>list("code in ?1",
                        appeals.stream().map(appeal -> appeal.categoryCode).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(category -> category.code, Function.identity()));
        List<Appeal> owned = appeals.stream().filter(appeal -> isOwner(appeal, integrator)).toList();
        Map<UUID, String> answers = latestAnswers(owned);
        Map<UUID, String> originals = originalsOfDuplicates(appeals);
        return Open311Body.list("service_requests", "request", appeals.stream().map(appeal -> {
            Category category = categories.get(appeal.categoryCode);
            boolean owner = isOwner(appeal, integrator);
            // everyone but the integrator that filed it sees the public view (ADR 0017)
            PublicView shown = owner ? new PublicView(appeal.lat, appeal.lon, appeal.address, appeal.description)
                    : PublicView.of(appeal);
            return Open311Body.fields()
                    .put("service_request_id", appeal.number)
                    .put("status", Open311Status.of(appeal.status))
                    .put("status_notes", Open311Status.notes(appeal, owner, answers.get(appeal.id),
                            appeal.duplicateOf == null ? null : originals.get(appeal.duplicateOf)))
                    .put("service_name", category.name)
                    .put("service_code", category.code)
                    .put("description", shown.description())
                    .put("agency_responsible", appeal.municipalityName)
                    .put("service_notice", notice(category))
                    .put("requested_datetime", Open311Body.time(appeal.registeredAt))
                    .put("updated_datetime", Open311Body.time(appeal.updatedAt))
                    .put("expected_datetime", Open311Body.time(appeal.dueAt))
                    .put("address", shown.address())
                    .put("address_id", null)
                    .put("zipcode", null)
                    .put("lat", shown.lat())
                    .put("long", shown.lon())
                    .put("media_url", appeal.mediaUrl)
                    .build();
        }).toList());
    }

    private static boolean isOwner(Appeal appeal, Integrator integrator) {
        return integrator != null && integrator.id().equals(appeal.integratorId);
    }

    /** The latest answer's text of each appeal that has one. */
    private static Map<UUID, String> latestAnswers(List<Appeal> appeals) {
        Map<UUID, String> latest = new HashMap<>();
        if (!appeals.isEmpty()) {
            AppealAnswer.<AppealAnswer>list("appealId in ?1 order by id", appeals.stream().map(appeal -> appeal.id).toList())
                    .forEach(answer -> latest.put(answer.appealId, answer.text));
        }
        return latest;
    }

    /** The numbers of the appeals that rejected duplicates repeat. */
    private static Map<UUID, String> originalsOfDuplicates(List<Appeal> appeals) {
        Set<UUID> originals = appeals.stream().map(appeal -> appeal.duplicateOf).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (originals.isEmpty()) {
            return Map.of();
        }
        return Appeal.<Appeal>list("id in ?1", originals).stream()
                .collect(Collectors.toMap(appeal -> appeal.id, appeal -> appeal.number));
    }

    /** What the citizen can expect, from the problem type's deadline. */
    static String notice(Category category) {
        return "Сообщение направляется в орган, отвечающий за место проблемы; срок ответа — "
                + category.deadlineWorkingDays + " раб. дн. после направления";
    }

    private static Optional<String> attributeProblem(String code, String value) {
        return switch (code) {
            case Open311Services.OFFICIAL -> "false".equalsIgnoreCase(value) ? Optional.empty()
                    : Optional.of("attribute[official] must be false: an official 59-ФЗ appeal needs a citizen "
                    + "identified by login (ЕСИА) and is filed in the platform's own app");
            case Open311Services.PHOTO_REQUIRED -> Optional.of("attribute[photo_required] is information, not an input");
            default -> Optional.of("attribute[" + code + "] is not an attribute of this service");
        };
    }

    /**
     * Who owns the appeal: the integrator's account for the person, namespaced by integrator so two
     * integrators' "123" are different people. Account, else e-mail, else device id, hashed so no
     * e-mail or phone ends up in ids, events or logs; the integrator itself when none is given.
     */
    static String ownerOf(Integrator integrator, ServiceRequestForm form) {
        String person = form.accountId() != null ? "account:" + form.accountId()
                : form.email() != null ? "email:" + form.email()
                : form.deviceId() != null ? "device:" + form.deviceId()
                : null;
        return "open311:" + integrator.id() + (person == null ? "" : ":" + IntegratorKeys.sha256(integrator.id() + "\n" + person).substring(0, 32));
    }
}
