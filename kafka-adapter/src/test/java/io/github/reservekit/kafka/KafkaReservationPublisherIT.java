package io.github.reservekit.kafka;

import static io.github.reservekit.reservation.testing.ReservationFixtures.placedEvent;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.kafka.read.Decoded;
import io.github.reservekit.kafka.read.ReservationRecordDecoder;
import io.github.reservekit.kafkalocal.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The publisher on a real broker (the run's shared one: Testcontainers when Docker is there, else Kafka's
 * in-JVM test kit): the port contract, the exact wire format read back with a plain consumer, the reader
 * surviving a poison pill, and topic provisioning.
 */
class KafkaReservationPublisherIT extends KafkaPublisherContract {

    private static final String TOPIC = "reserve-publisher-it";

    @RegisterExtension
    static final PublisherOnTopic SHARED = PublisherOnTopic.onSharedKafka(TOPIC);

    private final TestKafka kafka = SHARED.kafka();

    KafkaReservationPublisherIT() {
        super(SHARED);
    }

    @Test
    void a_missing_topic_is_created_with_the_configured_partitions_and_a_safe_replication() {
        int replication = Math.min(3, kafka.brokerCount());
        var provisioned = SHARED.provisioned();

        assertThat(provisioned.exists()).isTrue();
        assertThat(provisioned.partitions()).isEqualTo(3);
        assertThat(provisioned.replicationFactor()).isEqualTo(replication);
        assertThat(provisioned.minInsyncReplicas()).isEqualTo(Math.min(2, replication));
        assertThat(provisioned.canPublish()).isTrue();
        assertThat(provisioned.weakerThanConfigured()).isFalse();
    }

    @Test
    void the_health_of_a_missing_topic_says_it_cannot_publish() {
        var elsewhere = AdapterSettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .topic("no-such-topic")
                .build();
        try (var topic = elsewhere.createTopic()) {
            var health = topic.health();

            assertThat(health.reachable()).isTrue();
            assertThat(health.exists()).isFalse();
            assertThat(health.canPublish()).isFalse();
            assertThat(health.problems()).singleElement().asString().contains("does not exist");
        }
    }

    @Test
    void a_plain_kafka_consumer_reads_the_exact_key_headers_and_json_of_the_contract() {
        var contractSettings = AdapterSettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .topic(TOPIC)
                .build();
        try (var contractPublisher = contractSettings.createPublisher()) {
            contractPublisher.publish(WireContract.PLACED);
            contractPublisher.publish(WireContract.CANCELLED);
        }

        var records =
                KafkaTestClients.readAll(kafka.bootstrapServers(), TOPIC, WireContract.RESOURCE.value()::equals, 2);

        assertThat(records).hasSize(2);
        var placed = records.get(0);
        assertThat(placed.key()).isEqualTo("table-7");
        assertThat(new String(placed.value(), StandardCharsets.UTF_8)).isEqualTo(WireContract.PLACED_JSON);
        assertThat(WireContract.headers(placed.headers()))
                .containsExactlyInAnyOrderEntriesOf(WireContract.PLACED_HEADERS);
        var cancelled = records.get(1);
        assertThat(cancelled.key()).isEqualTo("table-7");
        assertThat(new String(cancelled.value(), StandardCharsets.UTF_8)).isEqualTo(WireContract.CANCELLED_JSON);
        assertThat(WireContract.headers(cancelled.headers()))
                .containsExactlyInAnyOrderEntriesOf(WireContract.CANCELLED_HEADERS);
        assertThat(WireContract.validate(WireContract.PLACED, placed.value())).isEmpty();
        assertThat(WireContract.validate(WireContract.CANCELLED, cancelled.value()))
                .isEmpty();
    }

    @Test
    void a_poison_pill_is_read_as_a_typed_failure_and_the_reader_goes_on() {
        var resource = uniqueResource();
        var before = placedEvent(resource, slot(24, 1));
        var after = placedEvent(resource, slot(30, 1));
        publisher().publish(before);
        var unknown = new ProducerRecord<>(TOPIC, resource.value(), "{}".getBytes(StandardCharsets.UTF_8));
        unknown.headers()
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", "x-1".getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "/elsewhere".getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "com.example.other.v1".getBytes(StandardCharsets.UTF_8));
        KafkaTestClients.produce(
                kafka.bootstrapServers(),
                new ProducerRecord<>(TOPIC, resource.value(), "not json, no headers".getBytes(StandardCharsets.UTF_8)),
                unknown);
        publisher().publish(after);

        var decoded = KafkaTestClients.readAll(
                        kafka.bootstrapServers(),
                        TOPIC,
                        new ByteArrayDeserializer(),
                        resource.value()::equals,
                        4,
                        Duration.ofSeconds(30))
                .stream()
                .map(new ReservationRecordDecoder()::decode)
                .toList();

        assertThat(decoded).hasSize(4);
        assertThat(decoded.get(0)).isEqualTo(new Decoded.Event(before));
        assertThat(decoded.get(1)).isInstanceOf(Decoded.Malformed.class);
        assertThat(decoded.get(2)).isEqualTo(new Decoded.UnknownType("com.example.other.v1"));
        assertThat(decoded.get(3)).isEqualTo(new Decoded.Event(after));
    }
}
