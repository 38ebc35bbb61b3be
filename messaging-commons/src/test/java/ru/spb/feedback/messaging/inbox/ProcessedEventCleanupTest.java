package ru.spb.feedback.messaging.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ProcessedEventCleanupTest {

    @Inject
    ProcessedEventCleanup cleanup;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "inbox.retention", defaultValue = "P30D")
    Duration retention;

    @Test
    void forgetsEventIdsPastTheRetentionAndRemembersRecentOnes() {
        Instant now = Instant.now();
        UUID old = processed(now.minus(retention).minus(Duration.ofHours(1)));
        UUID recent = processed(now.minus(retention).plus(Duration.ofHours(1)));
        UUID justNow = processed(now);

        cleanup.forgetOldEvents();

        assertThat(remembered(old)).as("processed before the retention").isFalse();
        assertThat(remembered(recent)).as("processed within the retention").isTrue();
        assertThat(remembered(justNow)).as("processed just now").isTrue();
    }

    private UUID processed(Instant at) {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into processed_event (consumer, event_id, event_type, processed_at)
                        values ('cleanup-test', :eventId, 'AppealWithdrawn', :at)""")
                .setParameter("eventId", eventId).setParameter("at", at).executeUpdate());
        return eventId;
    }

    private boolean remembered(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from processed_event where consumer = 'cleanup-test' and event_id = :eventId")
                .setParameter("eventId", eventId).getSingleResult()).intValue() == 1);
    }
}
