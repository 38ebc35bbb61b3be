package ru.spb.feedback.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * A broker of the suite's own, for tests that stop and start it (outages). Always in-JVM, even
 * when {@code KAFKA_BOOTSTRAP_SERVERS} names a shared broker, since that one must not be stopped.
 * The test gets it in a field annotated {@link Broker}.
 */
public class DedicatedKafkaResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link InJvmKafka} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Broker {
    }

    private InJvmKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = InJvmKafka.start();
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(kafka, new TestInjector.AnnotatedAndMatchesType(Broker.class, InJvmKafka.class));
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
