package ru.spb.feedback.appeals.upload;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An uploaded photo: who uploaded it, what it is, and once attached, the appeal it belongs to. Its bytes live in {@link PhotoStorage}. */
@Entity
@Table(name = "upload")
public class Upload extends PanacheEntityBase {

    /** Where an attached photo shows: with the appeal itself or with an officer's answer to it. */
    public enum Purpose {
        APPEAL, ANSWER
    }

    @Id
    public UUID id;

    /** The uploader's token subject. */
    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "appeal_id")
    public UUID appealId;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    /** Order among the photos of the same appeal and purpose, as the request named them. */
    public Integer position;

    @Column(name = "attached_at")
    public Instant attachedAt;

    public boolean isAttached() {
        return appealId != null;
    }

    /** Ids of the photos attached to an appeal for a purpose, in their order. */
    static List<UUID> attachedTo(UUID appealId, Purpose purpose) {
        return find("select u.id from Upload u where u.appealId = :appeal and u.purpose = :purpose order by u.position",
                Parameters.with("appeal", appealId).and("purpose", purpose)).project(UUID.class).list();
    }

    /** The appeals' own photos (purpose APPEAL), by appeal, in their order; appeals without photos are absent. */
    static Map<UUID, List<UUID>> attachedToAppeals(Collection<UUID> appealIds) {
        Map<UUID, List<UUID>> photos = new LinkedHashMap<>();
        if (appealIds.isEmpty()) {
            return photos;
        }
        List<Upload> uploads = list("appealId in :appeals and purpose = :purpose order by appealId, position",
                Parameters.with("appeals", appealIds).and("purpose", Purpose.APPEAL));
        for (Upload upload : uploads) {
            photos.computeIfAbsent(upload.appealId, id -> new ArrayList<>()).add(upload.id);
        }
        return photos;
    }
}
