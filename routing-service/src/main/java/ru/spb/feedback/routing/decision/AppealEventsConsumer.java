package ru.spb.feedback.routing.decision;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import ru.spb.feedback.contracts.AppealCategoryChanged;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealReopened;
import ru.spb.feedback.contracts.AppealRerouteRequested;
import ru.spb.feedback.contracts.EventCatalog;
import ru.spb.feedback.messaging.inbox.EventHandlers;
import ru.spb.feedback.messaging.inbox.InboundEvents;


/**
 * Reads {@code appeal.events}: new appeals to route, declined or re-categorised appeals to route
 * again, reopened appeals to give a new deadline, and finished appeals to drop.
 */
@ApplicationScoped
public class AppealEventsConsumer {

    static final String CHANNEL = "appeal-events";
    static final String CONSUMER = "routing-service";

    @Inject
    InboundEvents inbound;

    @Inject
    Router router;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = new EventHandlers()
                .on(AppealRegistered.class, router::register)
                .on(AppealRerouteRequested.class, router::reroute)
                .on(AppealCategoryChanged.class, router::changeCategory)
                .on(AppealReopened.class, router::reopen)
                // by type name, without reading the payload: a reject reason or close resolution added
                // later must not send the end of an appeal to the dead-letter topic
                .otherwise(envelope -> EventCatalog.finishes(envelope.eventType()), router::close); // routing needs only the fact, never the payload
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbound.processBatch(CONSUMER, InboundEvents.inOrder(records), handlers);
    }
}
