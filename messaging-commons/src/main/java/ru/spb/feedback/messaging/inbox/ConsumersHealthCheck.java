package ru.spb.feedback.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import java.util.Map;

/**
 * Shows in {@code /q/health} what each consumer is doing: handling records, or retrying one since
 * when and why. It stays UP while a consumer waits out a database outage (restarting the service
 * would not help); a consumer whose channel has failed is reported DOWN by the messaging
 * extension's own liveness check next to this one.
 */
@Liveness
@ApplicationScoped
public class ConsumersHealthCheck implements HealthCheck {

    @Inject
    ConsumerStates states;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers").up();
        for (Map.Entry<String, ConsumerStates.State> entry : states.all().entrySet()) {
            ConsumerStates.State state = entry.getValue();
            String summary = !state.retrying() ? "handling"
                    : (state.transiently() ? "waiting for the database since " : "retrying a failing record since ")
                    + state.since() + " (" + state.errorClass() + ")";
            response.withData(entry.getKey(), summary);
            if (state.lastHandled() != null) {
                response.withData(entry.getKey() + ".lastHandledAt", state.lastHandled().toString());
            }
        }
        return response.build();
    }
}
