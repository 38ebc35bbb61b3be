package ru.spb.feedback.web;

/**
 * Whose live stream an answer is: a service puts the citizen's id (a token subject) on a stream's
 * answer, and the gateway counts streams per citizen by it, also for streams opened with a stream
 * ticket, which the gateway cannot read. The gateway takes the header off every answer: clients
 * never see it.
 */
public final class StreamSubjects {

    public static final String HEADER = "X-Stream-Subject";

    private StreamSubjects() {
    }
}
