package io.github.reservekit.kafka;

import static io.github.reservekit.reservation.testing.ReservationFixtures.placedEvent;
import static io.github.reservekit.reservation.testing.ReservationFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.kafka.read.Decoded;
import io.github.reservekit.kafka.read.ReservationRecordDecoder;
import io.github.reservekit.kafka.topic.ReserveTopic;
import io.github.reservekit.kafka.topic.TopicHealth;
import io.github.reservekit.kafkalocal.injvm.InJvmKafkaCluster;
import io.github.reservekit.reservation.application.port.out.PublicationFailedException;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Replication on three real brokers (in-JVM test kit: 3 brokers + 1 dedicated controller): the topic at RF 3 /
 * min ISR 2 survives losing its partition leader mid-stream without losing or duplicating an acknowledged
 * event, with only one in-sync replica left publishing fails retriably within the bound, and with the brokers
 * restarted it works again. The tests run in order because they stop and start brokers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeaderFailoverIT {

    private static final String TOPIC = "reserve-failover";
    private static final int EVENTS = 3000;
    private static final int CALLERS = 16;

    private static InJvmKafkaCluster cluster;
    private static AdapterSettings settings;

    @BeforeAll
    static void start_three_brokers() {
        long start = System.nanoTime();
        cluster = InJvmKafkaCluster.threeBrokers();
        System.out.printf(
                "[kafka-local] Kafka backend: in-JVM KafkaClusterTestKit (3 brokers + 1 controller) at %s, started in"
                        + " %d ms (replication tests always run in the JVM: they stop brokers)%n",
                cluster.bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        // Long enough to ride out a leader change; the bound itself is tested elsewhere.
        settings = AdapterSettings.builder()
                .bootstrapServers(cluster.bootstrapServers())
                .topic(TOPIC)
                .partitions(1)
                .publishTimeout(Duration.ofSeconds(30))
                .build();
    }

    @AfterAll
    static void stop_the_brokers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void the_topic_is_created_with_three_replicas_and_two_in_sync_required() {
        try (var topic = settings.createTopic()) {
            var health = topic.ensureExists();

            assertThat(health.replicationFactor()).isEqualTo(3);
            assertThat(health.minInsyncReplicas()).isEqualTo(2);
            assertThat(health.canPublish()).isTrue();
            assertThat(health.weakerThanConfigured()).isFalse();
        }
    }

    @Test
    @Order(2)
    void an_existing_topic_weaker_than_configured_is_reported() throws Exception {
        try (var admin = cluster.admin()) {
            admin.createTopics(List.of(
                            new NewTopic("reserve-weak", 1, (short) 1).configs(Map.of("min.insync.replicas", "1"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        var weak = AdapterSettings.builder()
                .bootstrapServers(cluster.bootstrapServers())
                .topic("reserve-weak")
                .build();
        try (var topic = weak.createTopic()) {
            var health = topic.ensureExists();

            assertThat(health.weakerThanConfigured()).isTrue();
            assertThat(health.replicationFactor()).isEqualTo(1);
            assertThat(health.wantedReplicationFactor()).isEqualTo(3);
            assertThat(health.problems())
                    .anySatisfy(problem -> assertThat(problem).contains("replication factor 1"));
            assertThat(health.problems())
                    .anySatisfy(problem -> assertThat(problem).contains("min.insync.replicas 1"));
        }
    }

    @Test
    @Order(3)
    void stopping_the_partition_leader_while_publishing_loses_and_duplicates_no_acknowledged_event() throws Exception {
        var events = new ArrayList<ReservationEvent>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(placedEvent(new ResourceId("failover-" + (i % 200)), slot(24 + i % 100, 1)));
        }
        Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
        Map<UUID, PublicationFailedException> failed = new ConcurrentHashMap<>();
        var acknowledgedAfterTheStop = new AtomicInteger();
        var leaderStopped = new java.util.concurrent.atomic.AtomicBoolean();
        var next = new AtomicInteger();
        int leader;
        long start = System.nanoTime();
        try (var publisher = settings.createPublisher();
                ExecutorService callers = Executors.newFixedThreadPool(CALLERS)) {
            var done = new ArrayList<Future<?>>();
            for (int c = 0; c < CALLERS; c++) {
                done.add(callers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < EVENTS; i = next.getAndIncrement()) {
                        var event = events.get(i);
                        try {
                            publisher.publish(event);
                            acknowledged.add(event.eventId());
                            if (leaderStopped.get()) {
                                acknowledgedAfterTheStop.incrementAndGet();
                            }
                        } catch (PublicationFailedException failure) {
                            failed.put(event.eventId(), failure);
                        }
                    }
                }));
            }
            awaitAtLeast(acknowledged, EVENTS / 3, Duration.ofSeconds(60));
            leader = cluster.leaderOf(TOPIC, 0);
            cluster.stopBroker(leader);
            leaderStopped.set(true);
            for (var caller : done) {
                caller.get(3, TimeUnit.MINUTES);
            }
        }
        System.out.printf(
                "[failover] %d events, leader %d stopped after %d+ acks: %d acknowledged (%d after the stop), %d failed,"
                        + " in %d ms; new leader %d%n",
                EVENTS,
                leader,
                EVENTS / 3,
                acknowledged.size(),
                acknowledgedAfterTheStop.get(),
                failed.size(),
                Duration.ofNanos(System.nanoTime() - start).toMillis(),
                cluster.leaderOf(TOPIC, 0));

        var counts = new HashMap<UUID, Integer>();
        var decoder = new ReservationRecordDecoder();
        for (var record : KafkaTestClients.readAll(
                cluster.bootstrapServers(), TOPIC, key -> key.startsWith("failover-"), acknowledged.size())) {
            var decoded = decoder.decode(record);
            assertThat(decoded).isInstanceOf(Decoded.Event.class);
            counts.merge(((Decoded.Event) decoded).event().eventId(), 1, Integer::sum);
        }
        var published = new java.util.HashSet<UUID>();
        events.forEach(event -> published.add(event.eventId()));

        assertThat(counts.keySet()).as("every acknowledged event is in the log").containsAll(acknowledged);
        assertThat(counts)
                .as("no event is in the log twice")
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        assertThat(published).as("nothing that was not published").containsAll(counts.keySet());
        assertThat(failed.values())
                .as("failures are retriable")
                .allSatisfy(failure -> assertThat(failure.retriable()).isTrue());
        assertThat(acknowledgedAfterTheStop.get())
                .as("publishing went on after the leader stopped")
                .isPositive();
        assertThat(acknowledged)
                .as("the leader change cost no acknowledged publish")
                .hasSize(EVENTS);
    }

    @Test
    @Order(4)
    void with_one_of_three_brokers_down_the_topic_keeps_reporting_it_can_publish() {
        assertThat(cluster.stoppedBrokerIds())
                .as("the previous test stopped the leader")
                .hasSize(1);
        try (var topic = settings.createTopic()) {
            // Sampled across the ISR shrink (replica.lag.time.max.ms): health must not flap to DOWN meanwhile.
            for (int probe = 0; probe < 20; probe++) {
                var health = topic.health();
                assertThat(health.canPublish())
                        .as("probe %d: %s", probe, health)
                        .isTrue();
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
        }
    }

    @Test
    @Order(5)
    void with_fewer_in_sync_replicas_than_required_publish_fails_retriably_within_the_bound() {
        var running = new java.util.TreeSet<>(cluster.brokerIds());
        running.removeAll(cluster.stoppedBrokerIds());
        cluster.stopBroker(running.first());
        var bounded = AdapterSettings.builder()
                .bootstrapServers(cluster.bootstrapServers())
                .topic(TOPIC)
                .publishTimeout(Duration.ofSeconds(3))
                .build();

        try (var topic = bounded.createTopic();
                var publisher = bounded.createPublisher()) {
            awaitHealthDown(topic, Duration.ofSeconds(30));
            long start = System.nanoTime();

            var failure = catchThrowableOfType(
                    PublicationFailedException.class,
                    () -> publisher.publish(placedEvent(new ResourceId("isr-too-small"), slot(24, 1))));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(failure).isNotNull();
            assertThat(failure.retriable()).isTrue();
            assertThat(took).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    @Order(6)
    void once_the_brokers_are_back_the_topic_is_healthy_and_publishing_works_again() {
        for (int broker : cluster.stoppedBrokerIds()) {
            cluster.startBroker(broker);
        }
        try (var topic = settings.createTopic();
                var publisher = settings.createPublisher()) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        var health = topic.health();
                        assertThat(health.canPublish())
                                .as("health after the restart: %s", health)
                                .isTrue();
                    });

            publisher.publish(placedEvent(new ResourceId("after-restart"), slot(24, 1)));
        }
    }

    private static void awaitAtLeast(Set<UUID> acknowledged, int count, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(5)).until(() -> acknowledged.size() >= count);
        } catch (ConditionTimeoutException notInTime) {
            throw new AssertionError(
                    "only " + acknowledged.size() + " events acknowledged after " + timeout, notInTime);
        }
    }

    private static void awaitHealthDown(ReserveTopic topic, Duration timeout) {
        var health = new AtomicReference<TopicHealth>(topic.health());
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !health.updateAndGet(last -> topic.health()).canPublish());
        } catch (ConditionTimeoutException notInTime) {
            throw new AssertionError("the topic still reports it can publish: " + health.get(), notInTime);
        }
        assertThat(health.get().problems())
                .anySatisfy(problem -> assertThat(problem).contains("in-sync"));
    }
}
