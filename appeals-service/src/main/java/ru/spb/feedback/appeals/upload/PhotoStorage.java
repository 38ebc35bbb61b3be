package ru.spb.feedback.appeals.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the bytes of uploaded photos live, apart from any appeal row. PostgreSQL by default;
 * S3-compatible object storage when configured ({@code appeals.uploads.storage}).
 */
public interface PhotoStorage {

    /** Stores {@code size} bytes read from {@code content} under {@code id}. Runs inside the caller's transaction where the storage is transactional. */
    void put(UUID id, InputStream content, long size, String contentType) throws IOException;

    /** The stored bytes as a stream the caller closes, or empty if nothing is stored under {@code id}. */
    Optional<InputStream> open(UUID id) throws IOException;

    /** Deletes the bytes; deleting what is not there is no error. */
    void delete(UUID id) throws IOException;
}
