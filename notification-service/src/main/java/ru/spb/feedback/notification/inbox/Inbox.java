package ru.spb.feedback.notification.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.notification.template.RenderedNotification;
import ru.spb.feedback.notification.template.TrackedAppeal;
import ru.spb.feedback.web.PageView;
import ru.spb.feedback.web.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The citizens' in-app inboxes. */
@ApplicationScoped
public class Inbox {

    /** The PostgreSQL NOTIFY channel that announces each new notification; the live streams listen on it. */
    public static final String CREATED_CHANNEL = "notification_created";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /**
     * Adds the notification of one event and announces it to the live streams of every copy
     * (PostgreSQL NOTIFY, delivered when this transaction commits). Empty if the event already
     * has its notification for the author.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Notification> add(EventEnvelope envelope, TrackedAppeal appeal, RenderedNotification text) {
        return add(envelope, appeal, text, envelope.citizenId(), false);
    }

    /** The same for a citizen who supports the appeal; empty if they already have this event's notification. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Notification> addForSupporter(EventEnvelope envelope, TrackedAppeal appeal, RenderedNotification text,
                                                  String supporterId) {
        return add(envelope, appeal, text, supporterId, true);
    }

    private Optional<Notification> add(EventEnvelope envelope, TrackedAppeal appeal, RenderedNotification text, String citizenId,
                                       boolean supportedAppeal) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<?> inserted = entityManager.createNativeQuery("""
                        insert into notification (id, citizen_id, event_id, event_type, appeal_id, appeal_number, status_label,
                                                  title, message, municipality_name, due_at, occurred_at, created_at,
                                                  supported_appeal)
                        values (:id, :citizen, :event, :type, :appeal, :number, :status, :title, :message, :municipality,
                                :due, :occurred, :now, :supported)
                        on conflict (event_id, citizen_id) do nothing
                        returning seq""")
                .setParameter("id", id)
                .setParameter("citizen", citizenId)
                .setParameter("event", envelope.eventId())
                .setParameter("type", envelope.eventType())
                .setParameter("appeal", envelope.appealId())
                .setParameter("number", appeal.number != null ? appeal.number : envelope.appealNumber())
                .setParameter("status", text.status())
                .setParameter("title", text.title())
                .setParameter("message", text.message())
                .setParameter("municipality", appeal.municipalityName)
                .setParameter("due", appeal.dueAt)
                .setParameter("occurred", envelope.occurredAt())
                .setParameter("now", now)
                .setParameter("supported", supportedAppeal)
                .getResultList();
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        long seq = ((Number) inserted.get(0)).longValue();
        entityManager.createNativeQuery("select pg_notify(:channel, :payload)")
                .setParameter("channel", CREATED_CHANNEL)
                .setParameter("payload", announcement(id, citizenId, seq))
                .getSingleResult();
        return Optional.of(Notification.findById(id));
    }

    @Transactional
    public PageView<NotificationView> list(String citizenId, boolean unreadOnly, int page, int size) {
        PanacheQuery<Notification> query = Notification.find(
                unreadOnly ? "citizenId = :citizen and readAt is null" : "citizenId = :citizen",
                Sort.descending("createdAt", "seq"), Parameters.with("citizen", citizenId));
        List<NotificationView> items = query.page(Page.of(page, size)).list().stream().map(NotificationView::of).toList();
        return PageView.of(items, page, size, query.count());
    }

    @Transactional
    public long unreadCount(String citizenId) {
        return Notification.count("citizenId = ?1 and readAt is null", citizenId);
    }

    /** Marks one notification read (again is fine); another citizen's is "not found". */
    @Transactional
    public NotificationView markRead(String citizenId, UUID id) {
        Notification notification = Notification.findById(id);
        if (notification == null || !notification.citizenId.equals(citizenId)) {
            throw ProblemException.notFound("Notification " + id);
        }
        if (notification.readAt == null) {
            notification.readAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        return NotificationView.of(notification);
    }

    @Transactional
    public int markAllRead(String citizenId) {
        return Notification.update("readAt = ?1 where citizenId = ?2 and readAt is null",
                Instant.now().truncatedTo(ChronoUnit.MICROS), citizenId);
    }

    /** The citizen's notifications after a stream position, oldest first (a reconnecting stream's replay). */
    @Transactional
    public List<NotificationView> after(String citizenId, long seq, int limit) {
        return Notification.<Notification>find("citizenId = ?1 and seq > ?2", Sort.ascending("seq"), citizenId, seq)
                .page(0, limit).list().stream().map(NotificationView::of).toList();
    }

    /** The citizen's notifications created since a moment, oldest first (catching up after a listener outage). */
    @Transactional
    public List<NotificationView> since(String citizenId, Instant since, int limit) {
        return Notification.<Notification>find("citizenId = ?1 and createdAt >= ?2", Sort.ascending("seq"), citizenId, since)
                .page(0, limit).list().stream().map(NotificationView::of).toList();
    }

    @Transactional
    public Optional<NotificationView> find(UUID id) {
        return Notification.<Notification>findByIdOptional(id).map(NotificationView::of);
    }

    private String announcement(UUID id, String citizenId, long seq) {
        try {
            return json.writeValueAsString(Map.of("id", id.toString(), "citizen", citizenId, "seq", seq));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a stream announcement", e);
        }
    }
}
