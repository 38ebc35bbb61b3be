package ru.spb.feedback.notification.delivery;

import java.util.Optional;

/**
 * Sends the deliveries of one channel (e-mails, area-alert e-mails, webhook calls). The channel
 * packages implement it, so the dispatcher needs none of them (they all build on deliveries).
 */
public interface ChannelSender {

    /** Whether this sender sends the delivery; exactly one sender does for each outbound delivery. */
    boolean sends(Delivery delivery);

    /**
     * The call to make for the delivery, prepared in the transaction that renewed its claim; empty
     * if it is no longer wanted (the delivery is then cancelled).
     */
    Optional<Call> prepareCall(Delivery delivery);

    /** One prepared call, made outside any transaction. */
    @FunctionalInterface
    interface Call {

        /** Makes the call: the receiver's HTTP status, or null where there is none (e-mail, accepted by the server). */
        Integer make() throws Exception;
    }
}
