package ru.spb.feedback.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A hostile client, driven by a service's own OpenAPI document: for every operation it sends a valid request and a
 * seeded, bounded set of broken ones (control characters and malformed percent-encoding in path and query values,
 * values of the wrong type or longer than documented, broken and mistyped JSON, a wrong content type), each with
 * the token of one of the given callers. It reports every answer that is a 5xx, has a status the operation does not
 * document, or has a body that does not match the documented schema (checked as JSON Schema 2020-12, the dialect
 * of OpenAPI 3.1, by networknt's validator). Inputs are drawn from jqwik's generators with a fixed seed, so a
 * finding can be replayed. Requests are written on a raw socket: an HTTP client would refuse to send the broken
 * URLs that are the point.
 */
public final class ApiFuzz {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final int TIMEOUT_MILLIS = 15_000;
    /** Fixed, so a finding can be replayed; change it to explore other inputs. */
    static final long SEED = 20261207L;
    /** Requests per operation: about 1,300 per build over the four documents, some 15 s per service. */
    static final int PER_OPERATION = 25;

    /** Who sends a request: a role's name and its bearer token, or none for an anonymous caller. */
    public record Caller(String name, String token) {
        public static Caller anonymous() {
            return new Caller("anonymous", null);
        }
    }

    /** No token, and a real signed token of each role (the officer's organization is Admiralteysky's 1123300). */
    public static List<Caller> everyRole() {
        return List.of(Caller.anonymous(),
                new Caller("citizen", TestTokens.citizen("fuzz-citizen", "fuzz@example.org", "Фазз Тестов")),
                new Caller("officer", TestTokens.officer("fuzz-officer", "1123300")),
                new Caller("moderator", TestTokens.moderator("fuzz-moderator")),
                new Caller("admin", TestTokens.admin("fuzz-admin")),
                new Caller("integrator", TestTokens.integrator("fuzz-integrator")));
    }

    /** One answer that breaks the contract. */
    public record Finding(String operation, String variant, String caller, int status, String problem) {
        @Override
        public String toString() {
            return operation + " [" + variant + ", " + caller + "] → " + status + ": " + problem;
        }
    }

    private record Request(String method, String path, String query, String contentType, byte[] body, String variant) {
    }

    private record Answer(int status, String contentType, String body) {
    }

    private final JsonNode document;
    private final int port;
    private final List<Caller> callers;
    private final Random random;
    private final int perOperation;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> compiled = new HashMap<>();
    private int sent;

    private ApiFuzz(JsonNode document, int port, List<Caller> callers, long seed, int perOperation) {
        this.document = document;
        this.port = port;
        this.callers = callers;
        this.random = new Random(seed);
        this.perOperation = perOperation;
    }

    /**
     * Sends the requests to the service at 127.0.0.1:port and returns what broke the contract.
     *
     * @param perOperation at most this many requests per operation (the valid one always among them)
     */
    public static List<Finding> run(String documentJson, int port, List<Caller> callers, long seed, int perOperation) {
        try {
            ApiFuzz fuzz = new ApiFuzz(JSON.readTree(documentJson), port, callers, seed, perOperation);
            List<Finding> findings = new ArrayList<>();
            // jqwik's generators outside a jqwik property need a session of their own
            JqwikSession.run(Long.toString(seed), () -> findings.addAll(fuzz.everyOperation()));
            System.out.printf("API fuzz: %d requests, %d findings (seed %d)%n", fuzz.sent, findings.size(), seed);
            return findings;
        } catch (IOException e) {
            throw new IllegalStateException("not an OpenAPI document in JSON", e);
        }
    }

    /** Fetches the service's own document from 127.0.0.1:port and fails on every finding, with every role. */
    public static void assertServiceKeepsItsDocument(int port) {
        Answer document = new ApiFuzz(JSON.createObjectNode(), port, List.of(), 0, 0)
                .send(new Request("GET", "/q/openapi", "format=json", null, null, "document"), Caller.anonymous());
        if (document.status() != 200) {
            throw new AssertionError("no API document at /q/openapi: " + document.status() + " " + shorten(document.body()));
        }
        assertNone(run(document.body(), port, everyRole(), SEED, PER_OPERATION));
    }

    /** Fails naming the findings, the first 60 of them one per line. */
    public static void assertNone(List<Finding> findings) {
        if (!findings.isEmpty()) {
            throw new AssertionError(findings.size() + " answers break the API document:\n  "
                    + String.join("\n  ", findings.stream().limit(60).map(Finding::toString).toList()));
        }
    }

    private List<Finding> everyOperation() {
        List<Finding> findings = new ArrayList<>();
        Map<String, JsonNode> paths = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(entry -> paths.put(entry.getKey(), entry.getValue()));
        for (var path : paths.entrySet()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null || streams(operation)) {
                    continue;
                }
                String name = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
                operation.path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
                List<Request> requests = variants(method.toUpperCase(Locale.ROOT), path.getKey(), parameters, operation);
                for (Request request : requests) {
                    Caller caller = callers.get(random.nextInt(callers.size()));
                    Answer answer = send(request, caller);
                    check(name, operation, request, caller, answer, findings);
                }
            }
        }
        return findings;
    }

    /** A stream never ends by itself; its errors are tested where it is. */
    private static boolean streams(JsonNode operation) {
        for (JsonNode response : operation.path("responses")) {
            if (response.path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    // ---- requests ----

    private List<Request> variants(String method, String template, List<JsonNode> parameters, JsonNode operation) {
        Map<String, String> valid = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            if (parameter.path("required").asBoolean(false) || random.nextBoolean()) {
                valid.put(key(parameter), encode(validValue(parameter.path("schema"), 0)));
            }
        }
        JsonNode requestBody = resolve(operation.path("requestBody"));
        String bodyType = bodyType(requestBody);
        JsonNode bodySchema = bodyType == null ? null : requestBody.path("content").path(bodyType).path("schema");
        byte[] validBody = body(bodyType, bodySchema);

        List<Request> mutations = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asText();
            if (!in.equals("path") && !in.equals("query")) {
                continue;
            }
            for (var broken : brokenValues(resolve(parameter.path("schema")), in.equals("path")).entrySet()) {
                Map<String, String> values = new LinkedHashMap<>(valid);
                values.put(key(parameter), broken.getValue());
                mutations.add(request(method, template, parameters, values, bodyType, validBody,
                        parameter.path("name").asText() + ": " + broken.getKey()));
            }
        }
        if (bodyType != null) {
            for (var broken : brokenBodies(bodyType, bodySchema).entrySet()) {
                mutations.add(request(method, template, parameters, valid, broken.getValue().contentType(),
                        broken.getValue().body(), "body: " + broken.getKey()));
            }
        }
        Collections.shuffle(mutations, random);
        List<Request> requests = new ArrayList<>();
        requests.add(request(method, template, parameters, valid, bodyType, validBody, "valid"));
        requests.addAll(mutations.subList(0, Math.min(mutations.size(), perOperation - 1)));
        return requests;
    }

    private record Body(String contentType, byte[] body) {
    }

    private static String key(JsonNode parameter) {
        return parameter.path("in").asText() + ":" + parameter.path("name").asText();
    }

    private Request request(String method, String template, List<JsonNode> parameters, Map<String, String> values,
                            String contentType, byte[] body, String variant) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : parameters) {
            String value = values.get(key(parameter));
            String name = parameter.path("name").asText();
            switch (parameter.path("in").asText()) {
                case "path" -> path = path.replace("{" + name + "}", value == null ? "x" : value);
                case "query" -> {
                    if (value != null) {
                        query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=').append(value);
                    }
                }
                default -> {
                    // headers and cookies: the valid request leaves them out, they are optional everywhere here
                }
            }
        }
        return new Request(method, path, query.toString(), contentType, body, variant);
    }

    /** Already percent-encoded where they are valid; the point of most is that they are not. */
    private Map<String, String> brokenValues(JsonNode schema, boolean inPath) {
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("NUL", "%00");
        broken.put("control character", "a%01b");
        broken.put("lone percent", "%");
        broken.put("percent sign", "%25");
        broken.put("bad percent-encoding", "%zz");
        broken.put("invalid UTF-8", "%C3%28");
        if (!inPath) {
            // an empty path segment is another path, answered by another operation
            broken.put("empty", "");
        }
        String type = type(schema);
        if (type.equals("integer") || type.equals("number")) {
            broken.put("not a number", "abc");
            broken.put("too large", "99999999999999999999999");
            broken.put("fraction", "1.5");
        }
        if (type.equals("boolean")) {
            broken.put("not a boolean", "maybe");
        }
        if (schema.has("enum") || "uuid".equals(schema.path("format").asText())) {
            broken.put("not one of the values", "NOT_A_VALUE");
        }
        int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        if (maxLength < 2_000) {
            broken.put("too long", "a".repeat(maxLength + 1));
        }
        return broken;
    }

    private static String bodyType(JsonNode requestBody) {
        JsonNode content = requestBody.path("content");
        for (String type : List.of("application/json", "application/x-www-form-urlencoded", "application/geo+json")) {
            if (content.has(type)) {
                return type;
            }
        }
        Iterator<String> names = content.fieldNames();
        return names.hasNext() ? names.next() : null;
    }

    private byte[] body(String contentType, JsonNode schema) {
        if (contentType == null) {
            return null;
        }
        if (contentType.endsWith("json")) {
            return bytes(JSON.valueToTree(validJson(schema, 0)).toString());
        }
        if (contentType.equals("application/x-www-form-urlencoded")) {
            StringBuilder form = new StringBuilder();
            resolve(schema).path("properties").fields().forEachRemaining(field -> form.append(form.isEmpty() ? "" : "&")
                    .append(encode(field.getKey())).append('=').append(encode(validValue(field.getValue(), 1))));
            return bytes(form.toString());
        }
        return new byte[0];
    }

    private Map<String, Body> brokenBodies(String contentType, JsonNode schema) {
        Map<String, Body> broken = new LinkedHashMap<>();
        broken.put("wrong content type", new Body("text/plain", bytes("hello")));
        broken.put("empty", new Body(contentType, new byte[0]));
        if (contentType.equals("application/x-www-form-urlencoded")) {
            broken.put("NUL in a field", new Body(contentType, bytes(firstField(schema) + "=%00")));
            broken.put("bad percent-encoding", new Body(contentType, bytes(firstField(schema) + "=%zz")));
            return broken;
        }
        if (!contentType.endsWith("json")) {
            return broken;
        }
        broken.put("malformed JSON", new Body(contentType, bytes("{\"a\": ")));
        broken.put("an array", new Body(contentType, bytes("[]")));
        broken.put("null", new Body(contentType, bytes("null")));
        broken.put("a string", new Body(contentType, bytes("\"x\"")));
        JsonNode resolved = resolve(schema);
        Object valid = validJson(schema, 0);
        if (!(valid instanceof Map<?, ?> object)) {
            return broken;
        }
        Set<String> required = new java.util.HashSet<>();
        resolved.path("required").forEach(name -> required.add(name.asText()));
        resolved.path("properties").fields().forEachRemaining(field -> {
            JsonNode property = resolve(field.getValue());
            String name = field.getKey();
            broken.put(name + ": wrong type", jsonBody(contentType, object, name, wrongType(property)));
            if (type(property).equals("string")) {
                broken.put(name + ": NUL", jsonBody(contentType, object, name, "a\u0000b"));
                broken.put(name + ": control character", jsonBody(contentType, object, name, "a\u0007b"));
                int maxLength = property.path("maxLength").asInt(-1);
                if (maxLength >= 0 && maxLength < 100_000) {
                    broken.put(name + ": too long", jsonBody(contentType, object, name, "a".repeat(maxLength + 1)));
                }
            }
            if (required.contains(name)) {
                Map<Object, Object> without = new LinkedHashMap<>(object);
                without.remove(name);
                broken.put(name + ": missing", new Body(contentType, bytes(JSON.valueToTree(without).toString())));
            }
        });
        return broken;
    }

    private static Body jsonBody(String contentType, Map<?, ?> valid, String name, Object value) {
        Map<Object, Object> changed = new LinkedHashMap<>(valid);
        changed.put(name, value);
        return new Body(contentType, bytes(JSON.valueToTree(changed).toString()));
    }

    private String firstField(JsonNode schema) {
        Iterator<String> names = resolve(schema).path("properties").fieldNames();
        return names.hasNext() ? encode(names.next()) : "field";
    }

    private static Object wrongType(JsonNode schema) {
        return switch (type(schema)) {
            case "string" -> 12345;
            case "integer", "number", "boolean" -> "not-a-" + type(schema);
            case "array" -> Map.of("not", "a list");
            default -> List.of("not", "an object");
        };
    }

    // ---- valid values, from jqwik's generators ----

    private Object validJson(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        String type = type(resolved);
        if (resolved.has("examples") && resolved.path("examples").isArray() && !resolved.path("examples").isEmpty() && random.nextBoolean()) {
            JsonNode example = resolved.path("examples").get(0);
            return JSON.convertValue(example, Object.class);
        }
        switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                Set<String> required = new java.util.HashSet<>();
                resolved.path("required").forEach(name -> required.add(name.asText()));
                if (depth < 4) {
                    resolved.path("properties").fields().forEachRemaining(field -> {
                        if (required.contains(field.getKey()) || random.nextInt(3) > 0) {
                            object.put(field.getKey(), validJson(field.getValue(), depth + 1));
                        }
                    });
                }
                return object;
            }
            case "array" -> {
                List<Object> list = new ArrayList<>();
                int size = Math.min(resolved.path("maxItems").asInt(2), Math.max(resolved.path("minItems").asInt(0), random.nextInt(3)));
                for (int i = 0; i < size && depth < 4; i++) {
                    list.add(validJson(resolved.path("items"), depth + 1));
                }
                return list;
            }
            case "integer" -> {
                return draw(Arbitraries.longs().between(bound(resolved, "minimum", 0), Math.max(bound(resolved, "minimum", 0),
                        bound(resolved, "maximum", 1_000))));
            }
            case "number" -> {
                return draw(Arbitraries.doubles().between(resolved.path("minimum").asDouble(0), resolved.path("maximum").asDouble(100)));
            }
            case "boolean" -> {
                return random.nextBoolean();
            }
            default -> {
                return validValue(resolved, depth);
            }
        }
    }

    private static long bound(JsonNode schema, String name, long otherwise) {
        JsonNode value = schema.path(name);
        if (!value.isNumber()) {
            return otherwise;
        }
        // a type's whole range is not a useful draw: stay near what real requests send
        return Math.max(-1_000_000, Math.min(1_000_000, value.asLong()));
    }

    private String validValue(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("schema")) {
            resolved = resolve(resolved.path("schema"));
        }
        if (resolved.has("enum") && !resolved.path("enum").isEmpty()) {
            JsonNode values = resolved.path("enum");
            return values.get(random.nextInt(values.size())).asText();
        }
        if (resolved.path("examples").isArray() && !resolved.path("examples").isEmpty() && random.nextBoolean()) {
            JsonNode example = resolved.path("examples").get(0);
            return example.isTextual() ? example.asText() : example.toString();
        }
        String format = resolved.path("format").asText();
        switch (type(resolved)) {
            case "integer" -> {
                return Long.toString(draw(Arbitraries.longs().between(bound(resolved, "minimum", 0),
                        Math.max(bound(resolved, "minimum", 0), bound(resolved, "maximum", 1_000)))));
            }
            case "number" -> {
                return Double.toString(draw(Arbitraries.doubles().between(0, 100)));
            }
            case "boolean" -> {
                return Boolean.toString(random.nextBoolean());
            }
            case "array" -> {
                return depth > 2 ? "" : validValue(resolved.path("items"), depth + 1);
            }
            default -> {
                if (format.equals("uuid")) {
                    return new UUID(random.nextLong(), random.nextLong()).toString();
                }
                if (format.equals("date-time")) {
                    return "2026-12-07T10:00:00Z";
                }
                if (format.equals("date")) {
                    return "2026-12-07";
                }
                int min = resolved.path("minLength").asInt(1);
                int max = Math.max(min, Math.min(resolved.path("maxLength").asInt(16), 16));
                return draw(Arbitraries.strings().alpha().numeric().ofMinLength(min).ofMaxLength(max));
            }
        }
    }

    private <T> T draw(Arbitrary<T> arbitrary) {
        return arbitrary.generator(100).next(random).value();
    }

    // ---- answers ----

    private void check(String name, JsonNode operation, Request request, Caller caller, Answer answer, List<Finding> findings) {
        if (answer.status() >= 500 || answer.status() < 100) {
            findings.add(new Finding(name, request.variant(), caller.name(), answer.status(), "server error: " + shorten(answer.body())));
            return;
        }
        JsonNode responses = operation.path("responses");
        String status = Integer.toString(answer.status());
        JsonNode response = responses.has(status) ? responses.get(status)
                : responses.has(status.charAt(0) + "XX") ? responses.get(status.charAt(0) + "XX") : responses.get("default");
        if (response == null) {
            findings.add(new Finding(name, request.variant(), caller.name(), answer.status(), "status not documented"));
            return;
        }
        response = resolve(response);
        JsonNode content = response.path("content");
        if (answer.body().isEmpty() || content.isEmpty() || answer.contentType() == null) {
            return;
        }
        String mediaType = answer.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode documented = content.get(mediaType);
        if (documented == null && content.has("*/*")) {
            documented = content.get("*/*");
        }
        if (documented == null) {
            findings.add(new Finding(name, request.variant(), caller.name(), answer.status(),
                    "media type " + mediaType + " not documented for " + status));
            return;
        }
        if (!mediaType.endsWith("json") || !documented.has("schema")) {
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException e) {
            findings.add(new Finding(name, request.variant(), caller.name(), answer.status(), "body is not JSON: " + shorten(answer.body())));
            return;
        }
        Set<ValidationMessage> errors = schema(name + " " + status + " " + mediaType, documented.path("schema")).validate(body);
        if (!errors.isEmpty()) {
            findings.add(new Finding(name, request.variant(), caller.name(), answer.status(),
                    "body does not match the schema: " + errors.stream().limit(3).map(ValidationMessage::getMessage).toList()));
        }
    }

    private JsonSchema schema(String key, JsonNode schema) {
        return compiled.computeIfAbsent(key, ignored -> {
            // the document's components travel with the schema, so its $refs resolve
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("components", document.path("components"));
            root.putArray("allOf").add(schema);
            return schemas.getSchema(root);
        });
    }

    private Answer send(Request request, Caller caller) {
        sent++;
        String target = request.path() + (request.query().isEmpty() ? "" : "?" + request.query());
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n")
                .append("Accept: application/json, application/problem+json;q=0.9, */*;q=0.5\r\n");
        if (caller.token() != null) {
            head.append("Authorization: Bearer ").append(caller.token()).append("\r\n");
        }
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (request.body() != null) {
            head.append("Content-Type: ").append(request.contentType()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            return new Answer(0, null, "no answer: " + e);
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(0, null, "not an HTTP answer: " + shorten(text));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        String contentType = null;
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (chunked) {
            body = dechunk(body);
        }
        return new Answer(status, contentType, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    // ---- the document ----

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                break;
            }
            current = document.at(ref.substring(1));
        }
        return current == null || current.isMissingNode() ? JSON.createObjectNode() : current;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
