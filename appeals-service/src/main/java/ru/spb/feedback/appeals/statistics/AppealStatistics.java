package ru.spb.feedback.appeals.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ru.spb.feedback.appeals.appeal.PublicAppeal;
import ru.spb.feedback.contracts.AppealStatus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The figures of the public statistics, counted by the database in one pass (grouping sets for
 * rows, municipalities and the total): only public appeals ({@link PublicAppeal}, the rule of the
 * public Open311 list) that were routed to a municipality, so anyone can recount them from that list.
 */
@ApplicationScoped
public class AppealStatistics {

    /** Statuses that still wait for an answer: only these can be overdue now (enum names, never input). */
    private static final String AWAITING_ANSWER = Arrays.stream(AppealStatus.values()).filter(AppealStatus::awaitsAnswer)
            .map(status -> "'" + status.name() + "'").collect(Collectors.joining(", "));

    private static final String FACTS = """
            with scope as (
                select a.id, a.municipality_code, a.municipality_name, a.category_code, a.registered_at, a.status,
                       a.due_at, a.overdue_marked_at
                from appeal a
                where a.id in (%s)
                  and a.municipality_code is not null
                  and a.registered_at >= :start and a.registered_at < :end
                  %s
            ),
            facts as (
                select s.municipality_code, s.municipality_name, s.category_code, c.name as category_name,
                       first_answer.answered_at,
                       first_answer.answered_at <= first_answer.due_at as on_time,
                       extract(epoch from first_answer.answered_at - s.registered_at) / 86400 as days_to_answer,
                       s.status in (%s) and (s.due_at < :now or s.overdue_marked_at is not null) as overdue_now,
                       latest_feedback.rating, latest_feedback.satisfied
                from scope s
                join category c on c.code = s.category_code
                left join lateral (select x.answered_at, x.due_at from appeal_answer x where x.appeal_id = s.id
                                   order by x.answered_at, x.id limit 1) first_answer on true
                left join lateral (select f.rating, f.satisfied from appeal_feedback f where f.appeal_id = s.id
                                   order by f.given_at desc, f.id desc limit 1) latest_feedback on true
            )
            select grouping(municipality_code) as all_municipalities, grouping(category_code) as all_categories,
                   municipality_code, min(municipality_name) as municipality_name, category_code, min(category_name) as category_name,
                   count(*) as received,
                   count(answered_at) as answered,
                   count(*) filter (where on_time) as answered_on_time,
                   percentile_cont(0.5) within group (order by days_to_answer) as median_days,
                   count(*) filter (where overdue_now) as overdue_now,
                   count(rating) as rated,
                   count(*) filter (where satisfied) as satisfied,
                   avg(rating) as average_rating
            from facts
            group by grouping sets ((municipality_code, category_code), (municipality_code), ())
            order by all_municipalities, min(municipality_name), municipality_code, all_categories, min(category_name), category_code
            """;

    @Inject
    EntityManager entityManager;

    @Transactional
    public StatisticsReport report(StatisticsQuery query) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder filters = new StringBuilder();
        if (query.municipality() != null) {
            filters.append(" and a.municipality_code = :municipality");
        }
        if (query.category() != null) {
            filters.append(" and a.category_code = :category");
        }
        var sql = entityManager.createNativeQuery(FACTS.formatted(PublicAppeal.SQL, filters, AWAITING_ANSWER))
                .setParameter("start", query.start())
                .setParameter("end", query.end())
                .setParameter("now", now);
        if (query.municipality() != null) {
            sql.setParameter("municipality", query.municipality());
        }
        if (query.category() != null) {
            sql.setParameter("category", query.category());
        }
        List<Figures> rows = new ArrayList<>();
        List<Figures> municipalities = new ArrayList<>();
        Figures total = Figures.none();
        for (Object result : sql.getResultList()) {
            Object[] row = (Object[]) result;
            Figures figures = figures(row);
            if (number(row[0]) == 1) {
                total = figures;
            } else if (number(row[1]) == 1) {
                municipalities.add(figures);
            } else {
                rows.add(figures);
            }
        }
        return new StatisticsReport(query.from(), query.to(), now, rows, municipalities, total);
    }

    private static Figures figures(Object[] row) {
        boolean municipalityLevel = number(row[0]) == 0;
        boolean categoryLevel = number(row[1]) == 0;
        long received = number(row[6]);
        long answered = number(row[7]);
        long onTime = number(row[8]);
        long rated = number(row[11]);
        long satisfied = number(row[12]);
        return new Figures(
                municipalityLevel ? (String) row[2] : null,
                municipalityLevel ? (String) row[3] : null,
                categoryLevel ? (String) row[4] : null,
                categoryLevel ? (String) row[5] : null,
                received, answered, onTime, Figures.percent(onTime, answered),
                Figures.oneDecimal((Number) row[9]),
                number(row[10]), rated, satisfied, Figures.percent(satisfied, rated),
                Figures.oneDecimal((Number) row[13]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
