package ru.spb.feedback.notification.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;
import ru.spb.feedback.messaging.jobs.BackgroundLoop;
import ru.spb.feedback.messaging.jobs.ClusterLock;
import ru.spb.feedback.notification.config.NotificationConfig;
import ru.spb.feedback.web.TransientFailures;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Sends due e-mails and webhook calls, first attempts and retries alike: a round runs right after a
 * transaction that scheduled deliveries commits, and every {@code notification.dispatch.interval}
 * otherwise (for retries). Each round a copy claims due deliveries under a cluster-wide lock by
 * pushing their next attempt out by a lease; each call renews its claim as it starts (and skips the
 * delivery if another copy took it over meanwhile), so the lease has to outlast one call, not a
 * batch. E-mails are sent on the dispatcher's thread, webhook calls in {@link ReceiverLanes}, each
 * within its deadline; then each outcome is recorded: delivered, or failed with the next attempt
 * after an exponential backoff, or FAILED for good after the last allowed attempt. A copy that dies
 * mid-round leaves its claims to expire, and another copy retries them.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final String LOCK = "notification-delivery-claim";

    @Inject
    NotificationConfig config;

    @Inject
    ClusterLock clusterLock;

    @Inject
    EntityManager entityManager;

    @Inject
    @Any
    Instance<ChannelSender> senders;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    RetrySchedules schedules;

    @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "PT10S")
    Duration smtpTimeout;

    private BackgroundLoop loop;
    private ReceiverLanes lanes;

    void start(@Observes StartupEvent startup) {
        Duration longestCall = Collections.max(List.of(config.webhooks().callTimeout(), smtpTimeout));
        if (config.dispatch().lease().compareTo(longestCall) <= 0) {
            throw new IllegalStateException("notification.dispatch.lease (" + config.dispatch().lease()
                    + ") must exceed the longest call (" + longestCall + ", notification.webhooks.call-timeout or "
                    + "quarkus.mailer.timeout), or a call still in flight could be claimed and sent again");
        }
        lanes = new ReceiverLanes(config.webhooks().concurrency(), config.webhooks().perReceiverConcurrency());
        loop = BackgroundLoop.start("delivery-dispatcher", config.dispatch().interval(), Duration.ZERO, () -> {
            round();
            return BackgroundLoop.Outcome.IDLE;
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (loop != null) {
            loop.stop(Duration.ofSeconds(10));
        }
        if (lanes != null) {
            lanes.stop(Duration.ofSeconds(10));
        }
    }

    /** Asks for a round right after the current transaction commits, so a first attempt does not wait for the next tick. */
    public void nudgeAfterCommit() {
        if (loop != null) {
            loop.nudgeAfterCommit(transactions);
        }
    }

    /** Claims due deliveries until none are left: sends e-mails, hands webhook calls to their receiver's lane. */
    void round() {
        List<Claim> claimed;
        do {
            claimed = claim(lanes.full());
            for (Claim claim : claimed) {
                if (claim.channel() == Channel.WEBHOOK && claim.subscriptionId() != null) {
                    lanes.submit(claim.subscriptionId(), () -> attempt(claim));
                } else {
                    attempt(claim);
                }
            }
        } while ((loop == null || loop.running()) && claimed.size() == config.dispatch().batchSize());
    }

    /**
     * Claims up to a batch of due deliveries for this copy, none for receivers whose lane is full;
     * none at all if another copy is claiming.
     */
    @SuppressWarnings("unchecked")
    public List<Claim> claim(Set<UUID> fullReceivers) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!clusterLock.tryLockForTransaction(LOCK)) {
                return List.of();
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Instant leaseEnd = now.plus(config.dispatch().lease());
            NativeQuery<Object[]> query = entityManager.createNativeQuery("""
                            update delivery set next_attempt_at = :leaseEnd
                            where id in (select id from delivery
                                         where status = 'PENDING' and next_attempt_at <= :now
                                         %s
                                         order by next_attempt_at
                                         limit :batch
                                         for update skip locked)
                            returning id, channel, subscription_id""".formatted(fullReceivers.isEmpty() ? ""
                            : "and (subscription_id is null or subscription_id not in (:full))"))
                    .unwrap(NativeQuery.class)
                    .setParameter("leaseEnd", leaseEnd)
                    .setParameter("now", now)
                    .setParameter("batch", config.dispatch().batchSize());
            if (!fullReceivers.isEmpty()) {
                query.setParameterList("full", fullReceivers);
            }
            List<Object[]> rows = query.getResultList();
            return rows.stream().map(row -> new Claim((UUID) row[0], Channel.valueOf((String) row[1]), (UUID) row[2], leaseEnd))
                    .toList();
        });
    }

    /** One attempt of one claimed delivery, unless another copy has taken the claim over since. */
    void attempt(Claim claim) {
        UUID id = claim.id();
        long started = System.nanoTime();
        Prepared prepared;
        try {
            prepared = QuarkusTransaction.requiringNew().call(() -> renew(claim) ? prepare(id) : null);
        } catch (RuntimeException e) {
            record(id, Result.failed(null, ErrorText.of(e)), started);
            return;
        }
        if (prepared == null) {
            return;
        }
        if (prepared.cancelled()) {
            record(id, Result.CANCELLED, started);
            return;
        }
        recordSent(id, send(prepared), started);
    }

    /**
     * Records the outcome of a call that was made. If the database is down just then (the fault
     * suite crashes it mid-round), the outcome is kept and written once it is back: forgetting
     * it would leave the delivery pending, and its lease's end would send the e-mail again. An
     * outage longer than the lease with a second copy running can still send twice (ADR 0016).
     */
    private void recordSent(UUID id, Result result, long startedNanos) {
        Duration wait = Duration.ofMillis(200);
        while (true) {
            try {
                record(id, result, startedNanos);
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || loop == null || !loop.running()) {
                    throw e;
                }
                LOG.warnf("cannot record the outcome of delivery %s yet (%s); retrying in %d ms", id,
                        e.getClass().getSimpleName(), wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : wait.multipliedBy(2);
            }
        }
    }

    /**
     * Renews the claim for the call about to start, if it is still this copy's: its lease end is the
     * one this copy set. A delivery that waited in a lane past its lease may have been claimed again.
     */
    private boolean renew(Claim claim) {
        return entityManager.createNativeQuery("""
                        update delivery set next_attempt_at = :renewed
                        where id = :id and status = 'PENDING' and next_attempt_at = :leaseEnd""")
                .setParameter("renewed", Instant.now().truncatedTo(ChronoUnit.MICROS).plus(config.dispatch().lease()))
                .setParameter("id", claim.id())
                .setParameter("leaseEnd", claim.leaseEnd())
                .executeUpdate() == 1;
    }

    private Prepared prepare(UUID id) {
        Delivery delivery = Delivery.findById(id);
        if (delivery == null || delivery.status != DeliveryStatus.PENDING) {
            return null;
        }
        ChannelSender sender = senders.stream().filter(candidate -> candidate.sends(delivery)).findFirst()
                .orElseThrow(() -> new IllegalStateException(delivery.channel == Channel.IN_APP
                        ? "in-app notifications are not dispatched" : "no sender for " + delivery.channel.tag() + " deliveries"));
        return sender.prepareCall(delivery).map(Prepared::new).orElse(Prepared.CANCEL);
    }

    private Result send(Prepared prepared) {
        try {
            Integer status = prepared.call().make();
            if (status == null) {
                return Result.DELIVERED;
            }
            return status >= 200 && status < 300 ? Result.delivered(status)
                    : Result.failed(status, "the receiver answered HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed(null, "interrupted while sending");
        } catch (Exception e) {
            return Result.failed(null, ErrorText.of(e));
        }
    }

    private void record(UUID id, Result result, long startedNanos) {
        long durationMs = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery delivery = entityManager.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (delivery == null || delivery.status != DeliveryStatus.PENDING) {
                return;
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            delivery.attempts++;
            delivery.updatedAt = now;

            DeliveryAttempt attempt = new DeliveryAttempt();
            attempt.deliveryId = delivery.id;
            attempt.notificationId = delivery.notificationId;
            attempt.channel = delivery.channel;
            attempt.attempt = delivery.attempts;
            attempt.outcome = result.outcome();
            attempt.httpStatus = result.httpStatus();
            attempt.error = result.error();
            attempt.durationMs = durationMs;
            attempt.attemptedAt = now;
            attempt.persist();
            metrics.attempted(delivery.channel, result.outcome());

            switch (result.outcome()) {
                case DELIVERED -> {
                    delivery.status = DeliveryStatus.DELIVERED;
                    delivery.deliveredAt = now;
                    delivery.nextAttemptAt = null;
                    delivery.lastError = null;
                }
                case CANCELLED -> {
                    delivery.status = DeliveryStatus.CANCELLED;
                    delivery.nextAttemptAt = null;
                }
                case FAILED -> {
                    delivery.lastError = result.error();
                    if (delivery.attempts >= delivery.attemptsAllowed) {
                        delivery.status = DeliveryStatus.FAILED;
                        delivery.nextAttemptAt = null;
                        metrics.gaveUp(delivery.channel);
                        LOG.warnf("%s delivery %s of %s failed for good after %d attempts: %s", delivery.channel.tag(),
                                delivery.id, delivery.eventType, delivery.attempts, result.error());
                    } else {
                        delivery.nextAttemptAt = now.plus(schedules.backoff(delivery.channel).after(failuresThisRound(delivery)));
                        LOG.infof("%s delivery %s attempt %d failed (%s); next attempt at %s", delivery.channel.tag(),
                                delivery.id, delivery.attempts, result.error(), delivery.nextAttemptAt);
                    }
                }
            }
        });
    }

    private int failuresThisRound(Delivery delivery) {
        int perRound = schedules.attemptsPerRound(delivery.channel);
        return Math.max(1, delivery.attempts - (delivery.attemptsAllowed - perRound));
    }

    /** A claimed delivery: its lease end tells this copy's claim from a later one. */
    public record Claim(UUID id, Channel channel, UUID subscriptionId, Instant leaseEnd) {
    }

    private record Prepared(ChannelSender.Call call) {
        static final Prepared CANCEL = new Prepared(null);

        boolean cancelled() {
            return call == null;
        }
    }

    private record Result(AttemptOutcome outcome, Integer httpStatus, String error) {
        static final Result DELIVERED = new Result(AttemptOutcome.DELIVERED, null, null);
        static final Result CANCELLED = new Result(AttemptOutcome.CANCELLED, null, "no longer wanted");

        static Result delivered(int status) {
            return new Result(AttemptOutcome.DELIVERED, status, null);
        }

        static Result failed(Integer status, String error) {
            return new Result(AttemptOutcome.FAILED, status, error);
        }
    }

}
