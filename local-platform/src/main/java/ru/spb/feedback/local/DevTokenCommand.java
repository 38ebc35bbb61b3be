package ru.spb.feedback.local;

import ru.spb.feedback.devinfra.DevTokens;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code ./platform token ROLE [--sub ID] [--org CODE] [--email E] [--name N] [--hours H]}:
 * a dev token for one of the five roles, with the demo account's claims ({@link DemoAccount}) as defaults.
 */
final class DevTokenCommand {

    static final Set<String> ROLES = Set.of("citizen", "officer", "moderator", "admin", "integrator");
    /** The demo officer's organization (dev/demo-accounts.json: 1123300) is the local administration of this municipality. */
    static final String DEMO_ORGANIZATION_NAME = "Адмиралтейский округ";

    private DevTokenCommand() {
    }

    static String mint(List<String> args) {
        if (args.isEmpty() || !ROLES.contains(args.get(0))) {
            throw new IllegalArgumentException("role must be one of " + ROLES);
        }
        String role = args.get(0);
        DemoAccount account = DemoAccount.ofRole(role);
        String subject = account.subject();
        String organization = account.organization();
        String email = account.email();
        String name = account.name();
        long hours = 12;
        for (int i = 1; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(args.get(i) + " needs a value");
            }
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--sub" -> subject = value;
                case "--org" -> organization = value;
                case "--email" -> email = value;
                case "--name" -> name = value;
                case "--hours" -> hours = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        DevTokens.Builder token = DevTokens.fromRepository().subject(subject).group(role).lifetime(Duration.ofHours(hours));
        if (organization != null) {
            token.organization(organization);
        }
        if (email != null) {
            token.email(email);
        }
        if (name != null) {
            token.name(name);
        }
        return token.sign();
    }
}
