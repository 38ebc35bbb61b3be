package ru.spb.feedback.appeals.appeal;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import ru.spb.feedback.contracts.DeadlineDecided;
import ru.spb.feedback.contracts.RoutingDecided;
import ru.spb.feedback.contracts.TriageRequired;
import ru.spb.feedback.messaging.inbox.EventHandlers;
import ru.spb.feedback.messaging.inbox.InboundEvents;

/** Reads {@code routing.events}: where each appeal goes, or that a moderator must decide, and new deadlines. */
@ApplicationScoped
public class RoutingEventsConsumer {

    static final String CHANNEL = "routing-events";
    static final String CONSUMER = "appeals-service";

    @Inject
    InboundEvents inbound;

    @Inject
    AppealRouting routing;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = new EventHandlers()
                .on(RoutingDecided.class, routing::routed)
                .on(TriageRequired.class, routing::sentToTriage)
                .on(DeadlineDecided.class, routing::deadlineDecided);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbound.processBatch(CONSUMER, InboundEvents.inOrder(records), handlers);
    }
}
