package ru.spb.feedback.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ru.spb.feedback.notification.config.NotificationConfig;

/**
 * How each channel retries: its backoff, and how many attempts one round of a delivery gets (the
 * first round, and each redeliver or admin retry). E-mail gets as many as its retry window needs,
 * so an SMTP outage of hours leaves e-mails waiting rather than FAILED; webhooks a fixed number.
 */
@ApplicationScoped
public class RetrySchedules {

    @Inject
    NotificationConfig config;

    public Backoff backoff(Channel channel) {
        return channel == Channel.EMAIL
                ? new Backoff(config.email().initialBackoff(), config.email().maxBackoff())
                : new Backoff(config.webhooks().initialBackoff(), config.webhooks().maxBackoff());
    }

    public int attemptsPerRound(Channel channel) {
        return switch (channel) {
            case EMAIL -> backoff(Channel.EMAIL).attemptsWithin(config.email().retryWindow());
            case WEBHOOK -> config.webhooks().maxAttempts();
            case IN_APP -> 1;
        };
    }
}
