package ru.spb.feedback.appeals.appeal;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.Topics;
import ru.spb.feedback.messaging.outbox.OutboxRelay;
import ru.spb.feedback.testsupport.TopicReader;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.submit;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.validBody;

/** With several copies running, only the copy holding the relay lock publishes. */
@QuarkusTest
class OutboxRelayLockTest {

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aCopyWithoutTheLockPublishesNothingUntilTheOtherCopyLetsGo() throws Exception {
        String id;
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.APPEAL_EVENTS);
             Connection otherCopy = dataSource.getConnection()) {
            otherCopy.setAutoCommit(false);
            try (Statement statement = otherCopy.createStatement()) {
                // what another copy's relay holds during its pass
                statement.execute("select pg_advisory_xact_lock(hashtext('outbox-relay'))");
            }
            id = submit(newCitizen(), validBody()).statusCode(201).extract().path("id");

            assertThat(relay.relayOnce()).isEqualTo(new OutboxRelay.Pass(0, false, false));
            String appealId = id;
            assertThatThrownBy(() -> reader.await(record -> appealId.equals(record.key()), 1, Duration.ofSeconds(3)))
                    .isInstanceOf(AssertionError.class);

            otherCopy.commit();
            reader.await(record -> appealId.equals(record.key()), 1, Duration.ofSeconds(20));
        }
    }
}
