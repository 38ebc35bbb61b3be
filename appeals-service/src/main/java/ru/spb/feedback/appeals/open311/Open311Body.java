package ru.spb.feedback.appeals.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.spb.feedback.contracts.CityTime;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One GeoReport v2 answer, rendered in either format from the same fields, so JSON and XML can
 * never say different things. In JSON a list is an array of objects (the spec's convention) and a
 * definition is an object; in XML both have the spec's root and element names, e.g.
 * {@code <services><service>…}. Field order is kept as given.
 *
 * <p>Values are strings, numbers, booleans, null (JSON {@code null}, an empty XML element) or lists
 * of field maps or of plain values, whose XML item names come from {@link #ITEM_NAMES}.
 */
public final class Open311Body {

    /** The element name of one item of a nested list, by the list's name. */
    private static final Map<String, String> ITEM_NAMES = Map.of("attributes", "attribute", "values", "value",
            "endpoints", "endpoint", "formats", "format");

    /** Open311 times: ISO 8601 with the city's offset, to the second, as in the spec's examples. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(CityTime.ZONE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final String root;
    private final String item;
    private final List<Map<String, Object>> items;
    private final Map<String, Object> single;

    private Open311Body(String root, String item, List<Map<String, Object>> items, Map<String, Object> single) {
        this.root = root;
        this.item = item;
        this.items = items;
        this.single = single;
    }

    /** A list: a JSON array, or {@code <root><item>…</item>…</root>}. */
    public static Open311Body list(String root, String item, List<Map<String, Object>> items) {
        return new Open311Body(root, item, items, null);
    }

    /** One object: a JSON object, or {@code <root>…</root>}. */
    public static Open311Body single(String root, Map<String, Object> fields) {
        return new Open311Body(root, null, null, fields);
    }

    /** Builds a field map in the order the fields are put. */
    public static Fields fields() {
        return new Fields();
    }

    /** A time as Open311 writes it, e.g. {@code 2026-11-29T21:45:50+03:00}; null stays null. */
    public static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public String render(Open311Format format) {
        return format == Open311Format.JSON ? json() : xml();
    }

    private String json() {
        try {
            return JSON.writeValueAsString(single != null ? single : items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an Open311 body holds only plain values", e);
        }
    }

    private String xml() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = XML.createXMLStreamWriter(out);
            writer.writeStartDocument("utf-8", "1.0");
            writer.writeStartElement(root);
            if (single != null) {
                writeFields(writer, single);
            } else {
                for (Map<String, Object> fields : items) {
                    writer.writeStartElement(item);
                    writeFields(writer, fields);
                    writer.writeEndElement();
                }
            }
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void writeFields(XMLStreamWriter writer, Map<String, Object> fields) throws XMLStreamException {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Object value = field.getValue();
            if (value == null) {
                writer.writeEmptyElement(field.getKey());
                continue;
            }
            writer.writeStartElement(field.getKey());
            if (value instanceof List<?> list) {
                String itemName = ITEM_NAMES.get(field.getKey());
                if (itemName == null) {
                    throw new IllegalStateException("no XML item name for the list " + field.getKey());
                }
                for (Object element : list) {
                    writer.writeStartElement(itemName);
                    if (element instanceof Map<?, ?> map) {
                        writeFields(writer, (Map<String, Object>) map);
                    } else {
                        writer.writeCharacters(text(element));
                    }
                    writer.writeEndElement();
                }
            } else {
                writer.writeCharacters(text(value));
            }
            writer.writeEndElement();
        }
    }

    /**
     * Numbers in plain decimal notation (never 5.9E1), everything else as Java prints it, without
     * the characters XML 1.0 forbids (C0 controls but tab and line breaks, lone surrogates,
     * U+FFFE, U+FFFF): an integrator's text may hold them, and one would make the whole answer
     * unparseable. JSON escapes them, so only XML drops them.
     */
    private static String text(Object value) {
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).toPlainString();
        }
        String text = value.toString();
        StringBuilder allowed = new StringBuilder(text.length());
        text.codePoints().filter(Open311Body::allowedInXml).forEach(allowed::appendCodePoint);
        return allowed.toString();
    }

    /** XML 1.0's Char production. */
    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** An ordered field map. */
    public static final class Fields {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        public Fields put(String name, Object value) {
            fields.put(name, value);
            return this;
        }

        public Map<String, Object> build() {
            return fields;
        }
    }
}
