package ru.spb.feedback.web.openapi;

import org.eclipse.microprofile.openapi.models.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bounds a value has because of its type, written into the schemas that do not state tighter ones: a Java
 * {@code int} or {@code long} parameter that does not parse as one is a 400, so its range is part of the contract,
 * and a date-time, date or UUID has a longest written form. Limits chosen on purpose (a description's 4000
 * characters) are Bean Validation annotations, which SmallRye OpenAPI turns into {@code maxLength} and the like.
 */
final class TypeBounds {

    /** {@code 2026-12-07T06:00:05.123456789+03:00}, the longest ISO 8601 form Jackson writes or reads here. */
    static final int DATE_TIME_MAX_LENGTH = 35;
    static final int DATE_MAX_LENGTH = 10;
    static final int UUID_LENGTH = 36;

    private TypeBounds() {
    }

    static void apply(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.INTEGER)) {
            boundInteger(schema);
        }
        if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null) {
            Integer longest = longestForm(schema.getFormat());
            if (longest != null) {
                schema.setMaxLength(longest);
            }
        }
        children(schema).forEach(TypeBounds::apply);
    }

    private static void boundInteger(Schema schema) {
        boolean int32 = "int32".equals(schema.getFormat());
        if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
            schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
        }
        if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
            schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
        }
        if (schema.getFormat() == null) {
            schema.setFormat("int64");
        }
    }

    private static Integer longestForm(String format) {
        if (format == null) {
            return null;
        }
        return switch (format) {
            case "date-time" -> DATE_TIME_MAX_LENGTH;
            case "date" -> DATE_MAX_LENGTH;
            case "uuid" -> UUID_LENGTH;
            default -> null;
        };
    }

    private static Stream<Schema> children(Schema schema) {
        Stream<Schema> properties = schema.getProperties() == null ? Stream.empty() : schema.getProperties().values().stream();
        return Stream.of(properties,
                        Stream.of(schema.getItems(), schema.getAdditionalPropertiesSchema(), schema.getNot()),
                        listed(schema.getAllOf()), listed(schema.getAnyOf()), listed(schema.getOneOf()),
                        schema.getPrefixItems() == null ? Stream.<Schema>empty() : schema.getPrefixItems().stream(),
                        mapped(schema.getPatternProperties()))
                .flatMap(s -> s);
    }

    private static Stream<Schema> listed(List<Schema> schemas) {
        return schemas == null ? Stream.empty() : schemas.stream();
    }

    private static Stream<Schema> mapped(Map<String, Schema> schemas) {
        return schemas == null ? Stream.empty() : schemas.values().stream();
    }
}
