package ru.spb.feedback.web.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.List;
import java.util.Locale;

/**
 * The limits the HTTP server puts on what a request can carry, written into the parameters and raw bodies that state
 * no tighter ones: a path or query value cannot be longer than the request line
 * ({@code quarkus.http.limits.max-initial-line-length}), a header than {@code max-header-size}, a body than
 * {@code max-body-size}; longer requests are refused before any resource sees them (the gateway enforces the same).
 * Fields of a JSON body are not filled in here: their limits are Bean Validation annotations, checked field by field.
 */
final class RequestLimits {

    private final int lineBytes;
    private final int headerBytes;
    private final long bodyBytes;

    private RequestLimits(int lineBytes, int headerBytes, long bodyBytes) {
        this.lineBytes = lineBytes;
        this.headerBytes = headerBytes;
        this.bodyBytes = bodyBytes;
    }

    /** The service's own settings (its application.properties, read when the document is built), else Vert.x's defaults. */
    static RequestLimits ofThisService() {
        var config = ConfigProvider.getConfig();
        return new RequestLimits(
                (int) bytes(config.getOptionalValue("quarkus.http.limits.max-initial-line-length", String.class).orElse("4096")),
                (int) bytes(config.getOptionalValue("quarkus.http.limits.max-header-size", String.class).orElse("20K")),
                bytes(config.getOptionalValue("quarkus.http.limits.max-body-size", String.class).orElse("10240K")));
    }

    void applyTo(Parameter parameter) {
        int limit = parameter.getIn() == Parameter.In.HEADER || parameter.getIn() == Parameter.In.COOKIE ? headerBytes : lineBytes;
        bound(parameter.getSchema(), limit);
    }

    /** A body read as one string or as bytes (a form, a GeoJSON upload, a file part). */
    void applyToBody(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        if (isString(schema) && unbounded(schema)) {
            schema.setMaxLength((int) Math.min(Integer.MAX_VALUE, bodyBytes));
        }
    }

    /** A form's or a multipart body's fields: each is bounded by the body. */
    void applyToForm(Schema schema) {
        applyToBody(schema);
        if (schema != null && schema.getRef() == null && schema.getProperties() != null) {
            schema.getProperties().values().forEach(this::applyToBody);
        }
    }

    private static void bound(Schema schema, int limit) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        if (isString(schema) && unbounded(schema)) {
            schema.setMaxLength(limit);
        }
        if (has(schema, Schema.SchemaType.ARRAY)) {
            if (schema.getMaxItems() == null) {
                // each value takes at least one character and a separator
                schema.setMaxItems(limit / 2);
            }
            bound(schema.getItems(), limit);
        }
    }

    private static boolean unbounded(Schema schema) {
        return schema.getMaxLength() == null && schema.getEnumeration() == null && schema.getConstValue() == null;
    }

    private static boolean isString(Schema schema) {
        return has(schema, Schema.SchemaType.STRING);
    }

    private static boolean has(Schema schema, Schema.SchemaType type) {
        List<Schema.SchemaType> types = schema.getType();
        return types != null && types.contains(type);
    }

    /** Quarkus' memory sizes: a number of bytes, or with K, M or G. */
    static long bytes(String size) {
        String value = size.trim().toUpperCase(Locale.ROOT);
        long unit = switch (value.charAt(value.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = unit == 1 ? value : value.substring(0, value.length() - 1);
        return Long.parseLong(digits) * unit;
    }
}
