package ru.spb.feedback.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type the platform knows, in one list. A consumer looks an incoming
 * {@code eventType} up here; a type that is missing is one it skips and counts.
 */
public final class EventCatalog {

    private static final List<Class<? extends AppealEvent>> TYPES = List.of(
            AppealRegistered.class,
            AppealRouted.class,
            AppealSentToTriage.class,
            AppealRerouteRequested.class,
            AppealAccepted.class,
            AppealAnswered.class,
            AppealRejected.class,
            AppealReopened.class,
            AppealClosed.class,
            AppealWithdrawn.class,
            AppealDeadlineExtended.class,
            AppealDeadlineSet.class,
            AppealOverdue.class,
            AppealCategoryChanged.class,
            AppealSupported.class,
            AppealSupportWithdrawn.class,
            AppealAuthorErased.class,
            RoutingDecided.class,
            TriageRequired.class,
            DeadlineDecided.class);

    private static final Map<String, Class<? extends AppealEvent>> BY_NAME = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(type -> typeOf(type).name(), Function.identity()));

    private static final Set<String> FINISHING = TYPES.stream().map(EventCatalog::typeOf)
            .filter(EventType::finishes).map(EventType::name).collect(Collectors.toUnmodifiableSet());

    private static final Set<String> CLEARING_DUE_DATE = TYPES.stream().map(EventCatalog::typeOf)
            .filter(type -> type.finishes() || type.clearsDueDate()).map(EventType::name).collect(Collectors.toUnmodifiableSet());

    private EventCatalog() {
    }

    public static EventType typeOf(Class<?> payloadType) {
        EventType type = payloadType.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not annotated with @EventType");
        }
        return type;
    }

    public static Optional<Class<? extends AppealEvent>> byName(String eventType) {
        return Optional.ofNullable(BY_NAME.get(eventType));
    }

    /** Whether an event of this type ends its appeal ({@link EventType#finishes()}). */
    public static boolean finishes(String eventType) {
        return FINISHING.contains(eventType);
    }

    /** Whether the appeal has no due date after an event of this type ({@link EventType#clearsDueDate()}, or it finishes). */
    public static boolean clearsDueDate(String eventType) {
        return CLEARING_DUE_DATE.contains(eventType);
    }

    public static List<Class<? extends AppealEvent>> all() {
        return TYPES;
    }
}
