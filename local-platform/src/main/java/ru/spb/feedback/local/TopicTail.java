package ru.spb.feedback.local;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code ./platform events [TOPIC] [--seconds N]}: prints a topic's records from the beginning, so
 * a newcomer can see the events a request caused. Note that events carry citizens' contact data:
 * for local and demo data only.
 */
final class TopicTail {

    private TopicTail() {
    }

    static void print(List<String> args) {
        String topic = "appeal.events";
        long seconds = 5;
        for (int i = 0; i < args.size(); i++) {
            if ("--seconds".equals(args.get(i)) && i + 1 < args.size()) {
                seconds = Long.parseLong(args.get(++i));
            } else {
                topic = args.get(i);
            }
        }
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "platform-events-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        int count = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    count++;
                    StringBuilder headers = new StringBuilder();
                    for (Header header : record.headers()) {
                        headers.append(' ').append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                    System.out.printf("%s partition %d offset %d key %s%s%n%s%n%n", topic, record.partition(), record.offset(),
                            record.key(), headers, record.value());
                }
            }
        }
        System.out.println(count + " record(s) on " + topic + " at " + bootstrap);
    }
}
