package ru.spb.feedback.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every suite of this module runs against real HTTP servers standing in for the services. */
@WithTestResource(value = TestUpstreams.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
