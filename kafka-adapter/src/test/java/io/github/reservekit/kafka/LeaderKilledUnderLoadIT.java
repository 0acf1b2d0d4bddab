package io.github.reservekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import io.github.reservekit.kafkalocal.process.KafkaProcessCluster;
import io.github.reservekit.kafkalocal.testing.TestProcessCluster;
import io.github.reservekit.reservation.application.port.in.PlaceReservationCommand;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.ReservationConflictException;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationNotConfirmedException;
import io.github.reservekit.reservation.domain.ReservationNotFoundException;
import io.github.reservekit.reservation.domain.ReservationsUnavailableException;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11's fault test on the 3-broker process cluster (separate broker processes, {@code kill -9}): three
 * instances of the adapter's one assembly ({@link ReserveKitKafka}, what both shells and embedders run) with a 3 s
 * publish timeout place reservations at a fixed rate (40/s, over 100 resources, every second one overlapping the
 * one before it) on a one-partition topic (RF 3, min ISR 2) while its leader is killed -9 and restarted twice, and
 * a follower once in between (the partition then stalls: the leader appends but cannot acknowledge, nor let anyone
 * read, until the follower is back or out of the ISR). Every answer is recorded (201, 409, 503 not-kept, 503 unknown), then, with every broker back,
 * every {@code unknown} is retried with the idempotency key its 503 named, the topic is read with a plain consumer and
 * folded here by CONTRACT.md section 4.4, independently of the adapter, and every instance (plus one started from
 * scratch afterwards) is asked:
 *
 * <ul>
 *   <li>0 acknowledged reservations missing: every 201 is CONFIRMED in the topic and on every instance;
 *   <li>0 duplicates: no reservation placed twice in the topic, no two CONFIRMED reservations of a resource overlap,
 *       and every 409 names a reservation that stands;
 *   <li>no reservation answered {@code 503 not-kept} is CONFIRMED anywhere;
 *   <li>every {@code unknown} resolved to one outcome, the same on every instance and in the topic, and its retry with
 *       its key got one definite answer: the first reservation when the topic confirmed it, never a second one.
 * </ul>
 *
 * The faults come at fixed numbers of placements, and placements stop a fixed number after the last repair; how
 * long a broker takes to come back decides how many placements there are in all. The counts of each answer vary
 * from run to run and are printed.
 */
class LeaderKilledUnderLoadIT {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(3);
    private static final int INSTANCES = 3;
    private static final String TOPIC = "reserve-faults";
    private static final int PER_SECOND = 40;
    private static final int MAX_PLACEMENTS = 6_000;
    private static final int BETWEEN_FAULTS = 120;
    private static final int ACKNOWLEDGED_AFTER_REPAIR = 20;
    /** How many unknown and not-kept reservations are also looked up by id on every instance. */
    private static final int ASKED_BY_ID = 25;

    private static final int RESOURCES = 100;
    /** The leader twice; once a follower, which stalls the partition while its leader still takes appends. */
    private static final List<Fault> FAULTS = List.of(Fault.LEADER, Fault.FOLLOWER, Fault.LEADER);

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static KafkaProcessCluster cluster;
    private static final List<ReserveKitKafka> instances = new ArrayList<>();
    private static final Instant DAY =
            Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(30));

    /** Which broker of the partition is killed. */
    enum Fault {
        LEADER,
        FOLLOWER
    }

    /** What one placement was answered. */
    enum Kind {
        CONFIRMED,
        CONFLICT,
        NOT_KEPT,
        UNKNOWN
    }

    /**
     * @param reservationId the reservation made (CONFIRMED), not made (503), or standing in the way (CONFLICT)
     * @param key the idempotency key a 503 named to retry with (every placement carries one); null otherwise
     */
    record Answer(int request, Kind kind, ReservationId reservationId, Duration took, IdempotencyKey key) {}

    /** A placed event as a plain reader of the topic sees it. */
    record Placed(ReservationId id, String resourceId, TimeSlot slot, Optional<Instant> confirmBy, long timestamp) {}

    @BeforeAll
    static void start_three_broker_processes_and_three_instances() {
        cluster = TestProcessCluster.start(dataDir);
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(startInstance("instance-" + i));
        }
    }

    @AfterAll
    static void stop_everything() {
        try {
            instances.forEach(ReserveKitKafka::close);
        } finally {
            if (cluster != null) {
                cluster.stop();
            }
        }
    }

    @Test
    void leader_killed_repeatedly_under_load_loses_no_acknowledged_reservation_and_keeps_none_it_did_not_confirm()
            throws Exception {
        var answers = new ConcurrentLinkedQueue<Answer>();
        var unexpected = new ConcurrentLinkedQueue<Throwable>();
        var sent = new AtomicInteger();
        var acknowledged = new AtomicInteger();
        var enough = new AtomicBoolean();
        long start = System.nanoTime();
        var faults = new ArrayList<String>();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        Thread pacer = Thread.ofPlatform().name("placements").start(() -> {
            long interval = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;
            for (int i = 0; i < MAX_PLACEMENTS && !enough.get(); i++) {
                long due = start + i * interval;
                for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                    LockSupport.parkNanos(due - now); // pacing the arrivals, not waiting for a condition
                }
                int request = i;
                callers.submit(() -> {
                    if (place(request, answers, unexpected) == Kind.CONFIRMED) {
                        acknowledged.incrementAndGet();
                    }
                });
                sent.incrementAndGet();
            }
        });
        try (var admin = Admin.create(cluster.adminConfig())) {
            for (Fault fault : FAULTS) {
                int mark = sent.get() + BETWEEN_FAULTS;
                await("placements sent").atMost(PATIENCE).until(() -> sent.get() >= mark);
                int leader = leaderOf(admin);
                int broker = fault == Fault.LEADER
                        ? leader
                        : cluster.nodeIds().stream()
                                .filter(id -> id != leader)
                                .findFirst()
                                .orElseThrow();
                long killedAt = System.nanoTime();
                cluster.killBroker(broker);
                String elected = "";
                if (fault == Fault.LEADER) {
                    await("a new leader")
                            .atMost(PATIENCE)
                            .pollInterval(Duration.ofMillis(100))
                            .until(() -> leaderIfKnown(admin)
                                    .filter(id -> id != broker)
                                    .isPresent());
                    elected =
                            ", new leader after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt) + " ms";
                }
                cluster.startBroker(broker);
                // One fault at a time: the next one comes once the broker is in the ISR again and placements are
                // acknowledged again (acks=all: by every replica in the ISR, this one included).
                await("broker " + broker + " back in the ISR of " + TOPIC)
                        .atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> inSyncReplicas(admin) == cluster.nodeIds().size());
                int acknowledgedBefore = acknowledged.get();
                await("placements acknowledged again")
                        .atMost(PATIENCE)
                        .until(() -> acknowledged.get() >= acknowledgedBefore + ACKNOWLEDGED_AFTER_REPAIR);
                faults.add(String.format(
                        "%s %d killed -9 at %.1f s%s, restarted and acknowledging again after %d ms",
                        fault == Fault.LEADER ? "leader" : "follower",
                        broker,
                        (killedAt - start) / 1e9,
                        elected,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt)));
            }
            int mark = sent.get() + BETWEEN_FAULTS;
            await("placements sent").atMost(PATIENCE).until(() -> sent.get() >= mark);
        } finally {
            enough.set(true);
            pacer.join(PATIENCE.toMillis());
            callers.shutdown();
            assertThat(callers.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                    .as("every placement was answered")
                    .isTrue();
        }
        Duration loadTook = Duration.ofNanos(System.nanoTime() - start);
        assertThat(unexpected)
                .as("answers other than 201, 409 and 503 with an outcome")
                .isEmpty();
        assertThat(answers).hasSize(sent.get());
        cluster.nodeIds().stream().filter(id -> !cluster.isRunning(id)).forEach(cluster::startBroker);

        // Every broker is back: each client told "unknown" retries with the key it was given, on another instance.
        var retries = new HashMap<Answer, Answer>();
        try (var retrying = Executors.newVirtualThreadPerTaskExecutor()) {
            var pending = new HashMap<Answer, Future<Answer>>();
            answers.stream()
                    .filter(answer -> answer.kind() == Kind.UNKNOWN)
                    .forEach(answer -> pending.put(answer, retrying.submit(() -> retryWithItsKey(answer))));
            for (var retry : pending.entrySet()) {
                retries.put(retry.getKey(), retry.getValue().get());
            }
        }

        // What did the topic decide, and does every reader agree?
        var topic = foldTheTopicAsAPlainReader();
        var fresh = startInstance("fresh");
        instances.add(fresh);
        var views = new ArrayList<Map<ReservationId, Reservation>>();
        for (var instance : instances) {
            views.add(viewOf(instance));
        }

        var byKind = new EnumMap<Kind, List<Answer>>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        answers.forEach(answer -> byKind.get(answer.kind()).add(answer));
        var unknownConfirmed = byKind.get(Kind.UNKNOWN).stream()
                .filter(answer -> topic.confirmed().containsKey(answer.reservationId()))
                .count();
        System.out.printf(
                "[faults] %d placements at %d/s over %d resources on %d instances, publish timeout %d ms, in %d ms:"
                        + " %d x 201, %d x 409, %d x 503 not-kept, %d x 503 unknown (%d of them CONFIRMED in the end,"
                        + " %d not); slowest answer %d ms; topic: %d records, %d placed (%d of them twice), %d rejected, %d void,"
                        + " %d CONFIRMED%n",
                answers.size(),
                PER_SECOND,
                RESOURCES,
                INSTANCES,
                PUBLISH_TIMEOUT.toMillis(),
                loadTook.toMillis(),
                byKind.get(Kind.CONFIRMED).size(),
                byKind.get(Kind.CONFLICT).size(),
                byKind.get(Kind.NOT_KEPT).size(),
                byKind.get(Kind.UNKNOWN).size(),
                unknownConfirmed,
                byKind.get(Kind.UNKNOWN).size() - unknownConfirmed,
                answers.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0),
                topic.records(),
                topic.placed().size(),
                topic.placed().values().stream()
                        .filter(copies -> copies.size() > 1)
                        .count(),
                topic.rejectedReported().size(),
                topic.voided().size(),
                topic.confirmed().size());
        faults.forEach(fault -> System.out.println("[faults] " + fault));

        assertThat(faults).as("every fault was made and repaired").hasSize(FAULTS.size());
        assertThat(topic.timestampTypes())
                .as("records carry the broker's append time")
                .containsOnly(TimestampType.LOG_APPEND_TIME);
        var copied = topic.placed().entrySet().stream()
                .filter(placed -> placed.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (!copied.isEmpty()) {
            System.out.println("[faults] placed events appended more than once (the producer's retries across an epoch"
                    + " bump; rule 3 ignores the later copies): " + copied);
        }
        assertThat(copied.values())
                .as("an event appended twice is the same event (one ce_id), never a second placement")
                .allSatisfy(
                        copies -> assertThat(copies.stream().map(Copy::eventId).distinct())
                                .hasSize(1));
        for (int i = 0; i < views.size(); i++) {
            assertThat(missing(views.get(i).keySet(), topic.confirmed().keySet()))
                    .as("instance %d holds reservations the topic did not confirm", i)
                    .isEmpty();
            assertThat(missing(topic.confirmed().keySet(), views.get(i).keySet()))
                    .as("instance %d lacks reservations the topic confirmed", i)
                    .isEmpty();
            assertThat(views.get(i).values())
                    .as("instance %d: every reservation is CONFIRMED (nothing was cancelled)", i)
                    .allMatch(Reservation::isConfirmed);
            assertNoOverlap(views.get(i).values());
            assertThat(views.get(i).values().stream().map(r -> r.guestName().value()))
                    .as("instance %d: 0 duplicates, no request made two reservations", i)
                    .doesNotHaveDuplicates();
        }
        var confirmed = topic.confirmed().keySet();
        assertThat(missing(ids(byKind.get(Kind.CONFIRMED)), confirmed))
                .as("0 acknowledged missing: 201s not CONFIRMED in the topic")
                .isEmpty();
        assertThat(missing(ids(byKind.get(Kind.CONFLICT)), confirmed))
                .as("409s naming a reservation that does not stand")
                .isEmpty();
        assertThat(present(ids(byKind.get(Kind.NOT_KEPT)), confirmed))
                .as("reservations answered 503 not-kept and CONFIRMED nonetheless")
                .isEmpty();
        assertThat(present(topic.rejectedReported(), confirmed))
                .as("reservations reported rejected and CONFIRMED nonetheless")
                .isEmpty();
        for (var answer : byKind.get(Kind.UNKNOWN)) {
            boolean inTheTopic = confirmed.contains(answer.reservationId());
            for (int v = 0; v < views.size(); v++) {
                assertThat(views.get(v).containsKey(answer.reservationId()))
                        .as("unknown %s resolves on instance %d as in the topic", answer.reservationId(), v)
                        .isEqualTo(inTheTopic);
            }
        }
        // A retry with the key ends in one definite answer: the first reservation when the topic confirmed it, else a
        // placement of its own (or a conflict), never a second reservation for one request (the guest names above).
        for (var retry : retries.entrySet()) {
            var first = retry.getKey();
            var answer = retry.getValue();
            assertThat(answer.kind())
                    .as("the retry of unknown %s is definite", first.reservationId())
                    .isIn(Kind.CONFIRMED, Kind.CONFLICT);
            if (confirmed.contains(first.reservationId())) {
                assertThat(answer.kind()).isEqualTo(Kind.CONFIRMED);
                assertThat(answer.reservationId())
                        .as("the retry of unknown %s, which the topic confirmed, gets it", first.reservationId())
                        .isEqualTo(first.reservationId());
            }
            assertThat(confirmed)
                    .as("the retry's reservation (or the one in its way) stands in the topic")
                    .contains(answer.reservationId());
        }
        // And a reader asking for one of them by id (GET /reservations/{id}) learns the same, on every instance.
        var asked = new ArrayList<Answer>();
        asked.addAll(byKind.get(Kind.UNKNOWN).stream().limit(ASKED_BY_ID).toList());
        asked.addAll(byKind.get(Kind.NOT_KEPT).stream().limit(ASKED_BY_ID).toList());
        try (var readers = Executors.newVirtualThreadPerTaskExecutor()) {
            var found = new HashMap<Answer, List<Future<Boolean>>>();
            for (var answer : asked) {
                found.put(
                        answer,
                        instances.stream()
                                .map(instance -> readers.submit(() -> outcomeOn(instance, answer.reservationId())))
                                .toList());
            }
            for (var answer : asked) {
                boolean inTheTopic = confirmed.contains(answer.reservationId());
                for (var onInstance : found.get(answer)) {
                    assertThat(onInstance.get())
                            .as("%s %s found by id as in the topic", answer.kind(), answer.reservationId())
                            .isEqualTo(inTheTopic);
                }
            }
        }
    }

    // ------------------------------------------------------------------ the load

    /** Places request {@code request} on its instance and records the answer; returns its kind (null: unexpected). */
    private static Kind place(
            int request, ConcurrentLinkedQueue<Answer> answers, ConcurrentLinkedQueue<Throwable> unexpected) {
        try {
            var answer = answer(request, instances.get(request % INSTANCES), command(request));
            answers.add(answer);
            return answer.kind();
        } catch (RuntimeException other) {
            unexpected.add(other);
            return null;
        }
    }

    /**
     * Request i asks for hours [k, k + 2) of its resource, k = i / RESOURCES: every second one overlaps the one before
     * it, which decides (in the topic) whether it is refused.
     */
    private static PlaceReservationCommand command(int request) {
        int k = request / RESOURCES;
        var slot = new TimeSlot(DAY.plus(Duration.ofHours(k)), DAY.plus(Duration.ofHours(k + 2)));
        return PlaceReservationCommand.of(
                resource(request % RESOURCES), new GuestName("Guest " + request), new PartySize(2), slot);
    }

    private static Answer answer(int request, ReserveKitKafka instance, PlaceReservationCommand command) {
        long begin = System.nanoTime();
        try {
            var placed = instance.reservations().place(command);
            return new Answer(request, Kind.CONFIRMED, placed.id(), since(begin), null);
        } catch (ReservationConflictException conflict) {
            return new Answer(request, Kind.CONFLICT, conflict.conflictingReservationId(), since(begin), null);
        } catch (ReservationNotConfirmedException notConfirmed) {
            var kind = notConfirmed.outcome() == ReservationNotConfirmedException.Outcome.NOT_KEPT
                    ? Kind.NOT_KEPT
                    : Kind.UNKNOWN;
            return new Answer(
                    request,
                    kind,
                    notConfirmed.reservationId().orElseThrow(),
                    since(begin),
                    notConfirmed.idempotencyKey().orElseThrow());
        }
    }

    /** The same request with the key its 503 named, on the next instance, until the answer is not a 503. */
    private static Answer retryWithItsKey(Answer unknown) {
        var instance = instances.get((unknown.request() + 1) % INSTANCES);
        var retry = command(unknown.request()).withIdempotencyKey(unknown.key());
        return await("a definite answer to the retry of " + unknown.reservationId())
                .atMost(PATIENCE)
                .until(() -> answer(unknown.request(), instance, retry), answer -> answer.key() == null);
    }

    private static ResourceId resource(int index) {
        return new ResourceId("fault-" + index);
    }

    private static Duration since(long begin) {
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    // ------------------------------------------------------------------ the readers

    /** One record of a placed event: its CloudEvents id, where it is and when it was appended. */
    record Copy(String eventId, long offset, long timestamp) {}

    /** The topic as a plain reader computes it, by CONTRACT.md section 2 (no idempotency keys, no cancellations). */
    record Folded(
            Map<ReservationId, Placed> confirmed,
            Map<ReservationId, List<Copy>> placed,
            Set<ReservationId> voided,
            Set<ReservationId> rejectedReported,
            Set<TimestampType> timestampTypes,
            long records) {}

    private static Folded foldTheTopicAsAPlainReader() {
        var confirmed = new HashMap<ReservationId, Placed>();
        var placedCopies = new HashMap<ReservationId, List<Copy>>();
        var voided = new HashSet<ReservationId>();
        var rejected = new HashSet<ReservationId>();
        var types = new HashSet<TimestampType>();
        var keysHeld = new HashSet<String>(); // "resource key" of every CONFIRMED placement (nothing is cancelled)
        long records = 0;
        long time = Long.MIN_VALUE;
        var config = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("reading the topic to its end").isLessThan(deadline);
                // Records of one partition come in offset order: the fold's order.
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    time = Math.max(time, record.timestamp()); // rule 2: one partition, its time never steps back
                    types.add(record.timestampType());
                    String type = header(record, "ce_type");
                    JsonNode data = json(record.value());
                    var id = ReservationId.parse(data.get("reservationId").asText());
                    if (type.endsWith(".rejected.v1")) {
                        rejected.add(id);
                    } else if (type.endsWith(".placed.v1")) {
                        var key = data.path("idempotencyKey").asText();
                        assertThat(key)
                                .as("every placement carries an idempotency key")
                                .isNotEmpty();
                        var placed = new Placed(
                                id,
                                data.get("resourceId").asText(),
                                new TimeSlot(
                                        Instant.parse(data.get("startsAt").asText()),
                                        Instant.parse(data.get("endsAt").asText())),
                                Optional.ofNullable(data.get("confirmBy")).map(n -> Instant.parse(n.asText())),
                                time);
                        var copies = placedCopies.computeIfAbsent(id, any -> new ArrayList<>());
                        copies.add(new Copy(header(record, "ce_id"), record.offset(), record.timestamp()));
                        if (copies.size() > 1) {
                            continue; // rule 3
                        }
                        if (placed.confirmBy().isPresent()
                                && placed.confirmBy().get().toEpochMilli() < placed.timestamp()) {
                            voided.add(id); // rule 4
                            continue;
                        }
                        boolean duplicate = !keysHeld.add(placed.resourceId() + " " + key);
                        boolean overlaps = confirmed.values().stream()
                                .anyMatch(other -> other.resourceId().equals(placed.resourceId())
                                        && other.slot().overlaps(placed.slot()));
                        if (duplicate || overlaps) {
                            if (!duplicate) {
                                keysHeld.remove(placed.resourceId() + " " + key);
                            }
                        } else {
                            confirmed.put(id, placed); // rule 6
                        }
                    } else {
                        throw new AssertionError("unexpected event type " + type + " at " + record.offset());
                    }
                }
            }
        }
        return new Folded(confirmed, placedCopies, voided, rejected, types, records);
    }

    /** Every reservation an instance holds for the test's resources, once it has caught up with the topic. */
    private static Map<ReservationId, Reservation> viewOf(ReserveKitKafka instance) throws Exception {
        var view = new HashMap<ReservationId, Reservation>();
        // Asked all at once, as concurrent GETs would be: readers waiting together share one look at the log's end.
        try (var readers = Executors.newVirtualThreadPerTaskExecutor()) {
            var lists = new ArrayList<Future<List<Reservation>>>();
            for (int r = 0; r < RESOURCES; r++) {
                var resource = resource(r);
                lists.add(readers.submit(() -> await("instance caught up")
                        .atMost(PATIENCE)
                        .ignoreException(ReservationsUnavailableException.class)
                        .until(() -> instance.reservations().listByResource(resource), list -> true)));
            }
            for (var list : lists) {
                list.get().forEach(reservation -> view.put(reservation.id(), reservation));
            }
        }
        return view;
    }

    /** Whether the instance holds the reservation CONFIRMED (false: it does not know it). */
    private static boolean outcomeOn(ReserveKitKafka instance, ReservationId id) {
        return await("instance caught up")
                .atMost(PATIENCE)
                .ignoreException(ReservationsUnavailableException.class)
                .until(
                        () -> {
                            try {
                                return instance.reservations().findById(id).isConfirmed();
                            } catch (ReservationNotFoundException absent) {
                                return false;
                            }
                        },
                        found -> true);
    }

    private static void assertNoOverlap(Collection<Reservation> confirmed) {
        Map<ResourceId, List<Reservation>> byResource = new HashMap<>();
        confirmed.forEach(r -> byResource
                .computeIfAbsent(r.resourceId(), id -> new ArrayList<>())
                .add(r));
        byResource.forEach((resource, reservations) -> {
            for (int i = 0; i < reservations.size(); i++) {
                for (int j = i + 1; j < reservations.size(); j++) {
                    assertThat(reservations
                                    .get(i)
                                    .slot()
                                    .overlaps(reservations.get(j).slot()))
                            .as("CONFIRMED %s and %s overlap", reservations.get(i), reservations.get(j))
                            .isFalse();
                }
            }
        });
    }

    private static Set<ReservationId> missing(Set<ReservationId> ids, Set<ReservationId> from) {
        return ids.stream().filter(id -> !from.contains(id)).collect(Collectors.toSet());
    }

    private static Set<ReservationId> present(Set<ReservationId> ids, Set<ReservationId> in) {
        return ids.stream().filter(in::contains).collect(Collectors.toSet());
    }

    private static Set<ReservationId> ids(List<Answer> answers) {
        return answers.stream().map(Answer::reservationId).collect(Collectors.toSet());
    }

    // ------------------------------------------------------------------ the cluster and the instances

    private static ReserveKitKafka startInstance(String name) {
        // One partition: "the partition leader" is the leader of every placement.
        var settings = ReserveKitSettings.defaults(URI.create("/reservekit/faults/" + name))
                .withTopic(TOPIC)
                .withPartitions(1)
                .withPublishTimeout(PUBLISH_TIMEOUT);
        var instance = ReserveKitKafka.builder(settings, Map.of("bootstrap.servers", cluster.bootstrapServers()))
                .build();
        instance.start();
        return instance;
    }

    private static int leaderOf(Admin admin) {
        return await("the leader of " + TOPIC)
                .atMost(PATIENCE)
                .until(() -> leaderIfKnown(admin), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<Integer> leaderIfKnown(Admin admin) {
        return partition(admin)
                .map(TopicPartitionInfo::leader)
                .filter(leader -> !leader.isEmpty())
                .map(Node::id);
    }

    private static int inSyncReplicas(Admin admin) {
        return partition(admin).map(info -> info.isr().size()).orElse(0);
    }

    private static Optional<TopicPartitionInfo> partition(Admin admin) {
        try {
            return Optional.of(admin.describeTopics(List.of(TOPIC))
                    .allTopicNames()
                    .get(5, TimeUnit.SECONDS)
                    .get(TOPIC)
                    .partitions()
                    .getFirst());
        } catch (ExecutionException | TimeoutException unknownYet) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as("header %s at offset %d", name, record.offset()).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
