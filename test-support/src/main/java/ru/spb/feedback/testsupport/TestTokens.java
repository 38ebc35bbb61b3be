package ru.spb.feedback.testsupport;

import ru.spb.feedback.devinfra.DevTokens;

/** Real signed tokens for tests, one line per role. */
public final class TestTokens {

    private static final DevTokens TOKENS = DevTokens.fromRepository();

    private TestTokens() {
    }

    public static String citizen(String subject) {
        return TOKENS.subject(subject).group("citizen").sign();
    }

    public static String citizen(String subject, String email, String name) {
        return TOKENS.subject(subject).group("citizen").email(email).name(name).sign();
    }

    public static String officer(String subject, String organization) {
        return TOKENS.subject(subject).group("officer").organization(organization).sign();
    }

    public static String moderator(String subject) {
        return TOKENS.subject(subject).group("moderator").sign();
    }

    public static String admin(String subject) {
        return TOKENS.subject(subject).group("admin").sign();
    }

    public static String integrator(String subject) {
        return TOKENS.subject(subject).group("integrator").sign();
    }

    /** For tests that need other claim combinations (expired, several groups, no e-mail…). */
    public static DevTokens.Builder custom(String subject) {
        return TOKENS.subject(subject);
    }
}
