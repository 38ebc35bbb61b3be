package ru.spb.feedback.appeals.upload;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Photos: accepts uploads (checked and stripped of identifying metadata before anything is
 * stored), attaches them to an appeal or an answer in the caller's transaction, and hands them
 * out to the people allowed to see them.
 */
@ApplicationScoped
public class Uploads {

    private static final Logger LOG = Logger.getLogger(Uploads.class);
    public static final String FIELD = "photoIds";

    @Inject
    UploadsConfig config;

    @Inject
    PhotoStorage storage;

    @Inject
    MeterRegistry meters;

    @Inject
    AppealReaders appealReaders;

    /** A photo to send: its type, length and bytes (the caller closes the stream). */
    public record Photo(String contentType, long size, InputStream content) {
    }

    /**
     * Checks the uploaded file, strips its metadata and stores it for {@code ownerId}. The file
     * is at most {@code max-bytes} long, so reading it whole is bounded.
     */
    @Transactional
    public UploadView accept(String ownerId, Path file) {
        byte[] data;
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw ProblemException.invalid("file", "is empty");
            }
            if (size > config.maxBytes()) {
                meters.counter("uploads.rejected", "reason", "too_large").increment();
                throw tooLarge();
            }
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SanitizedImage image;
        try {
            image = PhotoSanitizer.sanitize(data, config.maxPixels());
        } catch (ImageRejected e) {
            meters.counter("uploads.rejected", "reason", e.reason().name().toLowerCase()).increment();
            throw rejected(e);
        }

        Upload upload = new Upload();
        upload.id = UUID.randomUUID();
        upload.ownerId = ownerId;
        upload.contentType = image.format().mediaType();
        upload.sizeBytes = image.bytes().length;
        upload.width = image.width();
        upload.height = image.height();
        upload.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        upload.persist();
        try {
            storage.put(upload.id, new ByteArrayInputStream(image.bytes()), image.bytes().length, upload.contentType);
        } catch (IOException e) {
            LOG.errorf(e, "cannot store upload %s", upload.id);
            throw storageUnavailable();
        }
        meters.counter("uploads.accepted", "type", image.format().name().toLowerCase()).increment();
        return UploadView.of(upload);
    }

    /**
     * Attaches uploads to an appeal, in the caller's transaction. At most
     * {@code max-per-attachment}; each must exist, be {@code ownerId}'s and not be attached yet,
     * otherwise a 400 naming {@code photoIds} (and nothing is attached, as the transaction fails).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attach(List<UUID> photoIds, String ownerId, UUID appealId, Upload.Purpose purpose) {
        if (photoIds == null || photoIds.isEmpty()) {
            return;
        }
        if (photoIds.size() > config.maxPerAttachment()) {
            throw ProblemException.invalid(FIELD, "at most " + config.maxPerAttachment() + " photos");
        }
        if (new HashSet<>(photoIds).size() != photoIds.size()) {
            throw ProblemException.invalid(FIELD, "names the same upload more than once");
        }
        // locked in id order, so two requests naming the same uploads cannot deadlock
        Map<UUID, Upload> found = Upload.<Upload>find("id in ?1 order by id", photoIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().stream()
                .collect(Collectors.toMap(upload -> upload.id, Function.identity()));
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < photoIds.size(); i++) {
            Upload upload = found.get(photoIds.get(i));
            if (upload == null || !upload.ownerId.equals(ownerId)) {
                // someone else's upload is "not found", so its existence is not confirmed
                violations.add(new Problem.Violation(FIELD + "[" + i + "]", "no such upload of yours"));
            } else if (upload.isAttached()) {
                violations.add(new Problem.Violation(FIELD + "[" + i + "]", "is already attached to an appeal"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < photoIds.size(); i++) {
            Upload upload = found.get(photoIds.get(i));
            upload.appealId = appealId;
            upload.purpose = purpose;
            upload.position = i;
            upload.attachedAt = now;
        }
    }

    /** The photos attached to an appeal, by purpose, each list in the order the request named them. */
    public Map<Upload.Purpose, List<UUID>> photosOf(UUID appealId) {
        Map<Upload.Purpose, List<UUID>> photos = new EnumMap<>(Upload.Purpose.class);
        for (Upload.Purpose purpose : Upload.Purpose.values()) {
            photos.put(purpose, Upload.attachedTo(appealId, purpose));
        }
        return photos;
    }

    /** The appeals' own photos (not their answers'), for lists of appeals. */
    public static Map<UUID, List<UUID>> appealPhotosOf(Collection<UUID> appealIds) {
        return Upload.attachedToAppeals(appealIds);
    }

    /** The appeal's own photos (not its answers'). */
    public static List<UUID> appealPhotosOf(UUID appealId) {
        return Upload.attachedTo(appealId, Upload.Purpose.APPEAL);
    }

    /**
     * The photo, if the caller may see it: its uploader; once attached, the appeal's author, an
     * officer of the organization the appeal is routed to, moderators and admins. Anyone else gets
     * "not found", so its existence is not confirmed.
     */
    public Photo open(UUID id, Caller caller) {
        Upload upload = Upload.findById(id);
        if (upload == null || !maySee(upload, caller)) {
            throw ProblemException.notFound("Upload " + id);
        }
        try {
            InputStream content = storage.open(id).orElseThrow(() -> ProblemException.notFound("Upload " + id));
            return new Photo(upload.contentType, upload.sizeBytes, content);
        } catch (IOException e) {
            LOG.errorf(e, "cannot read upload %s", id);
            throw storageUnavailable();
        }
    }

    private boolean maySee(Upload upload, Caller caller) {
        if (upload.ownerId.equals(caller.id())) {
            return true;
        }
        return upload.isAttached() && appealReaders.mayRead(upload.appealId, caller);
    }

    ProblemException tooLarge() {
        return new ProblemException(Problem.of(413, "upload-too-large", "Upload too large",
                "A photo may have at most " + config.maxBytes() + " bytes"));
    }

    private static ProblemException rejected(ImageRejected e) {
        return switch (e.reason()) {
            case UNSUPPORTED -> new ProblemException(Problem.of(415, "unsupported-image", "Unsupported image",
                    "Send a JPEG, PNG or WebP photo: " + e.getMessage()));
            case MALFORMED -> new ProblemException(Problem.of(400, "malformed-image", "Malformed image",
                    "The image cannot be read: " + e.getMessage()));
            case TOO_MANY_PIXELS -> new ProblemException(Problem.of(422, "too-many-pixels", "Too many pixels",
                    "Too large a picture: " + e.getMessage()));
        };
    }

    private static ProblemException storageUnavailable() {
        return new ProblemException(Problem.of(503, "photo-storage-unavailable", "Photo storage unavailable",
                "Photos cannot be stored or read right now; try again later"));
    }
}
