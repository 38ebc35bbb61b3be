package ru.spb.feedback.local;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.testsupport.TopicReader;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What became of the appeals the load filed, counted where it lies: appeals-service's, routing's
 * and notification-service's databases, both topics, and the mailbox. Every appeal acknowledged
 * must be stored, published once, routed once, and notified once in the inbox and once by e-mail
 * for each of its two steps (registered, routed).
 */
final class DeliveryTally {

    static final String REGISTERED = "AppealRegistered";
    static final String ROUTED = "AppealRouted";

    final int acknowledged;
    /** Acknowledged appeals whose citizen has an e-mail address: each of their steps is e-mailed. */
    final int mailable;
    final int stored;
    final int routed;
    final int published;
    final int decided;
    final Map<String, Integer> notified = new HashMap<>();
    final Map<String, Integer> mailed = new HashMap<>();
    /** Records the relay published more than once (allowed: consumers deduplicate by event id). */
    final int redelivered;
    final List<String> lost = new ArrayList<>();
    final List<String> duplicated = new ArrayList<>();
    /** E-mails the SMTP server took twice for one delivery (same Message-ID). */
    final List<String> resent = new ArrayList<>();

    private DeliveryTally(Map<String, String> acknowledgedIds, WholePlatform platform, String citizenPrefix) throws Exception {
        this(acknowledgedIds, platform, citizenPrefix, Set.of());
    }

    private DeliveryTally(Map<String, String> acknowledgedIds, WholePlatform platform, String citizenPrefix,
                          Set<String> withoutEmail) throws Exception {
        acknowledged = acknowledgedIds.size();
        mailable = (int) acknowledgedIds.values().stream().filter(subject -> !withoutEmail.contains(subject)).count();
        Map<String, String> numbers = new HashMap<>();
        Map<String, String> statuses = new HashMap<>();
        query(platform, WholePlatform.APPEALS, "select id::text, number, status from appeal where citizen_id like '" + citizenPrefix + "%'",
                rows -> {
                    numbers.put(rows.getString(1), rows.getString(2));
                    statuses.put(rows.getString(1), rows.getString(3));
                });
        stored = numbers.size();
        routed = (int) statuses.values().stream().filter("ROUTED"::equals).count();
        numbers.keySet().stream().filter(id -> !acknowledgedIds.containsKey(id))
                .forEach(id -> duplicated.add("stored but never acknowledged (a second appeal for one submission?): " + id));
        acknowledgedIds.keySet().stream().filter(id -> !numbers.containsKey(id)).forEach(id -> lost.add("acknowledged, not stored: " + id));
        statuses.forEach((id, status) -> {
            if (!"ROUTED".equals(status)) {
                lost.add("not routed (" + status + "): " + id);
            }
        });

        Map<String, Integer> decisions = new HashMap<>();
        query(platform, WholePlatform.ROUTING, "select appeal_id::text, count(*) from routing_decision group by appeal_id",
                rows -> decisions.put(rows.getString(1), rows.getInt(2)));
        decided = (int) numbers.keySet().stream().filter(decisions::containsKey).count();
        numbers.keySet().forEach(id -> check("routing decision", id, decisions.getOrDefault(id, 0)));

        Map<String, Integer> inbox = new HashMap<>();
        query(platform, WholePlatform.NOTIFICATION, "select appeal_id::text, event_type, count(*) from notification where citizen_id like '"
                + citizenPrefix + "%' group by 1, 2", rows -> inbox.put(rows.getString(1) + "/" + rows.getString(2), rows.getInt(3)));
        for (String type : List.of(REGISTERED, ROUTED)) {
            notified.put(type, (int) numbers.keySet().stream().filter(id -> inbox.containsKey(id + "/" + type)).count());
            numbers.keySet().forEach(id -> check("in-app " + type, id, inbox.getOrDefault(id + "/" + type, 0)));
        }

        // an e-mail received twice with the same Message-ID is one delivery sent again (a crash
        // between the SMTP server's OK and the commit that records it); two Message-IDs are two deliveries
        Map<String, Integer> subjects = new HashMap<>();
        Map<String, Set<String>> messageIds = new HashMap<>();
        for (MimeMessage mail : platform.mailbox().all()) {
            subjects.merge(subject(mail), 1, Integer::sum);
            messageIds.computeIfAbsent(subject(mail), key -> new HashSet<>()).add(messageId(mail));
        }
        Map<String, String> titles = Map.of(REGISTERED, "Обращение %s зарегистрировано", ROUTED, "Обращение %s направлено исполнителю");
        for (String type : List.of(REGISTERED, ROUTED)) {
            mailed.put(type, (int) numbers.values().stream().filter(n -> subjects.containsKey(titles.get(type).formatted(n))).count());
            numbers.forEach((id, number) -> {
                String subject = titles.get(type).formatted(number);
                int distinct = messageIds.getOrDefault(subject, Set.of()).size();
                if (withoutEmail.contains(acknowledgedIds.get(id))) {
                    if (distinct > 0) {
                        duplicated.add("e-mail " + type + " x" + distinct + " for a citizen without an address: " + id);
                    }
                    return;
                }
                check("e-mail " + type, id, distinct);
                if (subjects.getOrDefault(subject, 0) > distinct) {
                    resent.add("e-mail " + type + " of " + id + " received " + subjects.get(subject) + " times with one Message-ID");
                }
            });
        }

        Map<String, Set<String>> registeredEvents = new HashMap<>();
        int records = 0;
        try (TopicReader topic = new TopicReader(platform.kafka().bootstrapServers(), Topics.APPEAL_EVENTS)) {
            for (ConsumerRecord<String, byte[]> record : topic.drain(Duration.ofSeconds(5))) {
                EventEnvelope event = EventCodec.decode(record.value());
                if (REGISTERED.equals(event.eventType()) && numbers.containsKey(event.appealId().toString())) {
                    registeredEvents.computeIfAbsent(event.appealId().toString(), id -> new HashSet<>()).add(event.eventId().toString());
                    records++;
                }
            }
        }
        published = registeredEvents.size();
        redelivered = records - registeredEvents.values().stream().mapToInt(Set::size).sum();
        numbers.keySet().forEach(id -> check("AppealRegistered on " + Topics.APPEAL_EVENTS, id,
                registeredEvents.getOrDefault(id, Set.of()).size()));
    }

    /** Waits until every acknowledged appeal has its notifications and e-mails (or the time is up), then counts. */
    static DeliveryTally settle(Map<String, String> acknowledged, WholePlatform platform, String citizenPrefix, Duration limit)
            throws Exception {
        // an incomplete tally after the limit is the test's finding, reported by its counts, not a wait failure
        Eventually.holdsWithin("every acknowledged appeal stored, routed, notified and e-mailed", limit, Duration.ofSeconds(3),
                () -> new DeliveryTally(acknowledged, platform, citizenPrefix).complete());
        // a duplicate would come late: look again after a while
        Thread.sleep(10_000);
        return new DeliveryTally(acknowledged, platform, citizenPrefix);
    }

    /**
     * The counts as they are now, nothing awaited: for a test that waits itself. The appeals of the
     * citizens (subjects) in {@code withoutEmail} must have no e-mail at all.
     */
    static DeliveryTally now(Map<String, String> acknowledged, WholePlatform platform, String citizenPrefix, Set<String> withoutEmail)
            throws Exception {
        return new DeliveryTally(acknowledged, platform, citizenPrefix, withoutEmail);
    }

    /** Every acknowledged appeal stored, routed, notified in the inbox and e-mailed (if its citizen has an address). */
    boolean complete() {
        return stored == acknowledged && routed == acknowledged && notified.get(ROUTED) == acknowledged
                && notified.get(REGISTERED) == acknowledged && mailed.get(ROUTED) == mailable && mailed.get(REGISTERED) == mailable;
    }

    private void check(String what, String appealId, int count) {
        if (count == 0) {
            lost.add(what + " missing: " + appealId);
        } else if (count > 1) {
            duplicated.add(what + " x" + count + ": " + appealId);
        }
    }

    String summary() {
        return ("acknowledged (201) %d, stored %d, published %d (%d records published again, deduplicated), routed %d (decisions %d), "
                + "in-app registered %d, in-app routed %d, e-mails registered %d, e-mails routed %d (of %d with an address); "
                + "lost %d, duplicated %d, resent with the same Message-ID %d")
                .formatted(acknowledged, stored, published, redelivered, routed, decided, notified.get(REGISTERED), notified.get(ROUTED),
                        mailed.get(REGISTERED), mailed.get(ROUTED), mailable, lost.size(), duplicated.size(), resent.size());
    }

    private static String messageId(MimeMessage mail) {
        try {
            return String.valueOf(mail.getMessageID());
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private static void query(WholePlatform platform, String module, String sql, Row row) throws SQLException {
        try (Connection connection = platform.postgres().connect(platform.database(module));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                row.read(rows);
            }
        }
    }
}
