package ru.spb.feedback.notification.delivery;

import java.util.regex.Pattern;

/**
 * Failure descriptions safe to store, log and show: SMTP servers like to quote the recipient's
 * address in their errors, so anything that looks like one is blanked out.
 */
public final class ErrorText {

    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final int MAX = 500;

    private ErrorText() {
    }

    public static String of(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root
                && (root instanceof java.util.concurrent.CompletionException || root instanceof java.util.concurrent.ExecutionException
                || root.getMessage() == null)) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return of(root.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    public static String of(String text) {
        String scrubbed = EMAIL.matcher(text).replaceAll("<redacted>").replaceAll("\\s+", " ").trim();
        return scrubbed.length() <= MAX ? scrubbed : scrubbed.substring(0, MAX);
    }
}
