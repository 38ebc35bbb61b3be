package ru.spb.feedback.appeals.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Photo bytes in an S3-compatible object store, through the JDK's HTTP client and Signature V4
 * (no SDK). Uploads stream with a known length and an unsigned payload, as S3 allows over TLS.
 * Not transactional: a row whose transaction fails after the PUT leaves an object behind.
 */
public class S3PhotoStorage implements PhotoStorage {

    private static final int ERROR_BODY_LIMIT = 4096;
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([A-Za-z0-9.]{1,64})</Code>");

    private final HttpClient http;
    private final AwsSignatureV4 signer;
    private final URI endpoint;
    private final String bucket;
    private final boolean pathStyle;
    private final String keyPrefix;
    private final Duration timeout;

    public S3PhotoStorage(UploadsConfig.S3 config) {
        this.endpoint = config.endpoint().orElseThrow(() -> missing("endpoint"));
        this.bucket = config.bucket().orElseThrow(() -> missing("bucket"));
        this.signer = new AwsSignatureV4(config.accessKey().orElseThrow(() -> missing("access-key")),
                config.secretKey().orElseThrow(() -> missing("secret-key")), config.region(), "s3");
        this.pathStyle = config.pathStyle();
        this.keyPrefix = config.keyPrefix();
        this.timeout = config.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static IllegalStateException missing(String key) {
        return new IllegalStateException("appeals.uploads.storage=s3 needs appeals.uploads.s3." + key);
    }

    @Override
    public void put(UUID id, InputStream content, long size, String contentType) throws IOException {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> content), size);
        HttpResponse<String> response = send(request("PUT", id, Map.of("content-type", contentType), body),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw failure("PUT", response.statusCode(), response.body());
        }
    }

    @Override
    public Optional<InputStream> open(UUID id) throws IOException {
        HttpResponse<InputStream> response = send(request("GET", id, Map.of(), HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 200) {
            return Optional.of(response.body());
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("GET", response.statusCode(), new String(body.readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void delete(UUID id) throws IOException {
        HttpResponse<String> response = send(request("DELETE", id, Map.of(), HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204 && response.statusCode() != 200 && response.statusCode() != 404) {
            throw failure("DELETE", response.statusCode(), response.body());
        }
    }

    /**
     * The status and S3 error code (e.g. 403 SignatureDoesNotMatch, the sign of a wrong secret key),
     * and nothing else of the body: S3 error bodies echo the string-to-sign and canonical request.
     */
    private static IOException failure(String method, int status, String body) {
        Matcher code = ERROR_CODE.matcher(body.length() > ERROR_BODY_LIMIT ? body.substring(0, ERROR_BODY_LIMIT) : body);
        return new IOException("object storage answered " + method + " with " + status + (code.find() ? " " + code.group(1) : ""));
    }

    /** The object's URI, path-style ({@code endpoint/bucket/key}) or virtual-hosted ({@code bucket.endpoint/key}). */
    URI objectUri(UUID id) {
        String base = endpoint.toString().replaceAll("/+$", "");
        String key = AwsSignatureV4.encodePath(keyPrefix + id);
        if (pathStyle) {
            return URI.create(base + "/" + AwsSignatureV4.encodePath(bucket) + "/" + key);
        }
        return URI.create(endpoint.getScheme() + "://" + bucket + "." + endpoint.getRawAuthority() + "/" + key);
    }

    private HttpRequest request(String method, UUID id, Map<String, String> extraHeaders, HttpRequest.BodyPublisher body) {
        URI uri = objectUri(id);
        Instant now = Instant.now();
        String payloadHash = "PUT".equals(method) ? AwsSignatureV4.UNSIGNED_PAYLOAD : AwsSignatureV4.EMPTY_PAYLOAD;
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("x-amz-date", AwsSignatureV4.amzDate(now));
        headers.put("x-amz-content-sha256", payloadHash);
        Map<String, String> signed = new LinkedHashMap<>(headers);
        // the client sends Host itself, from the URI; sign exactly that
        signed.put("host", uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body)
                .header("Authorization", signer.authorization(method, uri.getRawPath(), "", signed, payloadHash, now));
        headers.forEach(builder::header);
        return builder.build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling object storage", e);
        }
    }
}
