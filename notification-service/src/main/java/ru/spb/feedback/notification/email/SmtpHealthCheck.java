package ru.spb.feedback.notification.email;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The SMTP server's state, in its own health group ({@code /q/health/group/smtp}) and not in
 * readiness: e-mails wait in the database while SMTP is down, the service keeps working.
 */
@HealthGroup("smtp")
@ApplicationScoped
public class SmtpHealthCheck implements HealthCheck {

    @Inject
    SmtpProbe probe;

    @Override
    public HealthCheckResponse call() {
        SmtpProbe.Result result = probe.probe();
        return HealthCheckResponse.named("smtp").status(result.up())
                .withData("server", probe.address())
                .withData("detail", result.detail())
                .build();
    }
}
