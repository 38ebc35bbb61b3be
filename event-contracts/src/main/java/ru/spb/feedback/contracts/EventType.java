package ru.spb.feedback.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event payload record on the wire. The name is the envelope's {@code eventType}; the
 * version is bumped only for changes old consumers cannot read (new optional fields do not count).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String name();

    int version() default 1;

    /** Whether the citizen is told about this event (notification-service acts only on these). */
    boolean citizenVisible();

    /**
     * Whether the appeal is finished after this event ({@link AppealStatus#isFinished()}): no deadline runs any more,
     * routing forgets it, and its personal data's retention period starts.
     */
    boolean finishes() default false;

    /**
     * Whether the appeal has no due date after this event until a later one names it (a reopened appeal waits
     * for routing-service's new deadline). Finishing events clear it too ({@link EventCatalog#clearsDueDate}).
     */
    boolean clearsDueDate() default false;
}
