package ru.spb.feedback.appeals.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ru.spb.feedback.appeals.appeal.AppealView;
import ru.spb.feedback.appeals.category.Category;
import ru.spb.feedback.appeals.category.CategoryCatalog;
import ru.spb.feedback.appeals.config.AppealsConfig;
import ru.spb.feedback.appeals.config.NearbyConfig;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds open appeals of one problem type near a point, so a citizen can support one instead of
 * filing the same problem again. A bounding box on the index (category_code, lat, lon) narrows
 * the rows, the exact great-circle distance filters and orders them.
 */
@ApplicationScoped
public class NearbyAppeals {

    /** Statuses of appeals still worth supporting; taken from the contract so a new status needs no change here. */
    private static final List<String> OPEN = Arrays.stream(AppealStatus.values())
            .filter(status -> !status.isFinished()).map(Enum::name).toList();

    @Inject
    EntityManager entityManager;

    @Inject
    CategoryCatalog catalog;

    @Inject
    AppealsConfig appealsConfig;

    @Inject
    NearbyConfig config;

    /** A checked search. */
    record Search(double lat, double lon, Category category, int radius) {
    }

    /**
     * The nearest open appeals, at most {@code appeals.nearby.max-results}. Parameters come as
     * text so that a malformed number is a validation problem, not JAX-RS's 404. Official appeals
     * and appeals of a problem type that is not public are never shown to other citizens
     * (the same rule as {@link AppealSupport#openToOthers}): such a type's list is empty.
     */
    @Transactional
    public List<NearbyAppealView> search(String lat, String lon, String categoryCode, String radius) {
        Search search = check(lat, lon, categoryCode, radius);
        if (!search.category().isPublic) {
            return List.of();
        }
        double[] box = Haversine.boxHalfWidths(search.lat(), search.radius());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, number, status, supporters, distance from (
                            select id, number, status, supporters, registered_at, %s as distance
                            from appeal
                            where category_code = :category and not official
                              and lat between :minLat and :maxLat and lon between :minLon and :maxLon
                              and status in (:open)) candidate
                        where distance <= :radius
                        order by distance, registered_at, id
                        limit :limit""".formatted(Haversine.SQL))
                .setParameter("lat", search.lat())
                .setParameter("lon", search.lon())
                .setParameter("category", search.category().code)
                .setParameter("minLat", search.lat() - box[0])
                .setParameter("maxLat", search.lat() + box[0])
                .setParameter("minLon", search.lon() - box[1])
                .setParameter("maxLon", search.lon() + box[1])
                .setParameter("open", OPEN)
                .setParameter("radius", (double) search.radius())
                .setParameter("limit", config.maxResults())
                .getResultList();
        AppealView.CategoryRef category = new AppealView.CategoryRef(search.category().code, search.category().name);
        return rows.stream().map(row -> new NearbyAppealView((UUID) row[0], (String) row[1], category,
                AppealStatus.valueOf((String) row[2]), (int) Math.round(((Number) row[4]).doubleValue()),
                ((Number) row[3]).intValue())).toList();
    }

    /** Every problem of the request at once, each named by its query parameter. */
    private Search check(String latText, String lonText, String categoryCode, String radiusText) {
        List<Problem.Violation> violations = new ArrayList<>();
        AppealsConfig.City city = appealsConfig.city();
        Double lat = coordinate("lat", latText, 90, city.minLat(), city.maxLat(), violations);
        Double lon = coordinate("lon", lonText, 180, city.minLon(), city.maxLon(), violations);
        Category category = null;
        if (categoryCode == null || categoryCode.isBlank()) {
            violations.add(new Problem.Violation("categoryCode", "is required"));
        } else {
            Optional<Category> found = catalog.find(categoryCode.trim());
            if (found.isEmpty()) {
                violations.add(new Problem.Violation("categoryCode", "unknown problem type; see GET /api/v1/categories"));
            } else {
                category = found.get();
            }
        }
        int radius = config.defaultRadius();
        if (radiusText != null && !radiusText.isBlank()) {
            try {
                radius = Integer.parseInt(radiusText.trim());
                if (radius < 1 || radius > config.maxRadius()) {
                    violations.add(new Problem.Violation("radius", "must be between 1 and " + config.maxRadius() + " metres"));
                }
            } catch (NumberFormatException e) {
                violations.add(new Problem.Violation("radius", "must be a whole number of metres"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new Search(lat, lon, category, radius);
    }

    private static Double coordinate(String field, String text, double limit, double cityMin, double cityMax,
                                     List<Problem.Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new Problem.Violation(field, "is required"));
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            violations.add(new Problem.Violation(field, "must be a decimal number of degrees"));
            return null;
        }
        // parseDouble also takes "NaN" and "Infinity"
        if (!Double.isFinite(value) || value < -limit || value > limit) {
            violations.add(new Problem.Violation(field, "must be between -" + (int) limit + " and " + (int) limit));
            return null;
        }
        if (value < cityMin || value > cityMax) {
            violations.add(new Problem.Violation(field, "is outside St. Petersburg"));
            return null;
        }
        return value;
    }
}
