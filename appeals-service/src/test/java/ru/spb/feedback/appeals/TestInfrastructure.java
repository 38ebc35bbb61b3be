package ru.spb.feedback.appeals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import ru.spb.feedback.testsupport.KafkaTestResource;
import ru.spb.feedback.testsupport.PostgresTestResource;

/** Every suite of this module runs against a real PostgreSQL database, and a real Kafka broker. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = TestInfrastructure.DATABASE))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    public static final String DATABASE = "appeals_test";

    private TestInfrastructure() {
    }
}
