package ru.spb.feedback.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.concurrent.ExecutionException;

/**
 * A real single-node KRaft broker inside the test JVM (Kafka's own KafkaClusterTestKit). Its
 * broker can be stopped and started again on the same port, to test what happens in an outage.
 */
public final class InJvmKafka implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(InJvmKafka.class.getName());
    private static final int BROKER = 0;

    private final KafkaClusterTestKit cluster;

    private InJvmKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static InJvmKafka start() {
        keepBrokerFromEndingTheJvm();
        long started = System.nanoTime();
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    // a test broker stops when the JVM does: nothing to hand over
                    .setConfigProp("controlled.shutdown.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            LOG.log(System.Logger.Level.INFO, "in-JVM Kafka broker ready at {0} in {1} ms",
                    cluster.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
            return new InJvmKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-JVM Kafka broker", e);
        }
    }

    /**
     * A broker halts its JVM on errors it deems fatal, e.g. a log directory going away while it
     * stops at JVM exit. In a test JVM that would turn a green run red (the build tool sees a
     * non-zero exit code), so it is logged instead.
     */
    private static void keepBrokerFromEndingTheJvm() {
        org.apache.kafka.common.utils.Exit.setHaltProcedure((status, message) ->
                LOG.log(System.Logger.Level.WARNING, "the in-JVM broker asked to halt the JVM ({0}): {1}", status, message));
        org.apache.kafka.common.utils.Exit.setExitProcedure((status, message) ->
                LOG.log(System.Logger.Level.WARNING, "the in-JVM broker asked to exit the JVM ({0}): {1}", status, message));
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Stops the broker; its port stays reserved, so clients reconnect after {@link #startBroker()}. */
    public void stopBroker() {
        cluster.brokers().get(BROKER).shutdown();
        cluster.brokers().get(BROKER).awaitShutdown();
    }

    public void startBroker() {
        cluster.brokers().get(BROKER).startup();
        try {
            cluster.waitForReadyBrokers();
        } catch (ExecutionException e) {
            throw new IllegalStateException("broker did not come back", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "could not stop the in-JVM Kafka broker", e);
        }
    }
}
