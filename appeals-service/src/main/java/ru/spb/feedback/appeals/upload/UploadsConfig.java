package ru.spb.feedback.appeals.upload;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Settings of photo uploads ({@code appeals.uploads.*}). */
@ConfigMapping(prefix = "appeals.uploads")
public interface UploadsConfig {

    /**
     * Largest accepted file, in bytes (10 MB). {@code quarkus.http.limits.max-body-size} must stay a
     * little above it, for the multipart envelope.
     */
    @WithDefault("10485760")
    long maxBytes();

    /** Most pixels (width × height, read from the header) an image may declare: 50 MP. */
    @WithDefault("50000000")
    long maxPixels();

    /** Most photos one appeal or one answer may name. */
    @WithDefault("5")
    int maxPerAttachment();

    /** How long an upload no appeal or answer names is kept before the cleanup deletes it. */
    @WithDefault("P1D")
    Duration unattachedRetention();

    /** Uploads the cleanup deletes per transaction. */
    @WithDefault("200")
    int cleanupBatchSize();

    /** Where the bytes live: {@code postgres} (own table, the default) or {@code s3} (S3-compatible object storage). */
    @WithDefault("postgres")
    StorageKind storage();

    S3 s3();

    enum StorageKind {
        POSTGRES, S3
    }

    /** S3-compatible object storage, used when {@code storage=s3}. */
    interface S3 {
        /** Base URL of the service, e.g. {@code https://storage.example.net} (no bucket in it). */
        Optional<URI> endpoint();

        /** The bucket; it must exist. */
        Optional<String> bucket();

        /** Signing region; most S3-compatible services accept {@code us-east-1}. */
        @WithDefault("us-east-1")
        String region();

        Optional<String> accessKey();

        Optional<String> secretKey();

        /** {@code endpoint/bucket/key} (true) or {@code bucket.endpoint/key} (false, virtual-hosted style). */
        @WithDefault("true")
        boolean pathStyle();

        /** Prefix of object keys, so the bucket can be shared. */
        @WithDefault("uploads/")
        String keyPrefix();

        /** Connect and request timeout of each call. */
        @WithDefault("PT30S")
        Duration timeout();
    }
}
