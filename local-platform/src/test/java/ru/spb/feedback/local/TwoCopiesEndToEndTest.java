package ru.spb.feedback.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import ru.spb.feedback.contracts.EventCodec;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.devinfra.Postgres;
import ru.spb.feedback.testsupport.InJvmKafka;
import ru.spb.feedback.testsupport.TopicReader;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the city scales out: two copies of routing-service and two of notification-service on the
 * same broker and the same databases share the work — each consumer group spreads appeal.events'
 * partitions over its two copies, routing's outbox relay publishes under one lock — and nothing is
 * done twice: every appeal filed through the gateway is routed once (one routing decision, each
 * routing.events record published once), has one AppealRegistered and one AppealRouted in-app
 * notification, and its citizen, if they have an address, one e-mail for each. Then one copy of
 * each is killed with SIGKILL while citizens keep filing, and the survivors take over: nothing is
 * lost, nothing duplicated.
 *
 * <p>Runs with the fault-injection suite (its own surefire execution, after the others): it starts
 * a platform of its own, six JVMs, which must not compete for two cores with the shared one.
 */
@Tag("fault-injection")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoCopiesEndToEndTest {

    private static final String CITIZEN_PREFIX = "e2e-copies-";
    private static final int FIRST_APPEALS = 60;
    private static final int MORE_APPEALS = 50;
    /** The consumer groups of appeal.events both copies join (routing's is its application name). */
    private static final Map<String, String> GROUPS = Map.of(
            WholePlatform.ROUTING, "routing-service",
            WholePlatform.NOTIFICATION, "notification-service");
    /**
     * notification-service's claim on a delivery outlasts its longest call; with the timeouts of its
     * own test profile a killed copy's claims come free after 6 s instead of the production 2 min.
     */
    private static final Map<String, Map<String, String>> SETTINGS = Map.of(WholePlatform.NOTIFICATION, Map.of(
            "NOTIFICATION_DISPATCH_LEASE", "PT6S",
            "NOTIFICATION_WEBHOOKS_CALL_TIMEOUT", "PT3S",
            "QUARKUS_MAILER_TIMEOUT", "PT5S"));
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final Pattern CONSUMED = Pattern.compile("^events_consumed_total\\{([^}]*)} ([0-9.E+-]+)$", Pattern.MULTILINE);

    private static WholePlatform platform;
    private static ServiceProcess secondRouting;
    private static ServiceProcess secondNotification;
    private static final List<Citizen> citizens = new ArrayList<>();
    private static final Set<String> withoutEmail = new HashSet<>();
    /** Appeal id → citizen, every appeal acknowledged (201) so far. */
    private static final Map<String, String> acknowledged = new HashMap<>();
    /** Partitions of appeal.events, by consumer group, as the two copies shared them. */
    private static final Map<String, Integer> partitions = new HashMap<>();
    private static long started;

    @BeforeAll
    static void startThePlatformWithTwoCopiesOfRoutingAndNotification() throws Exception {
        started = System.nanoTime();
        platform = WholePlatform.start(Postgres.findOrStart(), InJvmKafka.start(), "e2e_copies", SETTINGS);
        secondRouting = platform.startCopy(WholePlatform.ROUTING, Map.of());
        secondNotification = platform.startCopy(WholePlatform.NOTIFICATION, Map.of());
        say("the platform is up with two copies of routing-service and of notification-service");
        for (int i = 0; i < 8; i++) {
            Citizen citizen = i % 2 == 0 ? Citizen.create("copies-" + i) : Citizen.withoutEmail("copies-" + i);
            citizens.add(citizen);
            if (citizen.email() == null) {
                withoutEmail.add(citizen.subject());
            }
        }
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void twoCopiesShareTheWorkAndNothingIsDoneTwice() throws Exception {
        // both copies of each service have their share of appeal.events' partitions before anything is filed
        for (String group : GROUPS.values()) {
            await("two members of " + group + " with partitions of " + Topics.APPEAL_EVENTS).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> partitionsPerMember(group), shares -> shares.size() == 2
                            && shares.values().stream().allMatch(share -> share > 0));
            Map<String, Integer> shares = partitionsPerMember(group);
            partitions.put(group, shares.values().stream().mapToInt(Integer::intValue).sum());
            say(group + ": partitions of " + Topics.APPEAL_EVENTS + " per member " + shares.values());
        }

        file(FIRST_APPEALS, 10, () -> { });
        DeliveryTally tally = settle();

        assertThat(tally.acknowledged).isGreaterThanOrEqualTo(FIRST_APPEALS);
        assertThat(tally.lost).as("lost").isEmpty();
        assertThat(tally.duplicated).as("duplicated").isEmpty();
        assertThat(tally.resent).as("e-mails sent twice").isEmpty();
        assertThat(List.of(tally.stored, tally.published, tally.routed, tally.decided, tally.notified.get(DeliveryTally.REGISTERED),
                tally.notified.get(DeliveryTally.ROUTED))).as(tally.summary()).containsOnly(tally.acknowledged);
        assertThat(List.of(tally.mailed.get(DeliveryTally.REGISTERED), tally.mailed.get(DeliveryTally.ROUTED)))
                .as(tally.summary()).containsOnly(tally.mailable).allMatch(mailed -> mailed > 0);

        // each event went to one copy of each service, and each copy took some
        Map<String, Double> firstRouting = consumed(platform.process(WholePlatform.ROUTING));
        Map<String, Double> otherRouting = consumed(secondRouting);
        Map<String, Double> firstNotification = consumed(platform.process(WholePlatform.NOTIFICATION));
        Map<String, Double> otherNotification = consumed(secondNotification);
        say("events consumed: routing " + firstRouting + " | " + otherRouting + "; notification " + firstNotification
                + " | " + otherNotification);
        assertThat(firstRouting.getOrDefault("handled", 0.0)).as("routing copy 1 handled").isPositive();
        assertThat(otherRouting.getOrDefault("handled", 0.0)).as("routing copy 2 handled").isPositive();
        assertThat(firstNotification.getOrDefault("handled", 0.0)).as("notification copy 1 handled").isPositive();
        assertThat(otherNotification.getOrDefault("handled", 0.0)).as("notification copy 2 handled").isPositive();
        assertThat(firstRouting.getOrDefault("handled", 0.0) + otherRouting.getOrDefault("handled", 0.0))
                .as("AppealRegistered handled by routing, both copies").isEqualTo((double) tally.acknowledged);
        assertThat(firstNotification.getOrDefault("handled", 0.0) + otherNotification.getOrDefault("handled", 0.0))
                .as("AppealRegistered and AppealRouted handled by notification, both copies").isEqualTo(2.0 * tally.acknowledged);
        // a copy that sees a record the other copy already handled counts it a duplicate: with the
        // partitions shared, and no copy gone, there is none
        Map<String, Map<String, Double>> copies = Map.of("routing copy 1", firstRouting, "routing copy 2", otherRouting,
                "notification copy 1", firstNotification, "notification copy 2", otherNotification);
        copies.forEach((copy, consumed) -> assertThat(consumed.getOrDefault("duplicate", 0.0))
                .as("records %s got after the other copy had handled them", copy).isZero());

        // the two relays publish under one lock: no routing.events record twice
        Map<String, Integer> published = routingEventsPublished();
        assertThat(published.values()).as("routing.events records per event id").containsOnly(1);
        assertThat(published).hasSizeGreaterThanOrEqualTo(tally.acknowledged);
    }

    @Test
    @Order(2)
    void theSurvivorsTakeOverWhenOneCopyOfEachIsKilled() throws Exception {
        double routingBefore = consumed(secondRouting).getOrDefault("handled", 0.0);
        double notificationBefore = consumed(secondNotification).getOrDefault("handled", 0.0);

        file(MORE_APPEALS, 5, () -> {
            say("kill -9 the first copies of routing-service and notification-service");
            platform.kill(WholePlatform.ROUTING);
            platform.kill(WholePlatform.NOTIFICATION);
        });
        // the broker gives the dead copies' partitions to the survivors once their sessions time out
        for (String group : GROUPS.values()) {
            await("the surviving member of " + group + " holding every partition").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> List.copyOf(partitionsPerMember(group).values()), shares -> shares.equals(List.of(partitions.get(group))));
        }
        say("the survivors hold every partition of " + Topics.APPEAL_EVENTS);
        DeliveryTally tally = settle();

        assertThat(tally.acknowledged).isGreaterThanOrEqualTo(FIRST_APPEALS + MORE_APPEALS);
        assertThat(tally.lost).as("lost").isEmpty();
        assertThat(tally.duplicated).as("duplicated").isEmpty();
        // SMTP has no idempotency: a kill between the server's OK and the commit that records it
        // sends that one e-mail again, under the same Message-ID (ADR 0019); one kill, at most one
        assertThat(tally.resent).as("e-mails resent after a notification copy was killed").hasSizeLessThanOrEqualTo(1);
        assertThat(List.of(tally.stored, tally.published, tally.routed, tally.decided, tally.notified.get(DeliveryTally.REGISTERED),
                tally.notified.get(DeliveryTally.ROUTED))).as(tally.summary()).containsOnly(tally.acknowledged);
        assertThat(List.of(tally.mailed.get(DeliveryTally.REGISTERED), tally.mailed.get(DeliveryTally.ROUTED)))
                .as(tally.summary()).containsOnly(tally.mailable);

        Map<String, Double> routing = consumed(secondRouting);
        Map<String, Double> notification = consumed(secondNotification);
        say("the survivors consumed: routing " + routing + ", notification " + notification);
        assertThat(routing.get("handled") - routingBefore).as("AppealRegistered handled by the surviving routing copy").isPositive();
        assertThat(notification.get("handled") - notificationBefore).as("events handled by the surviving notification copy").isPositive();
    }

    /**
     * Files at least {@code count} appeals through the gateway at {@code perSecond}, from the
     * citizens in turn; {@code midway} runs when half of them are on their way.
     */
    private static void file(int count, int perSecond, ThrowingRunnable midway) throws Exception {
        try (SteadyLoad load = new SteadyLoad(platform.gatewayUrl(), citizens)) {
            load.start(perSecond);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.submissions() >= count / 2);
            midway.run();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.submissions() >= count);
            load.stopAndDrain();
            assertThat(load.defects()).as("answers that are neither 201 nor a 503 problem, and hangs").isEmpty();
            assertThat(load.gaveUp()).as("submissions given up").isEmpty();
            say(load.submissions() + " submissions, answers " + load.answers());
            acknowledged.putAll(load.acknowledged());
        }
    }

    /**
     * Waits until every appeal acknowledged so far is routed and notified, then keeps counting for
     * a while: a duplicate would come late (e.g. once a killed copy's claim on an e-mail expires).
     * One count takes some seconds (it reads routing's topic until it is quiet for 5 s).
     */
    private static DeliveryTally settle() {
        await("every appeal routed and notified").atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(() -> tally().complete());
        await("nothing notified twice, a while after").during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(tally().duplicated).as("duplicated").isEmpty());
        try {
            DeliveryTally tally = tally();
            say(tally.summary());
            return tally;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DeliveryTally tally() throws Exception {
        return DeliveryTally.now(Map.copyOf(acknowledged), platform, CITIZEN_PREFIX, withoutEmail);
    }

    /** The partitions of appeal.events each member of the consumer group holds, by member id. */
    private static Map<String, Integer> partitionsPerMember(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers()))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
            Map<String, Integer> shares = new HashMap<>();
            for (MemberDescription member : description.members()) {
                shares.put(member.consumerId(), (int) member.assignment().topicPartitions().stream()
                        .filter(partition -> partition.topic().equals(Topics.APPEAL_EVENTS)).count());
            }
            return shares;
        }
    }

    /** A copy's {@code events_consumed_total} by outcome (handled, duplicate, skipped, dead_lettered). */
    private static Map<String, Double> consumed(ServiceProcess copy) throws Exception {
        HttpResponse<String> metrics = PlatformProcesses.call("GET", copy.baseUrl() + "/q/metrics", null, null);
        assertThat(metrics.statusCode()).as(copy.name() + " /q/metrics").isEqualTo(200);
        Map<String, Double> byOutcome = new HashMap<>();
        Matcher line = CONSUMED.matcher(metrics.body());
        while (line.find()) {
            Matcher outcome = Pattern.compile("outcome=\"([a-z_]+)\"").matcher(line.group(1));
            if (outcome.find()) {
                byOutcome.merge(outcome.group(1), Double.parseDouble(line.group(2)), Double::sum);
            }
        }
        return byOutcome;
    }

    /** How many times each event on routing.events about one of this test's appeals was published, by event id. */
    private static Map<String, Integer> routingEventsPublished() {
        Map<String, Integer> published = new HashMap<>();
        try (TopicReader topic = new TopicReader(platform.kafka().bootstrapServers(), Topics.ROUTING_EVENTS)) {
            for (ConsumerRecord<String, byte[]> record : topic.drain(Duration.ofSeconds(5))) {
                EventEnvelope event = EventCodec.decode(record.value());
                if (event.appealId() != null && acknowledged.containsKey(event.appealId().toString())) {
                    published.merge(event.eventId().toString(), 1, Integer::sum);
                }
            }
        }
        return published;
    }

    private static void say(String line) {
        System.out.printf("[copies] %6.1f s  %s%n", (System.nanoTime() - started) / 1e9, line);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
