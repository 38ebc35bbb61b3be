package ru.spb.feedback.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local run's SMTP server for notification-service: a GreenMail that accepts every e-mail
 * and saves it as an {@code .eml} file (open it with any mail program). Not started when
 * {@code QUARKUS_MAILER_HOST} names a real server, which the service then inherits.
 */
final class MailCatcher implements AutoCloseable {

    private static final int PREFERRED_PORT = 1025;

    private final GreenMail greenMail;
    private final int port;
    private final Path directory;
    private final ScheduledExecutorService saver;
    private int saved;

    private MailCatcher(GreenMail greenMail, int port, Path directory) {
        this.greenMail = greenMail;
        this.port = port;
        this.directory = directory;
        this.saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mail-catcher");
            thread.setDaemon(true);
            return thread;
        });
        saver.scheduleWithFixedDelay(this::saveNew, 1, 1, TimeUnit.SECONDS);
    }

    /** Starts on 127.0.0.1:1025 (another free port if that is taken); mails are saved under {@code directory}. */
    static MailCatcher start(Path directory) throws IOException {
        Files.createDirectories(directory);
        int port = portOrFree(PREFERRED_PORT);
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new MailCatcher(greenMail, port, directory);
    }

    /** Whether the environment already names an SMTP server for the services. */
    static boolean smtpConfigured() {
        String host = System.getenv("QUARKUS_MAILER_HOST");
        return host != null && !host.isBlank();
    }

    /** What notification-service needs to send here. */
    Map<String, String> environment() {
        return environmentFor(port);
    }

    /** notification-service's settings for a plain local SMTP server on 127.0.0.1 (no TLS, no login). */
    static Map<String, String> environmentFor(int port) {
        return Map.of(
                "QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", String.valueOf(port),
                "QUARKUS_MAILER_START_TLS", "DISABLED",
                "QUARKUS_MAILER_LOGIN", "DISABLED");
    }

    String describe() {
        return "smtp://127.0.0.1:" + port + ", e-mails saved in " + directory;
    }

    private synchronized void saveNew() {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        for (; saved < messages.length; saved++) {
            Path file = directory.resolve(String.format("%05d.eml", saved + 1));
            try (OutputStream out = Files.newOutputStream(file)) {
                messages[saved].writeTo(out);
            } catch (IOException | MessagingException e) {
                System.err.println("mail catcher: could not save " + file + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        saver.shutdownNow();
        saveNew();
        greenMail.stop();
    }

    private static int portOrFree(int preferred) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(preferred, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException taken) {
            return KafkaBroker.freePort();
        }
    }

    @Override
    public String toString() {
        return "mail catcher on port " + port;
    }
}
