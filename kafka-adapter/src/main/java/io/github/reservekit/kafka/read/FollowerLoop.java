package io.github.reservekit.kafka.read;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the follower's one thread does until it is closed: assign every partition of the topic from the beginning,
 * replay up to the end offsets they had then (telling the follower once they are reached), and poll on, handing the
 * records to {@link FollowerRecords} and advancing the {@link AppliedPositions}. Failed polls are counted and retried
 * every second. The figures (failed polls, the replay's size and duration, the partitions) may be read from any thread.
 */
final class FollowerLoop {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaReservationFollower.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final Consumer<?, byte[]> consumer;
    private final String topic;
    private final FollowerRecords records;
    private final Runnable caughtUp;
    private final CountDownLatch closing = new CountDownLatch(1);

    private final LongAdder pollFailures = new LongAdder();
    private final AppliedPositions positions = new AppliedPositions();
    private volatile List<TopicPartition> assigned = List.of();
    private volatile long replayedRecords;
    private volatile Duration replayDuration = Duration.ZERO;

    /** @param caughtUp run once, in the loop's thread, when the replay reached the end offsets */
    FollowerLoop(Consumer<?, byte[]> consumer, String topic, FollowerRecords records, Runnable caughtUp) {
        this.consumer = consumer;
        this.topic = topic;
        this.records = records;
        this.caughtUp = caughtUp;
    }

    /** Ends the loop (after the poll in progress, unless the consumer is woken up) and any backoff at once. */
    void stop() {
        closing.countDown();
    }

    boolean closing() {
        return closing.getCount() == 0;
    }

    /** Runs until closed; an {@link Error} (or anything but a {@link KafkaException}) ends it by propagating. */
    void run() {
        Map<TopicPartition, Long> remaining = null; // partitions still short of their end offset at start
        long replayStart = System.nanoTime();
        boolean replaying = true;
        while (!closing()) {
            try {
                if (remaining == null) {
                    remaining = beginReplay();
                    replayStart = System.nanoTime();
                    if (remaining == null) {
                        continue; // the topic has no partitions (yet): retried after the backoff
                    }
                }
                if (replaying) {
                    remaining.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
                    if (remaining.isEmpty()) {
                        replaying = false;
                        replayed(replayStart);
                    }
                }
                records.handle(consumer.poll(POLL_TIMEOUT), assigned.size());
                for (TopicPartition partition : assigned) {
                    positions.advance(partition.partition(), consumer.position(partition));
                }
            } catch (WakeupException | InterruptException stop) {
                if (!closing()) {
                    pollFailures.increment();
                    LOG.warn("The follower of {} was woken up or interrupted without being closed; going on", topic);
                    Thread.interrupted();
                }
            } catch (KafkaException failure) {
                pollFailures.increment();
                LOG.warn("Reading {} failed, retrying in {}: {}", topic, RETRY_BACKOFF, failure.toString());
                backOff();
            }
        }
    }

    /** Assigns every partition from the beginning and returns the end offsets; null if there are none yet. */
    private Map<TopicPartition, Long> beginReplay() {
        var partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        if (partitions.isEmpty()) {
            pollFailures.increment();
            LOG.warn("Topic {} has no partitions (does it exist?); retrying in {}", topic, RETRY_BACKOFF);
            backOff();
            return null;
        }
        consumer.assign(partitions);
        assigned = partitions;
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
        LOG.info("Replaying {} from the beginning up to the end offsets {}", topic, ends);
        return ends;
    }

    private void replayed(long replayStart) {
        replayedRecords =
                records.counts().values().stream().mapToLong(Long::longValue).sum();
        replayDuration = Duration.ofNanos(System.nanoTime() - replayStart);
        caughtUp.run();
        LOG.info(
                "Replayed {}: {} records in {} ms; following it now",
                topic,
                replayedRecords,
                replayDuration.toMillis());
    }

    private void backOff() {
        try {
            closing.await(RETRY_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    long pollFailures() {
        return pollFailures.sum();
    }

    /** Records read until caught up: the replay's size; 0 until then. */
    long replayedRecords() {
        return replayedRecords;
    }

    /** From the start of the replay until caught up; {@link Duration#ZERO} until then. */
    Duration replayDuration() {
        return replayDuration;
    }

    AppliedPositions positions() {
        return positions;
    }

    /** Every partition the topic had when the replay began; empty until the topic was found. */
    List<TopicPartition> assigned() {
        return assigned;
    }
}
