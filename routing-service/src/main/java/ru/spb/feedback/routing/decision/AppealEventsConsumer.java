package ru.spb.feedback.routing.decision;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.AppealRerouteRequested;
import ru.spb.feedback.messaging.inbox.EventHandlers;
import ru.spb.feedback.messaging.inbox.InboundEvents;

/** Reads {@code appeal.events}: new appeals to route, declined appeals to route again. */
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
                .on(AppealRerouteRequested.class, router::reroute);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbound.process(CONSUMER, record, handlers);
    }
}
