package ru.spb.feedback.local;

import ru.spb.feedback.testsupport.TestTokens;

import java.util.UUID;

/**
 * A citizen of one test's own, with a real signed token carrying a name and an e-mail address, so
 * that the inbox and the mailbox hold only that test's notifications.
 */
record Citizen(String subject, String email, String token) {

    static final String NAME = "Ольга Иванова";

    static Citizen create(String purpose) {
        String subject = "e2e-" + purpose + "-" + UUID.randomUUID();
        String email = subject + "@example.org";
        return new Citizen(subject, email, TestTokens.citizen(subject, email, NAME));
    }

    /** A citizen whose token carries no e-mail address: told in the inbox only. */
    static Citizen withoutEmail(String purpose) {
        String subject = "e2e-" + purpose + "-" + UUID.randomUUID();
        return new Citizen(subject, null, TestTokens.citizen(subject));
    }
}
