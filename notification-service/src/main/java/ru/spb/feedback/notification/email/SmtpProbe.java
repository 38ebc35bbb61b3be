package ru.spb.feedback.notification.email;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether the SMTP server answers: connects and expects the {@code 220} greeting (for SMTPS,
 * where the greeting is encrypted, a TCP connection is enough). Sends nothing.
 */
@ApplicationScoped
public class SmtpProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost")
    String host;

    @ConfigProperty(name = "quarkus.mailer.port")
    OptionalInt port;

    @ConfigProperty(name = "quarkus.mailer.tls")
    Optional<Boolean> tls;

    @ConfigProperty(name = "quarkus.mailer.ssl", defaultValue = "false")
    boolean ssl;

    @ConfigProperty(name = "quarkus.mailer.mock")
    Optional<Boolean> mock;

    /** The outcome of one probe. */
    public record Result(boolean up, String detail) {
    }

    public String address() {
        return host + ":" + effectivePort();
    }

    public boolean mocked() {
        return mock.orElse(false);
    }

    public Result probe() {
        if (mocked()) {
            return new Result(true, "mock mailer, nothing is sent");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, effectivePort()), (int) TIMEOUT.toMillis());
            if (secureFromStart()) {
                return new Result(true, "TCP connection accepted");
            }
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String greeting = reader.readLine();
            if (greeting != null && greeting.startsWith("220")) {
                return new Result(true, "greeting received");
            }
            return new Result(false, "unexpected greeting");
        } catch (IOException e) {
            return new Result(false, e.getClass().getSimpleName());
        }
    }

    private boolean secureFromStart() {
        return tls.orElse(ssl);
    }

    private int effectivePort() {
        return port.orElse(secureFromStart() ? 465 : 25);
    }
}
