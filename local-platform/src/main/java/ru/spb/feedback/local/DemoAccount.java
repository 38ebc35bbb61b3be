package ru.spb.feedback.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import ru.spb.feedback.devinfra.RepositoryFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * One demo account of {@code dev/demo-accounts.json}: the single list of demo users, which {@code ./platform token}
 * mints tokens for and the web app's demo sign-in (the gateway's {@code webapp.dev-sign-in}) offers.
 */
record DemoAccount(String subject, String role, String label, String organization, String email, String name) {

    static Optional<DemoAccount> find(String subject) {
        try {
            DemoAccount[] all = new ObjectMapper().readValue(RepositoryFiles.find("dev/demo-accounts.json").toFile(), DemoAccount[].class);
            return Arrays.stream(all).filter(account -> account.subject().equals(subject)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/demo-accounts.json", e);
        }
    }

    /** The demo account {@code demo-<role>}; the integrator is not in the file (the web app has no page for it). */
    static DemoAccount ofRole(String role) {
        return find("demo-" + role).orElse(new DemoAccount("demo-" + role, role, role, null, null, null));
    }
}
