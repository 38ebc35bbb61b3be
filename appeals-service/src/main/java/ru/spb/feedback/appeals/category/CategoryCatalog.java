package ru.spb.feedback.appeals.category;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ru.spb.feedback.appeals.config.AppealsConfig;
import ru.spb.feedback.messaging.jobs.ClusterLock;
import ru.spb.feedback.web.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The problem-type catalog. Seeded at start from the city portal's classifier: types that are not
 * in the database yet are added, existing ones (with an admin's changes) are left alone.
 */
@ApplicationScoped
public class CategoryCatalog {

    private static final Logger LOG = Logger.getLogger(CategoryCatalog.class);
    static final String CLASSIFIER = "catalog/nash-spb-classifier-2023.json";

    @Inject
    EntityManager entityManager;

    @Inject
    ClusterLock clusterLock;

    @Inject
    ObjectMapper json;

    @Inject
    AppealsConfig config;

    @Transactional
    void seed(@Observes StartupEvent startup) {
        // several copies may start at once; the lock makes them seed one after another
        clusterLock.lockForTransaction("category-seed");
        JsonNode objects = readClassifier();
        int order = 0;
        int added = 0;
        Instant now = Instant.now();
        for (JsonNode object : objects) {
            for (JsonNode group : object.path("items")) {
                for (JsonNode type : group.path("items")) {
                    order++;
                    added += entityManager.createNativeQuery("""
                            insert into category (code, name, group_code, group_name, object_code, object_name, description,
                                                  photo_required, public, deadline_working_days, active, sort_order, updated_at)
                            values (:code, :name, :groupCode, :groupName, :objectCode, :objectName, :description,
                                    :photoRequired, :public, :deadline, true, :order, :now)
                            on conflict (code) do nothing""")
                            .setParameter("code", type.path("id").asText())
                            .setParameter("name", type.path("name").asText().trim())
                            .setParameter("groupCode", group.path("id").asText())
                            .setParameter("groupName", group.path("name").asText().trim().replaceAll("\\s+", " "))
                            .setParameter("objectCode", object.path("id").asText())
                            .setParameter("objectName", object.path("name").asText().trim())
                            .setParameter("description", blankToNull(type.path("help_text").asText(null)))
                            .setParameter("photoRequired", type.path("image_required").asBoolean(false))
                            .setParameter("public", type.path("is_public").asBoolean(false))
                            .setParameter("deadline", config.catalog().defaultDeadlineWorkingDays())
                            .setParameter("order", order)
                            .setParameter("now", now)
                            .executeUpdate();
                }
            }
        }
        LOG.infof("category catalog: %d problem types in the classifier, %d newly added", order, added);
    }

    /** The types offered to citizens (or all, for admins' screens), in classifier order. */
    public List<Category> list(boolean includeInactive) {
        return includeInactive
                ? Category.list("order by sortOrder")
                : Category.list("active = true order by sortOrder");
    }

    public Optional<Category> find(String code) {
        return Category.findByIdOptional(code);
    }

    /** Names of the given problem types, by code. */
    public Map<String, String> names(Set<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return Category.<Category>list("code in ?1", codes).stream()
                .collect(Collectors.toMap(category -> category.code, category -> category.name));
    }

    public Category get(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("Problem type " + code));
    }

    /** An admin changes a type's deadline or switches it on or off. */
    @Transactional
    public Category update(String code, Integer deadlineWorkingDays, Boolean active) {
        Category category = get(code);
        if (deadlineWorkingDays != null) {
            category.deadlineWorkingDays = deadlineWorkingDays;
        }
        if (active != null) {
            category.active = active;
        }
        category.updatedAt = Instant.now();
        return category;
    }

    private JsonNode readClassifier() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(CLASSIFIER)) {
            if (in == null) {
                throw new IllegalStateException(CLASSIFIER + " is missing from the classpath");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSIFIER, e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
