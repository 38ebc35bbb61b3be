package ru.spb.feedback.web;

/**
 * Whose live stream an answer is and when it must end: a service puts the citizen's id (a token
 * subject) and the expiry of the token behind the stream on a stream's answer; the gateway counts
 * streams per citizen by the one and ends the stream at the other, also for streams opened with a
 * stream ticket, which the gateway cannot read. The gateway takes both headers off every answer:
 * clients never see them.
 */
public final class StreamSubjects {

    public static final String HEADER = "X-Stream-Subject";
    /** Epoch seconds, as a token's {@code exp}. */
    public static final String ENDS_AT = "X-Stream-Ends-At";

    private StreamSubjects() {
    }
}
