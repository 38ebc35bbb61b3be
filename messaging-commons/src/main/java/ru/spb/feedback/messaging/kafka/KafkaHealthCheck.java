package ru.spb.feedback.messaging.kafka;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Kafka's state, in its own health group ({@code /q/health/group/kafka}) and deliberately not in
 * readiness: a service must keep accepting work while Kafka is down (the outbox holds it).
 */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {

    @Inject
    KafkaAdmin admin;

    @Override
    public HealthCheckResponse call() {
        try {
            int brokers = admin.brokerCount();
            return HealthCheckResponse.named("kafka").up()
                    .withData("bootstrapServers", admin.bootstrapServers())
                    .withData("brokers", brokers)
                    .build();
        } catch (KafkaAdmin.KafkaUnavailableException e) {
            return HealthCheckResponse.named("kafka").down()
                    .withData("bootstrapServers", admin.bootstrapServers())
                    .withData("error", e.getCause().getClass().getSimpleName())
                    .build();
        }
    }
}
