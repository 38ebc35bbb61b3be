package ru.spb.feedback.appeals.open311;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import ru.spb.feedback.web.InputCharacters;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes the form of a service request. Decoded by hand, not by JAX-RS, so that a field given
 * twice (in the body and the query string) is seen as given twice and a wrong content type or a
 * broken encoding is answered in the spec's error form.
 */
final class Open311Form {

    static final String MEDIA_TYPE = MediaType.APPLICATION_FORM_URLENCODED;

    private Open311Form() {
    }

    /**
     * The form fields of the body, with those of the query string (some clients put api_key
     * there); a field given in both is reported as given twice.
     */
    static MultivaluedMap<String, String> decode(String contentType, String body, MultivaluedMap<String, String> query) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE)) {
            throw Open311Error.of(415, "Send the request as application/x-www-form-urlencoded");
        }
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        query.forEach((name, values) -> form.addAll(name, values));
        if (body != null && !body.isBlank()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                    String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                    // free text (the description) may hold line breaks; names hold nothing of the sort
                    if (InputCharacters.inValue(name) || InputCharacters.inText(value)) {
                        throw Open311Error.badRequest("A form field " + InputCharacters.MESSAGE);
                    }
                    form.add(name, value);
                } catch (IllegalArgumentException e) {
                    throw Open311Error.badRequest("The form is not properly URL-encoded");
                }
            }
        }
        return form;
    }
}
