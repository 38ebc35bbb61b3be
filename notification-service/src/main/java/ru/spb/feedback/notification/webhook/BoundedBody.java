package ru.spb.feedback.notification.webhook;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most a few KB of a receiver's answer and throws them away: only the status counts. A
 * longer body is cut off (the connection is dropped rather than drained), so an answer that never
 * ends cannot keep a call open.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<Void> {

    static final int LIMIT = 4096;

    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private long left = LIMIT;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            left -= item.remaining();
        }
        if (left < 0) {
            cancel();
            done.complete(null);
        }
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
        return done;
    }

    /** Stops reading: past the limit, or when the call's deadline is up. */
    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
