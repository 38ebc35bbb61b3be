package ru.spb.feedback.appeals.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ru.spb.feedback.messaging.inbox.DeadLetter;
import ru.spb.feedback.messaging.inbox.DeadLetterAdmin;
import ru.spb.feedback.messaging.jobs.ClusterLock;
import ru.spb.feedback.messaging.kafka.KafkaAdmin.KafkaUnavailableException;
import ru.spb.feedback.web.Problem;
import ru.spb.feedback.web.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dead-letter topics for admins: what is there, and replaying a record once its cause is
 * fixed. Kafka does the reading and publishing ({@link DeadLetterAdmin}); this service's database
 * remembers every replay, so a second one must be asked for explicitly.
 */
@ApplicationScoped
public class DeadLetterReplays {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplays.class);

    @Inject
    DeadLetterAdmin admin;

    @Inject
    ClusterLock locks;

    public List<DeadLetterViews.TopicView> topics() {
        try {
            return admin.topics().stream().map(DeadLetterViews.TopicView::of).toList();
        } catch (KafkaUnavailableException e) {
            throw kafkaUnavailable(e);
        }
    }

    public DeadLetterViews.PageView messages(String topic, Integer partition, Long from, int limit) {
        DeadLetterAdmin.Page page;
        try {
            page = admin.messages(topic, partition, from, limit);
        } catch (KafkaUnavailableException e) {
            throw kafkaUnavailable(e);
        } catch (DeadLetterAdmin.NotFoundException e) {
            throw notFound(e);
        }
        Map<String, DeadLetterViews.ReplayState> replays = replaysOf(topic, page.messages());
        return new DeadLetterViews.PageView(page.topic(), page.partitions(), page.messages().stream()
                .map(letter -> DeadLetterViews.MessageView.of(letter, replays.get(letter.partition() + "/" + letter.offset())))
                .toList());
    }

    /**
     * Replays one record to the topic it came from and records who did it. The record's lock
     * (held until commit) makes two admins pressing the button at once replay it once.
     */
    @Transactional
    public DeadLetterViews.ReplayResult replay(String topic, int partition, long offset, boolean force, String adminId) {
        if (!DeadLetterAdmin.isDeadLetterTopic(topic)) {
            throw notFound(new DeadLetterAdmin.NotFoundException("not a dead-letter topic"));
        }
        locks.lockForTransaction("dead-letter-replay " + topic + "/" + partition + "/" + offset);
        List<DeadLetterReplay> earlier = DeadLetterReplay.list(
                "topic = ?1 and partition = ?2 and offset = ?3 order by replayedAt desc", topic, partition, offset);
        if (!earlier.isEmpty() && !force) {
            DeadLetterReplay last = earlier.get(0);
            throw ProblemException.conflict("dead-letter-already-replayed", "The record was replayed " + earlier.size()
                    + " time(s), last at " + last.replayedAt + " by " + last.replayedBy + "; add force=true to replay it again");
        }
        DeadLetterAdmin.Replayed replayed;
        try {
            replayed = admin.replay(topic, partition, offset);
        } catch (KafkaUnavailableException e) {
            throw kafkaUnavailable(e);
        } catch (DeadLetterAdmin.NotFoundException e) {
            throw notFound(e);
        } catch (DeadLetterAdmin.NotReplayableException e) {
            throw new ProblemException(Problem.of(422, "dead-letter-not-replayable", "Not replayable", e.getMessage()));
        }
        DeadLetterReplay replay = new DeadLetterReplay();
        replay.topic = topic;
        replay.partition = partition;
        replay.offset = offset;
        replay.targetTopic = replayed.targetTopic();
        replay.targetPartition = replayed.targetPartition();
        replay.targetOffset = replayed.targetOffset();
        replay.eventId = replayed.eventId();
        replay.replayedBy = adminId;
        replay.replayedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        replay.forced = !earlier.isEmpty();
        replay.persist();
        LOG.infof("%s/%d/%d replayed to %s-%d@%d by %s%s", topic, partition, offset, replayed.targetTopic(),
                replayed.targetPartition(), replayed.targetOffset(), adminId, replay.forced ? " (forced repeat)" : "");
        return new DeadLetterViews.ReplayResult(topic, partition, offset, replayed.eventId(), replayed.targetTopic(),
                replayed.targetPartition(), replayed.targetOffset(), replay.replayedAt, adminId, replay.forced, earlier.size() + 1L);
    }

    /** The replays of the listed records, by {@code partition/offset}: one query per page. */
    private static Map<String, DeadLetterViews.ReplayState> replaysOf(String topic, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Map.of();
        }
        Set<String> listed = letters.stream().map(letter -> letter.partition() + "/" + letter.offset()).collect(Collectors.toSet());
        List<DeadLetterReplay> replays = DeadLetterReplay.list("topic = ?1 and offset in ?2 order by replayedAt", topic,
                letters.stream().map(DeadLetter::offset).distinct().toList());
        return replays.stream().filter(replay -> listed.contains(replay.partition + "/" + replay.offset)).collect(Collectors.groupingBy(replay -> replay.partition + "/" + replay.offset,
                Collectors.collectingAndThen(Collectors.toList(), rows -> {
                    DeadLetterReplay last = rows.get(rows.size() - 1);
                    return new DeadLetterViews.ReplayState(rows.size(), last.replayedAt, last.replayedBy);
                })));
    }

    private static ProblemException kafkaUnavailable(KafkaUnavailableException e) {
        LOG.warnf("dead-letter admin cannot reach Kafka: %s", e.getCause().toString());
        return new ProblemException(Problem.of(503, "kafka-unavailable", "Kafka unavailable",
                "The message broker did not answer in time; try again later"));
    }

    private static ProblemException notFound(DeadLetterAdmin.NotFoundException e) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", e.getMessage()));
    }
}
