package ru.spb.feedback.appeals.operations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One replay of a dead-letter record by an admin: which record, where it went, who and when. */
@Entity
@Table(name = "dead_letter_replay")
public class DeadLetterReplay extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "topic", nullable = false)
    public String topic;

    @Column(name = "partition_no", nullable = false)
    public int partition;

    @Column(name = "record_offset", nullable = false)
    public long offset;

    @Column(name = "target_topic", nullable = false)
    public String targetTopic;

    @Column(name = "target_partition", nullable = false)
    public int targetPartition;

    @Column(name = "target_offset", nullable = false)
    public long targetOffset;

    @Column(name = "event_id")
    public String eventId;

    /** The admin's token subject. */
    @Column(name = "replayed_by", nullable = false)
    public String replayedBy;

    @Column(name = "replayed_at", nullable = false)
    public Instant replayedAt;

    /** Whether it was a repeat asked for with {@code force=true}. */
    @Column(name = "forced", nullable = false)
    public boolean forced;
}
