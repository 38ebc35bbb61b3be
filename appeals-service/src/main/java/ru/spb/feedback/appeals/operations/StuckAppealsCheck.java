package ru.spb.feedback.appeals.operations;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * DOWN while any appeal is stuck in {@code REGISTERED} ({@code /q/health/group/alerts}). Not part
 * of readiness or liveness on purpose: the service itself is fine and restarting it or taking it out of the load balancer
 * would not route a single appeal; someone has to look at routing-service and Kafka.
 */
@HealthGroup("alerts")
@ApplicationScoped
public class StuckAppealsCheck implements HealthCheck {

    static final String NAME = "stuck-registered-appeals";

    @Inject
    StuckAppeals appeals;

    @Override
    public HealthCheckResponse call() {
        StuckAppeals.Snapshot snapshot = appeals.snapshot();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(snapshot.stuck() == 0)
                .withData("stuck", snapshot.stuck())
                .withData("stuckAfter", appeals.threshold().toString())
                .withData("oldestRegisteredAgeSeconds", (long) snapshot.oldestAgeSeconds());
        if (snapshot.readAt().getEpochSecond() > 0) {
            response.withData("checkedAt", snapshot.readAt().toString());
        }
        return response.build();
    }
}
