package ru.spb.feedback.local;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.devinfra.Postgres;
import ru.spb.feedback.devinfra.PostgresServer;
import ru.spb.feedback.testsupport.InJvmKafka;
import ru.spb.feedback.testsupport.TestTokens;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built appeals-service and notification-service jars, run as processes against one Kafka
 * broker, one PostgreSQL and a real SMTP server: a citizen submits an appeal over HTTP and is
 * told about it in the inbox, on the live stream and by e-mail, and an integrator's webhook
 * receives it signed.
 */
class NotificationEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern NUMBER = Pattern.compile("\"number\":\"(SPB-\\d{4}-\\d{6})\"");

    @Test
    void aSubmittedAppealReachesTheInboxTheLiveStreamTheMailboxAndTheWebhook() throws Exception {
        Mailbox mailbox = Mailbox.start();
        List<Map.Entry<Map<String, List<String>>, byte[]>> webhookCalls = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            webhookCalls.add(Map.entry(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (PostgresServer postgres = Postgres.findOrStart(); InJvmKafka kafka = InJvmKafka.start();
             // the services stop before the database and the broker they use
             PlatformProcesses processes = new PlatformProcesses(postgres, kafka.bootstrapServers())) {
            ServiceProcess appeals = processes.start("appeals-service", "appeals_e2e_test", Map.of());
            ServiceProcess notifications = processes.start("notification-service", "notification_e2e_test", mailbox.serviceEnvironment());

            // an integrator subscribes to registrations
            String integrator = TestTokens.integrator("e2e-integrator");
            HttpResponse<String> subscribed = PlatformProcesses.call("POST", notifications.baseUrl() + "/api/v1/webhooks", integrator, """
                    {"url": "http://127.0.0.1:%d/hooks", "eventTypes": ["AppealRegistered"]}"""
                    .formatted(receiver.getAddress().getPort()));
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            String secret = field(subscribed.body(), "secret");

            // the citizen's browser opens the live stream with a ticket
            String citizen = "e2e-citizen-" + System.nanoTime();
            String email = citizen + "@example.org";
            String token = TestTokens.citizen(citizen, email, "Ольга Иванова");
            HttpResponse<String> ticket = PlatformProcesses.call("POST", notifications.baseUrl() + "/api/v1/notifications/stream-tickets", token, null);
            assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(201);
            List<String> streamLines = new CopyOnWriteArrayList<>();
            HttpResponse<Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(URI.create(notifications.baseUrl()
                            + "/api/v1/notifications/stream?ticket=" + URLEncoder.encode(field(ticket.body(), "ticket"), StandardCharsets.UTF_8)))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
            Thread reader = new Thread(() -> {
                try {
                    stream.body().forEach(streamLines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();
            Eventually.await("the stream is open", () -> streamLines.contains(":connected"));

            // the citizen submits an appeal to appeals-service
            HttpResponse<String> submitted = PlatformProcesses.call("POST", appeals.baseUrl() + "/api/v1/appeals", token, """
                    {"categoryCode": "255", "description": "Во дворе поставили бетонные блоки, не проехать скорой",
                     "location": {"lat": 59.9375, "lon": 30.3086}, "address": "Адмиралтейский пр., 1"}""");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            Matcher number = NUMBER.matcher(submitted.body());
            assertThat(number.find()).isTrue();
            String appealNumber = number.group(1);

            // in the inbox
            Eventually.await("the notification in the inbox",
                    () -> PlatformProcesses.call("GET", notifications.baseUrl() + "/api/v1/notifications", token, null).body().contains(appealNumber));
            String inbox = PlatformProcesses.call("GET", notifications.baseUrl() + "/api/v1/notifications", token, null).body();
            assertThat(inbox).contains("Обращение " + appealNumber + " зарегистрировано", "\"status\":\"Зарегистрировано\"");

            // pushed on the live stream
            Eventually.await("the notification on the live stream",
                    () -> streamLines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(appealNumber)));
            assertThat(streamLines).contains("event:notification");
            stream.body().close();

            // e-mailed in Russian
            Eventually.await("the e-mail", () -> mailbox.to(email).size() == 1);
            MimeMessage mail = mailbox.to(email).get(0);
            assertThat(mail.getSubject()).isEqualTo("Обращение " + appealNumber + " зарегистрировано");
            assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
            assertThat(Mailbox.text(mail)).contains("Здравствуйте, Ольга Иванова!", "Номер обращения: " + appealNumber,
                    "Статус: Зарегистрировано");

            // and the integrator's webhook, signed
            Eventually.await("the webhook call", () -> !webhookCalls.isEmpty());
            Map<String, List<String>> headers = webhookCalls.get(0).getKey();
            byte[] body = webhookCalls.get(0).getValue();
            String timestamp = header(headers, "Webhook-Timestamp");
            assertThat(header(headers, "Webhook-Signature")).isEqualTo("sha256=" + hmac(secret, timestamp + "." + new String(body, StandardCharsets.UTF_8)));
            assertThat(new String(body, StandardCharsets.UTF_8)).contains(appealNumber, "\"eventType\":\"AppealRegistered\"")
                    .doesNotContain(email);
            assertThat(webhookCalls).hasSize(1);
        } finally {
            receiver.stop(0);
            mailbox.close();
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
    }

    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
