package ru.spb.feedback.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import ru.spb.feedback.contracts.AppealAnswered;
import ru.spb.feedback.contracts.AppealAuthorErased;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealRouted;
import ru.spb.feedback.contracts.AppealSupported;
import ru.spb.feedback.contracts.AppealSupportWithdrawn;
import ru.spb.feedback.messaging.inbox.EventHandlers;
import ru.spb.feedback.messaging.inbox.InboundEvents;
import ru.spb.feedback.notification.privacy.PersonalData;

/**
 * Consumes {@code appeal.events}. Citizen-visible events with a template are notified (to the
 * author and the appeal's supporters); {@code AppealSupported} adds a supporter, {@code AppealSupportWithdrawn} removes one, {@code AppealAuthorErased} forgets the author
 * ({@link PersonalData}); others are
 * skipped and counted ({@code events_skipped_total}); unreadable records go to
 * {@code dead-letter.notification-service}. Each event is handled once (messaging-commons
 * {@link InboundEvents}); records of one appeal are handled in order.
 */
@ApplicationScoped
public class AppealEventConsumer {

    /** The channel name in {@code application.properties}. */
    public static final String CHANNEL = "appeal-events";
    /** The consumer's name in {@code processed_event} and in its dead-letter topic. */
    public static final String CONSUMER = "notification-service";

    @Inject
    InboundEvents inbound;

    @Inject
    NotificationIntake intake;

    @Inject
    SupporterNotifications supporters;

    @Inject
    PersonalData personalData;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = new EventHandlers()
                .on(AppealRegistered.class, intake::registered)
                .on(AppealRouted.class, intake::routed)
                // notified like the others, and announced to area-alert subscribers
                .on(AppealAnswered.class, intake::answered)
                // not citizen-visible, so not notified: it only adds a supporter to notify later
                .on(AppealSupported.class, supporters::supported)
                .on(AppealSupportWithdrawn.class, supporters::withdrawn)
                // not citizen-visible either: the author deleted their account, forget them
                .on(AppealAuthorErased.class, personalData::authorErased)
                .otherwise(intake::notifiable, intake::other);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbound.processBatch(CONSUMER, InboundEvents.inOrder(records), handlers);
    }
}
