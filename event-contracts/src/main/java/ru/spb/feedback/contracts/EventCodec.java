package ru.spb.feedback.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON mapping of events, used by producers and consumers alike. Unknown fields are
 * ignored, so adding an optional field never breaks an older consumer.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {
    }

    public static byte[] encode(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + envelope.eventId(), e);
        }
    }

    public static String encodeToString(EventEnvelope envelope) {
        return new String(encode(envelope), StandardCharsets.UTF_8);
    }

    /** Reads an envelope; anything that is not one (bad JSON, missing fields) is a {@link MalformedEventException}. */
    public static EventEnvelope decode(byte[] value) {
        if (value == null) {
            throw new MalformedEventException("record has no value", null);
        }
        try {
            EventEnvelope envelope = MAPPER.readValue(value, EventEnvelope.class);
            if (envelope == null) {
                throw new MalformedEventException("record value is JSON null", null);
            }
            return envelope;
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedEventException m) {
                throw m;
            }
            throw new MalformedEventException("record is not an event envelope: " + rootMessage(e), e);
        }
    }

    public static EventEnvelope decode(String value) {
        return decode(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode toTree(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    static <T> T fromTree(JsonNode node, Class<T> type) {
        try {
            T value = MAPPER.treeToValue(node, type);
            if (value == null) {
                throw new MalformedEventException("payload is JSON null", null);
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("payload is not a valid " + type.getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    /**
     * Says where the input is wrong without quoting it: Jackson's own messages echo the offending
     * value, which may be a citizen's contact data and must not reach logs.
     */
    private static String rootMessage(Exception e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "field " + mapping.getPathReference().replace("ru.spb.feedback.contracts.", "");
        }
        if (e instanceof JsonProcessingException processing && processing.getLocation() != null) {
            return "invalid JSON at line " + processing.getLocation().getLineNr()
                    + ", column " + processing.getLocation().getColumnNr();
        }
        return e.getClass().getSimpleName();
    }
}
