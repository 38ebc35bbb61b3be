package ru.spb.feedback.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * A test profile with a database and a broker of its own instead of the module's shared ones, for a suite whose
 * requests change data other suites rely on (the API fuzz). A module names its database in a subclass.
 */
public abstract class OwnDataProfile implements QuarkusTestProfile {

    private final String database;

    protected OwnDataProfile(String database) {
        this.database = database;
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of("database", database)),
                new TestResourceEntry(DedicatedKafkaResource.class));
    }
}
