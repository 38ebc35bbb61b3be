package ru.spb.feedback.notification.delivery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.notification.support.AppealEvents;
import ru.spb.feedback.notification.support.AppealEvents.Appeal;
import ru.spb.feedback.notification.support.Db;
import ru.spb.feedback.notification.support.SmtpServer;
import ru.spb.feedback.notification.support.SmtpTestResource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.spb.feedback.notification.support.Api.emailOf;
import static ru.spb.feedback.notification.support.Api.newCitizenId;

/**
 * An SMTP outage longer than a few attempts' worth of backoff leaves e-mails waiting, not FAILED:
 * the test profile's retry window (PT40S) is far longer than the outage, the outage far longer
 * than the 8 attempts the test profile used to allow (about 7 s of backoff).
 */
@QuarkusTest
class EmailOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(12);

    @SmtpTestResource.Smtp
    SmtpServer smtp;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEmailOutlastsAnSmtpOutageAndIsSentOnceWhenTheServerIsBack() throws Exception {
        String citizen = newCitizenId();
        Appeal appeal = Appeal.of(citizen);
        Db db = new Db(dataSource);
        smtp.down();
        try {
            AppealEvents.publish(AppealEvents.registered(appeal, emailOf(citizen), "Анна"));
            await().atMost(Duration.ofSeconds(30)).until(() -> failedAttempts(db, appeal) >= 1);
            Thread.sleep(OUTAGE.toMillis());
            Map<String, Object> waiting = db.rows("select status, attempts from delivery where appeal_id = ? and channel = 'EMAIL'",
                    appeal.id()).get(0);
            assertThat(waiting.get("status")).isEqualTo("PENDING");
            assertThat((Integer) waiting.get("attempts")).isGreaterThan(3);
        } finally {
            smtp.up();
        }
        smtp.await(emailOf(citizen), 1, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(
                db.rows("select status from delivery where appeal_id = ? and channel = 'EMAIL'", appeal.id()).get(0).get("status")));
        Thread.sleep(1500); // several dispatcher rounds: nothing is sent again
        assertThat(smtp.messagesTo(emailOf(citizen))).hasSize(1);
    }

    private static long failedAttempts(Db db, Appeal appeal) {
        return db.count("""
                select count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id
                where d.appeal_id = ? and d.channel = 'EMAIL' and a.outcome = 'FAILED'""", appeal.id());
    }
}
