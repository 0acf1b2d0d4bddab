package io.github.reservekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.reservekit.kafka.read.FollowerState;
import io.github.reservekit.kafka.read.KafkaReservationFollower;
import io.github.reservekit.kafka.read.RecordOutcome;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventCommand;
import io.github.reservekit.reservation.application.port.in.ApplyReservationEventUseCase;
import io.github.reservekit.reservation.application.port.in.CancelReservationCommand;
import io.github.reservekit.reservation.application.port.in.FoldDecision;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.bootstrap.ReservationApplication;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The topic as the system of record, on a real broker: an application rebuilt from it after a "restart" (a new
 * {@link ReservationApplication} with an empty repository), two instances converging through the tail, and a
 * replay that survives poison pills. Each test has its own topic on the run's shared broker.
 */
class KafkaReservationFollowerIT {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    @RegisterExtension
    final OnSharedKafka broker = new OnSharedKafka("reserve-follower-it");

    private AdapterSettings settings;

    @Test
    void a_restarted_application_gets_every_reservation_and_its_status_back_from_the_topic() {
        newTopic();
        var first = instance();
        var dinner = first.app.place(place("table-1", 48, 2, "retry-me"));
        var lunch = first.app.place(place("table-1", 40, 2, null));
        var cancelled = first.app.cancel(new CancelReservationCommand(lunch.id()));
        var elsewhere = first.app.place(place("table-2", 48, 2, null));
        first.close();

        var restarted = instance();

        assertThat(restarted.app.findById(dinner.id())).isEqualTo(dinner);
        assertThat(restarted.app.findById(lunch.id())).isEqualTo(cancelled);
        assertThat(restarted.app.findById(lunch.id()).status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(restarted.app.findById(elsewhere.id())).isEqualTo(elsewhere);
        assertThat(restarted.app.listByResource(new ResourceId("table-1"))).containsExactly(cancelled, dinner);
        var stats = restarted.follower.stats();
        assertThat(stats.replayedRecords()).isEqualTo(4);
        assertThat(stats.count(RecordOutcome.CONFIRMED)).isEqualTo(3);
        assertThat(stats.count(RecordOutcome.CANCELLED)).isEqualTo(1);
        assertThat(stats.skipped()).isZero();
    }

    @Test
    void after_a_restart_conflicts_with_restored_reservations_are_detected_and_their_slots_stay_taken() {
        newTopic();
        var first = instance();
        var dinner = first.app.place(place("table-1", 48, 2, null));
        var lunch = first.app.place(place("table-1", 40, 2, null));
        first.app.cancel(new CancelReservationCommand(lunch.id()));
        first.close();

        var restarted = instance();

        assertThatThrownBy(() -> restarted.app.place(place("table-1", 49, 2, null)))
                .isInstanceOfSatisfying(
                        ReservationConflictException.class,
                        conflict ->
                                assertThat(conflict.conflictingReservationId()).isEqualTo(dinner.id()));
        var inTheCancelledSlot = restarted.app.place(place("table-1", 40, 2, null));
        assertThat(inTheCancelledSlot.status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void after_a_restart_a_retry_with_an_old_idempotency_key_returns_the_original_reservation_and_writes_nothing() {
        newTopic();
        var first = instance();
        var original = first.app.place(place("table-1", 48, 2, "order-4711"));
        first.close();

        var restarted = instance();
        var retried = restarted.app.place(place("table-1", 48, 2, "order-4711"));

        assertThat(retried).isEqualTo(original);
        var third = instance();
        assertThat(third.follower.stats().replayedRecords())
                .as("no second event was written")
                .isEqualTo(1);
    }

    @Test
    void a_reservation_placed_on_one_instance_appears_on_the_other_and_a_cancel_there_comes_back() {
        newTopic();
        var one = instance();
        var two = instance();

        var placed = one.app.place(place("room-101", 72, 3, null));
        long placedAt = System.nanoTime();
        eventually(() -> exists(two.app, placed), "the placement reaches the second instance");
        var seenAfter = Duration.ofNanos(System.nanoTime() - placedAt);
        assertThat(two.app.findById(placed.id())).isEqualTo(placed);
        assertThat(seenAfter).isLessThan(Duration.ofSeconds(3));

        var cancelled = two.app.cancel(new CancelReservationCommand(placed.id()));
        eventually(
                () -> one.app.findById(placed.id()).status() == ReservationStatus.CANCELLED,
                "the cancel reaches the first instance");
        assertThat(one.app.findById(placed.id())).isEqualTo(cancelled);
    }

    @Test
    void every_instance_applies_each_event_once_through_its_follower_its_own_included() {
        newTopic();
        var one = instance();
        var two = instance();

        var placed = one.app.place(place("room-7", 72, 3, "own-key"));
        eventually(() -> exists(two.app, placed), "the placement reaches the second instance");
        var cancelled = two.app.cancel(new CancelReservationCommand(placed.id()));
        eventually(
                () -> one.follower.stats().count(RecordOutcome.CONFIRMED) == 1
                        && one.follower.stats().count(RecordOutcome.CANCELLED) == 1
                        && two.follower.stats().count(RecordOutcome.CONFIRMED) == 1
                        && two.follower.stats().count(RecordOutcome.CANCELLED) == 1,
                () -> "each instance folds every event once, its own and the other's: "
                        + one.follower.stats().records() + " / "
                        + two.follower.stats().records());

        assertThat(one.app.findById(placed.id())).isEqualTo(cancelled);
        assertThat(two.app.findById(placed.id())).isEqualTo(cancelled);
        assertThat(one.app.listByResource(new ResourceId("room-7"))).containsExactly(cancelled);
        assertThat(one.follower.stats().count(RecordOutcome.UNCHANGED)).isZero();
    }

    @Test
    void a_replay_over_poison_pills_and_unknown_event_types_completes_and_counts_what_it_skipped() {
        newTopic();
        var writer = instance();
        var before = writer.app.place(place("table-9", 48, 2, null));
        KafkaTestClients.produce(
                broker.bootstrapServers(),
                new ProducerRecord<>(settings.topic(), "table-9", new byte[] {(byte) 0xff, 0, 1}),
                new ProducerRecord<>(settings.topic(), null, "{\"no\":\"headers\"}".getBytes(UTF8)),
                cloudEvent("io.github.reservekit.reservation.placed.v1", "{not json"),
                cloudEvent("com.example.inventory.restocked.v1", "{}"),
                cloudEvent("io.github.reservekit.reservation.placed.v2", "{}"));
        var after = writer.app.place(place("table-9", 52, 2, null));
        writer.close();

        var replayed = instance();

        var stats = replayed.follower.stats();
        assertThat(stats.replayedRecords()).isEqualTo(7);
        assertThat(stats.count(RecordOutcome.CONFIRMED)).isEqualTo(2);
        assertThat(stats.count(RecordOutcome.MALFORMED)).isEqualTo(3);
        assertThat(stats.count(RecordOutcome.UNKNOWN_TYPE)).isEqualTo(1);
        assertThat(stats.count(RecordOutcome.UNSUPPORTED_VERSION)).isEqualTo(1);
        assertThat(stats.skipped()).isEqualTo(5);
        assertThat(replayed.app.listByResource(new ResourceId("table-9"))).containsExactly(before, after);
    }

    @Test
    void an_event_the_core_fails_to_apply_is_counted_and_the_follower_goes_on() {
        newTopic();
        var writer = instance();
        var first = writer.app.place(place("table-3", 48, 2, null));
        var second = writer.app.place(place("table-3", 52, 2, null));
        writer.close();

        var target = ReservationApplication.builder()
                .publisher(event -> {
                    throw new AssertionError("a replay publishes nothing");
                })
                .build();
        var failingOnTheFirst = new ApplyReservationEventUseCase() {
            @Override
            public FoldDecision apply(ApplyReservationEventCommand command) {
                if (command.event().reservationIdIfAny().equals(Optional.of(first.id()))) {
                    throw new IllegalStateException("a bug in applying");
                }
                return target.apply(command);
            }

            @Override
            public void logReached(Instant logTime) {
                target.logReached(logTime);
            }
        };
        var follower = broker.open(settings.createFollower(failingOnTheFirst));
        var stats = follower.replay(CATCH_UP);

        assertThat(stats.count(RecordOutcome.APPLY_FAILURE)).isEqualTo(1);
        assertThat(stats.count(RecordOutcome.CONFIRMED)).isEqualTo(1);
        assertThat(follower.isCaughtUp()).isTrue();
        assertThat(target.findById(second.id())).isEqualTo(second);
        assertThatThrownBy(() -> target.findById(first.id())).isInstanceOf(ReservationNotFoundException.class);
    }

    @Test
    void an_empty_topic_is_caught_up_at_once_and_close_stops_the_tail_promptly() {
        newTopic();
        var app = ReservationApplication.builder()
                .publisher(event -> {
                    throw new AssertionError("nothing is published");
                })
                .build();
        var follower = settings.createFollower(app);
        assertThat(follower.state()).isEqualTo(FollowerState.NEW);

        var stats = follower.replay(CATCH_UP);
        assertThat(stats.state()).isEqualTo(FollowerState.FOLLOWING);
        assertThat(stats.replayedRecords()).isZero();

        long closing = System.nanoTime();
        follower.close();
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(3));
        assertThat(follower.state()).isEqualTo(FollowerState.CLOSED);
        assertThat(follower.isCaughtUp()).isFalse();
        follower.close();
    }

    // --- helpers ---

    private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

    /** One application instance: its own repository, publishing to and following the test's topic. */
    /** An instance as every shell assembles it: {@link ReserveKitKafka}. */
    private final class Instance implements AutoCloseable {
        final ReservationApplication app;
        final KafkaReservationFollower follower;
        private final ReserveKitKafka kafka;

        Instance() {
            kafka = ReserveKitKafka.builder(settings.reserveKit(), settings.kafkaProperties())
                    .build();
            kafka.start();
            app = kafka.reservations();
            follower = kafka.follower();
        }

        /** As a shell stops: no more events read, then no more written. */
        @Override
        public void close() {
            kafka.close();
        }
    }

    private Instance instance() {
        return broker.open(new Instance());
    }

    private void newTopic() {
        settings = AdapterSettings.builder()
                .bootstrapServers(broker.bootstrapServers())
                .topic(broker.newTopicName())
                .partitions(3)
                .publishTimeout(Duration.ofSeconds(10))
                .build();
        try (var topic = settings.createTopic()) {
            assertThat(topic.ensureExists().canPublish()).isTrue();
        }
    }

    private static PlaceReservationCommand place(String resource, int hoursFromNow, int hours, String key) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(hoursFromNow));
        return new PlaceReservationCommand(
                new ReservationDetails(
                        new ResourceId(resource),
                        new GuestName("Grace Hopper"),
                        new PartySize(2),
                        new TimeSlot(start, start.plus(Duration.ofHours(hours)))),
                Optional.ofNullable(key).map(IdempotencyKey::new));
    }

    private ProducerRecord<String, byte[]> cloudEvent(String type, String json) {
        var record = new ProducerRecord<>(settings.topic(), "table-9", json.getBytes(UTF8));
        record.headers()
                .add("ce_specversion", "1.0".getBytes(UTF8))
                .add("ce_id", java.util.UUID.randomUUID().toString().getBytes(UTF8))
                .add("ce_source", "/elsewhere".getBytes(UTF8))
                .add("ce_type", type.getBytes(UTF8))
                .add("content-type", "application/json".getBytes(UTF8));
        return record;
    }

    private static boolean exists(ReservationApplication app, Reservation reservation) {
        try {
            app.findById(reservation.id());
            return true;
        } catch (ReservationNotFoundException notYet) {
            return false;
        }
    }

    /** Polls {@code condition} every 10 ms until it holds, failing after 10 s. */
    private static void eventually(BooleanSupplier condition, String what) {
        eventually(condition, () -> what);
    }

    private static void eventually(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(10))
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException notInTime) {
            throw new AssertionError("not within 10 s: " + what.get(), notInTime);
        }
    }
}
