package ru.spb.feedback.contracts;

/** A record that cannot be read as an event: it belongs on the consumer's dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
