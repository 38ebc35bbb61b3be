package ru.spb.feedback.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import ru.spb.feedback.notification.support.SmtpTestResource;
import ru.spb.feedback.testsupport.KafkaTestResource;
import ru.spb.feedback.testsupport.PostgresTestResource;

/**
 * Every suite of this module runs against a real PostgreSQL database, a real Kafka broker and a
 * real SMTP server (GreenMail).
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = TestInfrastructure.DATABASE))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    public static final String DATABASE = "notification_test";

    private TestInfrastructure() {
    }
}
