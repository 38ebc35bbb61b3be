package ru.spb.feedback.local;

import java.util.List;

/**
 * The five demo users of a local run, one per role, with fresh dev tokens (12 h). The officer works
 * for the local administration of {@link DevTokenCommand#DEMO_ORGANIZATION_NAME}.
 */
record DemoUsers(String citizen, String officer, String moderator, String admin, String integrator) {

    static DemoUsers mint() {
        return new DemoUsers(
                DevTokenCommand.mint(List.of("citizen")),
                DevTokenCommand.mint(List.of("officer")),
                DevTokenCommand.mint(List.of("moderator")),
                DevTokenCommand.mint(List.of("admin")),
                DevTokenCommand.mint(List.of("integrator")));
    }

    /** One {@code export} line per user, each under a comment saying who it is: paste them into a shell. */
    String exports() {
        return String.join("\n",
                "# a citizen: demo-citizen, " + DemoAccount.ofRole("citizen").name() + " <" + DemoAccount.ofRole("citizen").email() + ">",
                "export CITIZEN=" + citizen,
                "# an officer of " + DevTokenCommand.DEMO_ORGANIZATION_NAME + " (organization " + DemoAccount.ofRole("officer").organization() + "): demo-officer",
                "export OFFICER=" + officer,
                "# a moderator (triage, rejections): demo-moderator",
                "export MODERATOR=" + moderator,
                "# an admin (catalog, municipalities, routing rules, dead letters, integrator keys): demo-admin",
                "export ADMIN=" + admin,
                "# an integrator (webhooks; Open311 with an API key an admin issues): demo-integrator",
                "export INTEGRATOR=" + integrator,
                "");
    }
}
