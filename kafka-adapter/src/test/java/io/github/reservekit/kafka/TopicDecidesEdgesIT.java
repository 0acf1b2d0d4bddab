package io.github.reservekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.kafka.internal.ReservationWire;
import io.github.reservekit.kafka.read.RecordOutcome;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import io.github.reservekit.kafka.write.ProducerSettings;
import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.domain.WriteNotAdmittedException;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The edges where "the topic decides" used to answer wrongly (CONTRACT.md sections 4.4 and 4.5), each through the
 * assembly every shell and embedding program gets ({@link ReserveKitKafka}), on a real broker: each test has its own
 * topic on the run's shared broker.
 */
class TopicDecidesEdgesIT {

    @RegisterExtension
    final OnSharedKafka broker = new OnSharedKafka("reserve-edges-it");

    private String topic;

    @Test
    void an_ended_reservation_leaves_the_assemblys_memory_once_the_topics_time_is_past_it() throws Exception {
        newTopic(1);
        // A version 1 placement (never void) whose slot ended two days before the broker appends it, written by
        // another producer, then one that is still ahead.
        var ended = v1Placement("terrace-1", Instant.now().minus(Duration.ofDays(2)));
        var ahead = v1Placement("terrace-1", Instant.now().plus(Duration.ofDays(2)));
        KafkaTestClients.produce(
                broker.bootstrapServers(),
                ReservationWire.toRecord(topic, URI.create("/elsewhere"), ended),
                ReservationWire.toRecord(topic, URI.create("/elsewhere"), ahead));

        var instance = start();

        assertThat(instance.follower().stats().count(RecordOutcome.CONFIRMED)).isEqualTo(2);
        assertThat(instance.reservations().findById(ahead.reservationId()).status())
                .isEqualTo(ReservationStatus.CONFIRMED);
        assertThatThrownBy(() -> instance.reservations().findById(ended.reservationId()))
                .as("the topic's time is more than a day past its end: it left memory")
                .isInstanceOf(ReservationNotFoundException.class);
    }

    @Test
    void a_record_whose_key_is_not_its_resource_counts_nowhere_and_is_counted_as_skipped() throws Exception {
        newTopic(3);
        var foreign = v1Placement("foreign-1", Instant.now().plus(Duration.ofDays(2)));
        var wellKeyed = ReservationWire.toRecord(topic, URI.create("/another-team"), foreign);
        KafkaTestClients.produce(
                broker.bootstrapServers(),
                new ProducerRecord<>(topic, null, "other-1", wellKeyed.value(), wellKeyed.headers()));

        var instance = start();

        assertThat(instance.reservations().listByResource(new ResourceId("foreign-1")))
                .isEmpty();
        var stats = instance.follower().stats();
        assertThat(stats.count(RecordOutcome.MALFORMED)).isEqualTo(1);
        assertThat(stats.lastSkipped())
                .singleElement()
                .satisfies(skipped -> assertThat(skipped.detail()).contains("'other-1' is not its resourceId"));
    }

    @Test
    void a_health_probe_is_no_bad_record() {
        newTopic(3);
        var instance = start();
        try (var prober = KafkaReservationPublisher.create(
                ProducerSettings.of(settings(), Map.of("bootstrap.servers", broker.bootstrapServers())))) {
            prober.probe(1);
        }
        var placed = instance.reservations().place(placement("table-1", 48));

        assertThat(placed.isConfirmed()).isTrue();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> instance.follower().stats().count(RecordOutcome.PROBE) == 1);
        assertThat(instance.follower().stats().skipped()).isZero();
    }

    @Test
    void a_stale_local_view_never_refuses_a_slot_that_was_freed_on_another_instance() throws Exception {
        newTopic(3);
        var one = start();
        var other = start();
        // The other instance's reader is held back right after it applied the first placement of table-5, so its
        // local view still shows that reservation when the cancellation from the first instance is acknowledged.
        var heldBack = new CountDownLatch(1);
        var holding = new CountDownLatch(1);
        other.follower().addListener(record -> {
            if (record.outcome() == RecordOutcome.CONFIRMED
                    && record.event().orElseThrow().resourceId().value().equals("table-5")
                    && holding.getCount() == 1) {
                holding.countDown();
                try {
                    heldBack.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        var first = one.reservations().place(placement("table-5", 48));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        one.reservations().cancel(new CancelReservationCommand(first.id()));

        var writer = new Thread[1];
        var second = new CompletableFuture<Reservation>();
        writer[0] = Thread.ofPlatform().start(() -> {
            try {
                second.complete(other.reservations().place(placement("table-5", 48)));
            } catch (RuntimeException refused) {
                second.completeExceptionally(refused);
            }
        });
        // Released only once the writer answered or waits (to catch up): refusing from the stale view answers at once.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> second.isDone() || writer[0].getState() == Thread.State.TIMED_WAITING);
        heldBack.countDown();

        assertThat(second.get(30, TimeUnit.SECONDS).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(one.reservations().findById(first.id()).status()).isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    void a_topic_that_grew_partitions_is_down_saying_why_and_refuses_writes_as_not_kept() throws Exception {
        newTopic(3);
        var instance = start();
        instance.reservations().place(placement("table-1", 48));
        assertThat(instance.publishingHealth().canPublish()).isTrue();

        try (var admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(6)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !instance.publishingHealth().canPublish());
        assertThat(instance.publishingHealth().topic().problems())
                .anySatisfy(problem -> assertThat(problem)
                        .contains("has 6 partitions, but this instance follows 3")
                        .contains("move to a new topic"));
        var hours = new AtomicInteger(50);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThatThrownBy(
                                () -> instance.reservations().place(placement("table-1", hours.getAndIncrement())))
                        .isInstanceOfSatisfying(ReservationNotConfirmedException.class, refused -> {
                            assertThat(refused.outcome()).isEqualTo(ReservationNotConfirmedException.Outcome.NOT_KEPT);
                            assertThat(refused.getMessage())
                                    .contains("now has 6 partitions, but this instance follows 3");
                        }));
    }

    @Test
    void producer_settings_that_break_key_order_are_refused_at_start_naming_the_property() {
        newTopic(3);
        for (var breaking : List.of(
                Map.of("partitioner.ignore.keys", "true"),
                Map.of("partitioner.class", "org.apache.kafka.clients.producer.RoundRobinPartitioner"))) {
            var properties = new HashMap<String, Object>(breaking);
            properties.put("bootstrap.servers", broker.bootstrapServers());
            assertThatThrownBy(() -> ReserveKitKafka.builder(settings(), properties)
                            .build()
                            .close())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(breaking.keySet().iterator().next());
        }
    }

    @Test
    void the_assembly_bounds_the_writes_in_flight_and_refuses_the_excess_at_once_publishing_nothing() throws Exception {
        newTopic(3);
        var inFlight = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var instance = ReserveKitKafka.builder(
                        settings().withWritesInFlight(1, 1), Map.of("bootstrap.servers", broker.bootstrapServers()))
                .publisherDecorator(publisher -> event -> {
                    if (event.resourceId().value().equals("slow-1")) {
                        inFlight.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    publisher.publish(event);
                })
                .build();
        broker.open(instance);
        instance.start();
        var slow = CompletableFuture.supplyAsync(() -> instance.reservations().place(placement("slow-1", 48)));
        assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> instance.reservations().place(placement("fast-1", 48)))
                .isInstanceOfSatisfying(
                        WriteNotAdmittedException.class,
                        refused -> assertThat(refused.outcome())
                                .isEqualTo(ReservationNotConfirmedException.Outcome.NOT_KEPT));
        assertThat(instance.reservations().listByResource(new ResourceId("fast-1")))
                .as("reads are served while writes are refused")
                .isEmpty();
        release.countDown();

        assertThat(slow.get(30, TimeUnit.SECONDS).isConfirmed()).isTrue();
        assertThat(instance.writeAdmission().orElseThrow().refused()).isEqualTo(1);
        var placed = instance.reservations().place(placement("fast-1", 48));
        assertThat(placed.isConfirmed()).as("the bound is free again").isTrue();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> instance.follower().stats().count(RecordOutcome.CONFIRMED) == 2);
        assertThat(instance.follower().stats().count(RecordOutcome.CONFIRMED))
                .as("the refused write published nothing")
                .isEqualTo(2);
    }

    private void newTopic(int partitions) {
        topic = broker.newTopicName();
        try (var admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                            .configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new AssertionError("could not create " + topic, failed);
        }
    }

    private ReserveKitSettings settings() {
        return ReserveKitSettings.defaults(URI.create("/reservekit/edges-it"))
                .withTopic(topic)
                .withPublishTimeout(Duration.ofSeconds(10));
    }

    private ReserveKitKafka start() {
        var instance = ReserveKitKafka.builder(settings(), Map.of("bootstrap.servers", broker.bootstrapServers()))
                .build();
        broker.open(instance);
        instance.start();
        return instance;
    }

    private static ReservationPlaced v1Placement(String resource, Instant start) {
        Instant from = start.truncatedTo(ChronoUnit.SECONDS);
        return new ReservationPlaced(
                UUID.randomUUID(),
                from,
                ReservationId.random(),
                new ReservationDetails(
                        new ResourceId(resource),
                        new GuestName("Ada Lovelace"),
                        new PartySize(2),
                        new TimeSlot(from, from.plus(Duration.ofHours(2)))),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                1,
                Optional.empty());
    }

    private static PlaceReservationCommand placement(String resource, int hoursFromNow) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(hoursFromNow));
        return PlaceReservationCommand.of(
                new ResourceId(resource),
                new GuestName("Grace Hopper"),
                new PartySize(2),
                new TimeSlot(start, start.plus(Duration.ofHours(1))));
    }
}
