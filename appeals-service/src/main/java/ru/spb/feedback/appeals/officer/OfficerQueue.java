package ru.spb.feedback.appeals.officer;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.appeal.AppealView;
import ru.spb.feedback.appeals.appeal.Viewer;
import ru.spb.feedback.appeals.appeal.AppealQueries;
import ru.spb.feedback.contracts.AppealStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads an organization's queue: what it must work on, overdue first, then soonest due. */
@ApplicationScoped
public class OfficerQueue {

    /** What "the queue" means without a status filter: appeals waiting for this organization's step. */
    static final Set<AppealStatus> WORK = Set.of(AppealStatus.ROUTED, AppealStatus.IN_PROGRESS, AppealStatus.REOPENED);

    @Inject
    AppealQueries queries;

    @Inject
    EntityManager entityManager;

    /**
     * @param filter which appeals; statuses empty means {@link #WORK}
     */
    public QueueView queue(String organization, Filter filter, int page, int size) {
        Instant now = Instant.now();
        StringBuilder where = new StringBuilder("organizationCode = :org and status in :statuses");
        Parameters parameters = Parameters.with("org", organization)
                .and("statuses", filter.statuses().isEmpty() ? WORK : filter.statuses())
                .and("now", now);
        if (filter.categoryCode() != null) {
            where.append(" and categoryCode = :category");
            parameters.and("category", filter.categoryCode());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and dueAt < :now" : " and (dueAt is null or dueAt >= :now)");
        }
        if (filter.dueWithinDays() != null) {
            where.append(" and dueAt <= :horizon");
            parameters.and("horizon", now.plus(Duration.ofDays(filter.dueWithinDays())));
        }
        // overdue first, then the soonest due; appeals without a due date last
        String order = " order by case when dueAt < :now then 0 else 1 end, dueAt asc nulls last, registeredAt, id";
        PanacheQuery<Appeal> query = Appeal.find(where + order, parameters);
        List<Appeal> appeals = query.page(Page.of(page, size)).list();
        long total = Appeal.count(where.toString(), withoutUnused(parameters, where));
        List<AppealView> items = queries.views(appeals, Viewer.OFFICER);
        return new QueueView(items, page, size, total, (int) ((total + size - 1) / size), counts(organization));
    }

    /** How many of the organization's appeals are in each status, for the tabs of a queue screen. */
    Map<AppealStatus, Long> counts(String organization) {
        Map<AppealStatus, Long> counts = new EnumMap<>(AppealStatus.class);
        List<Object[]> rows = entityManager.createQuery(
                        "select status, count(*) from Appeal where organizationCode = :org group by status", Object[].class)
                .setParameter("org", organization).getResultList();
        rows.forEach(row -> counts.put((AppealStatus) row[0], (Long) row[1]));
        return counts;
    }

    /** Hibernate refuses parameters a query does not use; the count has no ordering by :now. */
    private static Parameters withoutUnused(Parameters parameters, CharSequence where) {
        Parameters used = new Parameters();
        parameters.map().forEach((name, value) -> {
            if (where.toString().contains(":" + name)) {
                used.and(name, value);
            }
        });
        return used;
    }

    /**
     * @param statuses      only these statuses; empty for the work queue
     * @param categoryCode  only this problem type, may be null
     * @param overdue       only overdue (true) or only not overdue (false), may be null
     * @param dueWithinDays only those due within this many days (overdue ones included), may be null
     */
    public record Filter(Set<AppealStatus> statuses, String categoryCode, Boolean overdue, Integer dueWithinDays) {
    }
}
