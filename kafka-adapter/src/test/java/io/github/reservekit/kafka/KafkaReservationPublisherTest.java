package io.github.reservekit.kafka;

import static io.github.reservekit.reservation.testing.ReservationFixtures.TABLE_1;
import static io.github.reservekit.reservation.testing.ReservationFixtures.placedEvent;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.kafka.read.Decoded;
import io.github.reservekit.kafka.read.ReservationRecordDecoder;
import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.application.port.out.ReservationPublisher;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.testing.ReservationPublisherContract;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasAfterAppendException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The publisher on a {@link MockProducer}: the port contract, and error paths a real broker rarely shows. */
class KafkaReservationPublisherTest extends ReservationPublisherContract {

    private static final AdapterSettings SETTINGS = AdapterSettings.builder()
            .bootstrapServers("unused:9092")
            .publishTimeout(Duration.ofMillis(500))
            .build();

    /** Long enough that a failure injected from another thread always arrives before the bound. */
    private static final AdapterSettings PATIENT = AdapterSettings.builder()
            .bootstrapServers("unused:9092")
            .publishTimeout(Duration.ofSeconds(30))
            .build();

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final KafkaReservationPublisher publisher =
            KafkaReservationPublisher.using(producer, SETTINGS.producerSettings());

    @AfterEach
    void clear_the_interrupt_flag() {
        Thread.interrupted();
    }

    @Override
    protected ReservationPublisher publisher() {
        return publisher;
    }

    @Override
    protected List<ReservationEvent> published(List<ResourceId> resources, int expectedCount) {
        var keys = resources.stream().map(ResourceId::value).toList();
        var decoder = new ReservationRecordDecoder();
        return producer.history().stream()
                .filter(record -> keys.contains(record.key()))
                .map(record -> decoder.decode(record.headers(), record.value()))
                .map(decoded -> ((Decoded.Event) decoded).event())
                .toList();
    }

    @Test
    void the_record_goes_to_the_configured_topic_keyed_by_resource() {
        var event = placedEvent(TABLE_1, slot(24, 2));

        publisher.publish(event);

        ProducerRecord<String, byte[]> record = producer.history().getFirst();
        assertThat(record.topic()).isEqualTo("reserve");
        assertThat(record.key()).isEqualTo("table-1");
    }

    static List<RuntimeException> retriable_failures() {
        return List.of(
                new TimeoutException("Expiring 1 record(s): 5000 ms has passed since batch creation"),
                new NotEnoughReplicasException("in-sync replicas 1 < 2"),
                new NotEnoughReplicasAfterAppendException("in-sync replicas shrank"));
    }

    @ParameterizedTest
    @MethodSource("retriable_failures")
    void kafka_retriable_errors_become_retriable_failures(RuntimeException kafkaError) {
        var failure = publishFailingWith(kafkaError);

        assertThat(failure.retriable()).isTrue();
        assertThat(failure).hasCause(kafkaError).hasMessageContaining("was not published to reserve");
    }

    static List<RuntimeException> permanent_failures() {
        return List.of(
                new TopicAuthorizationException("not authorised to write to reserve"),
                new RecordTooLargeException("the record is 2000000 bytes"),
                new SerializationException("cannot serialize"));
    }

    @ParameterizedTest
    @MethodSource("permanent_failures")
    void authorization_size_and_serialization_errors_are_not_retriable(RuntimeException kafkaError) {
        var failure = publishFailingWith(kafkaError);

        assertThat(failure.retriable()).isFalse();
        assertThat(failure).hasCause(kafkaError);
    }

    @Test
    void writes_refused_for_good_count_as_failing_writes_so_health_goes_down_too() {
        // An ACL removed: the topic's metadata looks fine, and every write is refused, not retriably.
        var silent = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        var refused = KafkaReservationPublisher.using(silent, PATIENT.producerSettings());
        failTheFirstSend(silent, new TopicAuthorizationException("not authorised to write to reserve"));

        assertThatThrownBy(() -> refused.publish(placedEvent(TABLE_1, slot(24, 2))))
                .isInstanceOf(PublicationFailedException.class);

        assertThat(refused.outcomes().failing()).hasValueSatisfying(failing -> {
            assertThat(failing.retriable()).isFalse();
            assertThat(failing.reason()).contains("TopicAuthorizationException");
        });
    }

    @Test
    void an_error_thrown_by_send_itself_is_translated_too() {
        producer.sendException = new SerializationException("the producer's serializer refused the value");

        var failure = catchThrowableOfType(
                PublicationFailedException.class, () -> publisher.publish(placedEvent(TABLE_1, slot(24, 2))));

        assertThat(failure.retriable()).isFalse();
    }

    @Test
    void a_closed_producer_is_not_retriable() {
        producer.close();

        var failure = catchThrowableOfType(
                PublicationFailedException.class, () -> publisher.publish(placedEvent(TABLE_1, slot(24, 2))));

        assertThat(failure.retriable()).isFalse();
        assertThat(failure).hasMessageContaining("closed");
    }

    @Test
    void an_unacknowledged_event_fails_retriably_within_the_bound() {
        var silent = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        var waiting = KafkaReservationPublisher.using(silent, SETTINGS.producerSettings());
        long start = System.nanoTime();

        var failure = catchThrowableOfType(
                PublicationFailedException.class, () -> waiting.publish(placedEvent(TABLE_1, slot(24, 2))));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(failure.retriable()).isTrue();
        assertThat(failure).hasMessageContaining("outcome unknown");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void an_interrupted_caller_gets_a_retriable_failure_and_keeps_its_interrupt_flag() {
        var silent = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        var waiting = KafkaReservationPublisher.using(silent, SETTINGS.producerSettings());
        Thread.currentThread().interrupt();

        var failure = catchThrowableOfType(
                PublicationFailedException.class, () -> waiting.publish(placedEvent(TABLE_1, slot(24, 2))));

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(failure.retriable()).isTrue();
        assertThat(failure).hasMessageContaining("interrupted");
    }

    @Test
    void closing_a_publisher_leaves_a_producer_it_did_not_build_open() {
        publisher.close();

        assertThat(producer.closed()).isFalse();
    }

    @Test
    void a_producer_factory_gets_the_adapters_properties_and_the_publisher_owns_what_it_builds() {
        var built = new java.util.ArrayList<java.util.Map<String, Object>>();
        var owned = SETTINGS.createPublisher(properties -> {
            built.add(properties);
            return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        });

        owned.publish(placedEvent(TABLE_1, slot(24, 2)));
        owned.close();

        assertThat(built).singleElement().isEqualTo(SETTINGS.producerProperties());
        assertThatThrownBy(() -> owned.publish(placedEvent(TABLE_1, slot(24, 2))))
                .isInstanceOf(PublicationFailedException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void a_publisher_built_from_settings_refuses_nothing_until_it_publishes() {
        try (var own = AdapterSettings.of("localhost:1").createPublisher()) {
            assertThat(own.settings().topic()).isEqualTo("reserve");
        }
    }

    /** Once the publisher has sent (at most 20 s from now), the send fails with {@code kafkaError}. */
    private static void failTheFirstSend(MockProducer<String, byte[]> producer, RuntimeException kafkaError) {
        Thread.ofVirtual().start(() -> {
            try {
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(1))
                        .until(() -> !producer.history().isEmpty());
            } catch (ConditionTimeoutException nothingSent) {
                // Fail the next send all the same: the test's own assertion then says what went wrong.
            }
            producer.errorNext(kafkaError);
        });
    }

    private PublicationFailedException publishFailingWith(RuntimeException kafkaError) {
        var silent = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        var failing = KafkaReservationPublisher.using(silent, PATIENT.producerSettings());
        var event = placedEvent(TABLE_1, slot(24, 2));
        failTheFirstSend(silent, kafkaError);
        var failure = catchThrowableOfType(PublicationFailedException.class, () -> failing.publish(event));
        assertThat(failure).isNotNull();
        return failure;
    }

    @Test
    void publish_of_null_is_refused_before_anything_is_sent() {
        assertThatThrownBy(() -> publisher.publish(null)).isInstanceOf(NullPointerException.class);
        assertThat(producer.history()).isEmpty();
    }
}
