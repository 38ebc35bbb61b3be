package ru.spb.feedback.notification.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import ru.spb.feedback.contracts.CityTime;
import ru.spb.feedback.contracts.EventEnvelope;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The Russian texts of notifications: one Qute template per event type,
 * {@code templates/notifications/<eventType>.txt}, with the fragments {@code title},
 * {@code status} and {@code message}. An event type without a template is not notified (the
 * consumer skips and counts it), so a new citizen-visible event needs only its template. The
 * {@code status} fragment is also shown to the appeal's supporters: a plain status line, never
 * free text from the payload.
 */
@ApplicationScoped
public class NotificationTemplates {

    /** Dates in notifications are the city's dates. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(CityTime.ZONE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(CityTime.ZONE);
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,99}");
    /** Outside {@code notifications/}, which holds one template per event type. */
    static final String SUPPORTER_TEMPLATE = "supporter/notification.txt";
    private static final Logger LOG = Logger.getLogger(NotificationTemplates.class);

    @Inject
    Engine engine;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry meters;

    private final Map<String, Optional<Template>> byType = new ConcurrentHashMap<>();

    public boolean exists(String eventType) {
        return template(eventType).isPresent();
    }

    /** Renders the notification of one event; the appeal supplies what earlier events told. */
    public RenderedNotification render(EventEnvelope envelope, TrackedAppeal appeal) {
        Template template = template(envelope.eventType())
                .orElseThrow(() -> new IllegalArgumentException("no template for " + envelope.eventType()));
        AppealSnapshot snapshot = snapshot(appeal, envelope);
        Map<String, Object> payload = payload(envelope);
        String occurred = DATE_TIME.format(envelope.occurredAt());
        try {
            return new RenderedNotification(
                    oneLine(fragment(template, "title", snapshot, payload, occurred)),
                    oneLine(fragment(template, "status", snapshot, payload, occurred)),
                    paragraphs(fragment(template, "message", snapshot, payload, occurred)));
        } catch (RuntimeException e) {
            // a broken template must not hold up the topic: say the essentials and report it
            LOG.errorf("the template of %s failed (%s); sent the plain text instead", envelope.eventType(), e.getClass().getSimpleName());
            meters.counter("notification.template.failures", "type", envelope.eventType()).increment();
            return new RenderedNotification("Обращение " + snapshot.number() + ": изменение статуса", "Статус изменён",
                    "По обращению " + snapshot.number() + " произошло изменение (" + occurred + ")."
                            + (snapshot.viaIntegrator() ? "" : " Подробности — в личном кабинете."));
        }
    }

    /**
     * The notification of the same event for a citizen who supports the appeal: it says so, and
     * carries the appeal's number, problem type, status line, body and due date only. Never the
     * address, the description or the payload, which are the author's (an answer's text, a note).
     *
     * @param status the status line of the event's own template
     */
    public RenderedNotification renderForSupporter(EventEnvelope envelope, TrackedAppeal appeal, String status) {
        AppealSnapshot full = snapshot(appeal, envelope);
        // the reader is a supporter, who has an account here whichever way the author reported
        AppealSnapshot snapshot = new AppealSnapshot(full.number(), full.category(), null, full.municipality(),
                full.organization(), full.dueDate(), false);
        String occurred = DATE_TIME.format(envelope.occurredAt());
        try {
            Template template = engine.getTemplate(SUPPORTER_TEMPLATE);
            return new RenderedNotification(
                    oneLine(supporterFragment(template, "title", snapshot, status, occurred)),
                    status,
                    paragraphs(supporterFragment(template, "message", snapshot, status, occurred)));
        } catch (RuntimeException e) {
            LOG.errorf("the supporters' template failed for %s (%s); sent the plain text instead", envelope.eventType(),
                    e.getClass().getSimpleName());
            meters.counter("notification.template.failures", "type", envelope.eventType()).increment();
            return new RenderedNotification("Поддержанное вами обращение " + snapshot.number() + ": " + status, status,
                    "По обращению " + snapshot.number() + ", которое вы поддержали, новый статус: " + status + " (" + occurred + ").");
        }
    }

    private static String supporterFragment(Template template, String id, AppealSnapshot appeal, String status, String occurred) {
        Template.Fragment fragment = template.getFragment(id);
        if (fragment == null) {
            throw new IllegalStateException("template " + template.getId() + " has no fragment '" + id + "'");
        }
        return fragment.data("appeal", appeal).data("status", status).data("occurredAt", occurred).render();
    }

    public static String date(Instant instant) {
        return instant == null ? null : DATE.format(instant);
    }

    static AppealSnapshot snapshot(TrackedAppeal appeal, EventEnvelope envelope) {
        return new AppealSnapshot(
                appeal.number != null ? appeal.number : envelope.appealNumber(),
                appeal.categoryName, appeal.address, appeal.municipalityName, appeal.organizationName,
                date(appeal.dueAt), appeal.viaIntegrator());
    }

    private String fragment(Template template, String id, AppealSnapshot appeal, Map<String, Object> payload, String occurred) {
        Template.Fragment fragment = template.getFragment(id);
        if (fragment == null) {
            throw new IllegalStateException("template " + template.getId() + " has no fragment '" + id + "'");
        }
        return fragment.data("appeal", appeal).data("payload", payload).data("occurredAt", occurred).render();
    }

    /** The payload as a map for templates, without the citizen's contact (never in a notification text). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> payload(EventEnvelope envelope) {
        Map<String, Object> payload = envelope.payload() == null || !envelope.payload().isObject()
                ? new LinkedHashMap<>() : json.convertValue(envelope.payload(), LinkedHashMap.class);
        payload.remove("contact");
        return payload;
    }

    private Optional<Template> template(String eventType) {
        if (eventType == null || !EVENT_TYPE.matcher(eventType).matches()) {
            return Optional.empty();
        }
        return byType.computeIfAbsent(eventType, type -> {
            Template template = engine.getTemplate("notifications/" + type + ".txt");
            if (template == null) {
                LOG.debugf("no notification template for %s", type);
            }
            return Optional.ofNullable(template);
        });
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    /** Keeps paragraph breaks (blank lines), joins the lines within a paragraph. */
    private static String paragraphs(String text) {
        String[] blocks = text.trim().split("\\n\\s*\\n");
        StringBuilder out = new StringBuilder();
        for (String block : blocks) {
            String line = oneLine(block);
            if (!line.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append("\n\n");
                }
                out.append(line);
            }
        }
        return out.toString();
    }
}
