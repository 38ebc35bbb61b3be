package ru.spb.feedback.web.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A property that is not required may be null: Jackson writes an absent value as {@code null} (and reads one), so
 * the documents say so, in OpenAPI 3.1's way ({@code type: [string, "null"]}, or {@code anyOf} with a {@code $ref}).
 * Without it a client validating answers against the document rejects them.
 */
final class Nullability {

    private Nullability() {
    }

    static void apply(Map<String, Schema> schemas) {
        schemas.values().forEach(Nullability::applyTo);
    }

    private static void applyTo(Schema schema) {
        if (schema == null || schema.getRef() != null || schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> {
            applyTo(property);
            properties.put(name, required.contains(name) ? property : nullable(property));
        });
        schema.setProperties(properties);
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            Schema either = OASFactory.createSchema()
                    .anyOf(List.of(OASFactory.createSchema().ref(property.getRef()), nullSchema()));
            either.setDescription(property.getDescription());
            return either;
        }
        List<Schema.SchemaType> types = property.getType();
        if (types != null && !types.isEmpty() && !types.contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
        return property;
    }

    private static Schema nullSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.NULL);
    }
}
