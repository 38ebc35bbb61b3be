package ru.spb.feedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integrator's client that knows only the GeoReport v2 spec: an endpoint and an API key,
 * form-encoded POSTs, answers in {@code .json} or {@code .xml}. No bearer token and nothing of the
 * platform's own API. Without a key ({@link #anonymous()}) it reads what the public may read.
 */
record Open311Client(String endpoint, String apiKey) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The spec's endpoint behind the gateway. */
    static Open311Client at(String gatewayUrl, String apiKey) {
        return new Open311Client(gatewayUrl + "/open311/v2/", apiKey);
    }

    /** The same endpoint without a key. */
    Open311Client anonymous() {
        return new Open311Client(endpoint, null);
    }

    /** GET {@code file} (e.g. {@code services.json}) with the query, plus {@code api_key} when this client has one. */
    HttpResponse<String> get(String file, Map<String, String> query) throws Exception {
        String parameters = encode(withKey(query));
        URI uri = URI.create(endpoint + file + (parameters.isEmpty() ? "" : "?" + parameters));
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String file) throws Exception {
        return get(file, Map.of());
    }

    /** POST {@code file} form-encoded, with {@code api_key} in the form when this client has one. */
    HttpResponse<String> post(String file, Map<String, String> form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + file)).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(withKey(form)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GETs a {@code .json} file, answered 200, as JSON. */
    JsonNode json(String file, Map<String, String> query) throws Exception {
        HttpResponse<String> response = get(file, query);
        assertThat(response.statusCode()).as(file + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return AppealsApi.JSON.readTree(response.body());
    }

    JsonNode json(String file) throws Exception {
        return json(file, Map.of());
    }

    /** GETs a {@code .xml} file, answered 200, as a parsed document. */
    Document xml(String file) throws Exception {
        HttpResponse<String> response = get(file);
        assertThat(response.statusCode()).as(file + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        return parse(response.body());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private Map<String, String> withKey(Map<String, String> fields) {
        if (apiKey == null) {
            return fields;
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("api_key", apiKey);
        return all;
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
