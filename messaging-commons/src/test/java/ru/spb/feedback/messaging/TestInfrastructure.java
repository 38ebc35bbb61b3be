package ru.spb.feedback.messaging;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import ru.spb.feedback.testsupport.KafkaTestResource;
import ru.spb.feedback.testsupport.PostgresTestResource;

/** Every Quarkus suite of this module runs against a real PostgreSQL database and a real Kafka broker. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "messaging_test"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
