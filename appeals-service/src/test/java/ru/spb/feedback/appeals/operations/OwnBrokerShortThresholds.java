package ru.spb.feedback.appeals.operations;

import io.quarkus.test.junit.QuarkusTestProfile;
import ru.spb.feedback.appeals.TestInfrastructure;
import ru.spb.feedback.testsupport.DedicatedKafkaResource;
import ru.spb.feedback.testsupport.PostgresTestResource;

import java.util.List;
import java.util.Map;

/**
 * A broker of the suite's own (it is stopped to show Kafka outages) and a stuck-appeal threshold
 * of a second, re-read twice a second, so an appeal nobody routes is stuck almost at once.
 */
public class OwnBrokerShortThresholds implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "appeals.operations.stuck-registered-after", "PT1S",
                "appeals.operations.stuck-check-interval", "PT0.5S");
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresTestResource.class, Map.of("database", TestInfrastructure.DATABASE)),
                new TestResourceEntry(DedicatedKafkaResource.class));
    }
}
