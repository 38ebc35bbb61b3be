package ru.spb.feedback.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * The request body as it streams through, cut off once it passes the size limit (a chunked body declares no
 * length up front). Also tells when the body has been read to its end.
 */
final class BodyLimit implements ReadStream<Buffer> {

    /** Fails the pipe to the upstream, which resets that request. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the size limit", null, false, false);
        }
    }

    private final ReadStream<Buffer> body;
    private final long maxBytes;
    private final Runnable onEnd;
    private long seen;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    BodyLimit(ReadStream<Buffer> body, long maxBytes, Runnable onEnd) {
        this.body = body;
        this.maxBytes = maxBytes;
        this.onEnd = onEnd;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            body.handler(null);
            return this;
        }
        body.handler(chunk -> {
            if (exceeded) {
                return;
            }
            seen += chunk.length();
            if (seen > maxBytes) {
                exceeded = true;
                body.pause();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge());
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        if (handler == null) {
            body.endHandler(null);
            return this;
        }
        body.endHandler(end -> {
            if (!exceeded) {
                onEnd.run();
                handler.handle(end);
            }
        });
        return this;
    }
}
