package ru.spb.feedback.contracts;

import java.util.List;

/**
 * routing-service could not decide who answers; a moderator has to (topic {@code routing.events}).
 *
 * @param reason why routing gave up
 * @param detail a sentence for the moderator
 * @param hints  what routing did find (e.g. the district of a point between municipalities)
 */
@EventType(name = "TriageRequired", citizenVisible = false)
public record TriageRequired(Reason reason, String detail, List<String> hints) implements AppealEvent {

    /** Why an appeal needs a person to route it. */
    public enum Reason {
        /** The point is in a district but in no municipality (e.g. water, an unmapped gap). */
        OUTSIDE_MUNICIPALITY,
        /** The point is outside St. Petersburg. */
        OUTSIDE_CITY,
        /** No location to route by (e.g. an address only). */
        NO_LOCATION,
        /** Every candidate organization declined, or the decline limit was reached. */
        DECLINED
    }
}
