package ru.spb.feedback.contracts;

/**
 * Kafka record headers every event carries, so tooling and consumers can route, trace and skip
 * records without parsing the value.
 */
public final class EventHeaders {

    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String SCHEMA_VERSION = "schema-version";
    /** The id of the HTTP request that caused the event (the gateway's {@code X-Request-Id}). */
    public static final String REQUEST_ID = "request-id";

    private EventHeaders() {
    }
}
