package ru.spb.feedback.appeals.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ru.spb.feedback.appeals.category.Category;
import ru.spb.feedback.appeals.category.CategoryCatalog;
import ru.spb.feedback.appeals.config.AppealsConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The problem types of the city classifier as GeoReport v2 services: one service per active type,
 * {@code service_code} = the type's code, {@code group} = its category, keywords = its object and
 * category. Every service has a definition with its attributes.
 */
@ApplicationScoped
public class Open311Services {

    /** The attribute that says an Open311 request is a message, never an official 59-ФЗ appeal. */
    static final String OFFICIAL = "official";
    /** Informational attribute of photo-required types: send {@code media_url}. */
    static final String PHOTO_REQUIRED = "photo_required";

    @Inject
    CategoryCatalog catalog;

    @Inject
    AppealsConfig config;

    /** The spec's service discovery document: where the API is, which formats, whom to ask for a key. */
    public Open311Body discovery() {
        var open311 = config.open311();
        return Open311Body.single("discovery", Open311Body.fields()
                .put("changeset", Open311Body.time(open311.changeset()))
                .put("contact", open311.contact())
                .put("key_service", open311.keyService())
                .put("endpoints", List.of(Open311Body.fields()
                        .put("specification", "http://wiki.open311.org/GeoReport_v2")
                        .put("url", open311.publicUrl())
                        .put("changeset", Open311Body.time(open311.changeset()))
                        .put("type", open311.endpointType())
                        .put("formats", List.of("text/xml", "application/json"))
                        .build()))
                .build());
    }

    public Open311Body services() {
        return Open311Body.list("services", "service", catalog.list(false).stream().map(Open311Services::service).toList());
    }

    public Open311Body definition(String serviceCode) {
        Category category = accepted(serviceCode);
        return Open311Body.single("service_definition", Open311Body.fields()
                .put("service_code", category.code)
                .put("attributes", attributes(category))
                .build());
    }

    /** An active problem type, or 404 in the spec's words. */
    public Category accepted(String serviceCode) {
        return catalog.find(serviceCode.trim())
                .filter(category -> category.active)
                .orElseThrow(() -> Open311Error.notFound("service_code not found"));
    }

    private static Map<String, Object> service(Category category) {
        return Open311Body.fields()
                .put("service_code", category.code)
                .put("service_name", category.name)
                .put("description", category.description != null ? category.description : category.groupPath())
                .put("metadata", true)
                .put("type", "realtime")
                .put("keywords", category.objectName + ", " + category.groupName)
                .put("group", category.groupName)
                .build();
    }

    private static List<Map<String, Object>> attributes(Category category) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        attributes.add(Open311Body.fields()
                .put("variable", true)
                .put("code", OFFICIAL)
                .put("datatype", "singlevaluelist")
                .put("required", false)
                .put("datatype_description", "Только false: через Open311 принимаются сообщения о проблемах. "
                        + "Официальное обращение по 59-ФЗ подаёт сам гражданин после входа через ЕСИА.")
                .put("order", 1)
                .put("description", "Официальное обращение по 59-ФЗ?")
                .put("values", List.of(Open311Body.fields().put("key", "false").put("name", "Нет, сообщение о проблеме").build()))
                .build());
        if (category.photoRequired) {
            attributes.add(Open311Body.fields()
                    .put("variable", false)
                    .put("code", PHOTO_REQUIRED)
                    .put("datatype", "string")
                    .put("required", false)
                    .put("datatype_description", null)
                    .put("order", 2)
                    .put("description", "Для этого типа проблемы нужна фотография: передайте её адрес в media_url.")
                    .build());
        }
        return attributes;
    }
}
