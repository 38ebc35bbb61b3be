package ru.spb.feedback.notification.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * Starts a real SMTP server (GreenMail) on a free port and points the Quarkus Mailer at it, with
 * the mock mailer off. A test gets the server in a field annotated {@link Smtp}.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link SmtpServer} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Smtp {
    }

    private SmtpServer server;

    @Override
    public Map<String, String> start() {
        server = SmtpServer.start();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.port()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.login", "DISABLED");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Smtp.class, SmtpServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
