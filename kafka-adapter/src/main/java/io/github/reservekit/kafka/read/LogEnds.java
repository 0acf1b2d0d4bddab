package io.github.reservekit.kafka.read;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;

/**
 * The topic's end offsets for catching up, one request serving every caller that joined before it was sent: a
 * caller joins the next round, which starts as soon as the round in flight (if any) is done, so its request is
 * always sent after the caller arrived and reflects every write acknowledged before. Thread-safe.
 */
final class LogEnds {

    private final Supplier<Map<TopicPartition, Long>> fetch;
    private CompletableFuture<Map<TopicPartition, Long>> next; // guarded by this
    private boolean inFlight; // guarded by this

    /** @param fetch asks Kafka for the end offset of every partition (it may throw or hang; callers time out) */
    LogEnds(Supplier<Map<TopicPartition, Long>> fetch) {
        this.fetch = fetch;
    }

    /** The end offsets as of a request sent after this call began; empty if not known within the timeout. */
    Optional<Map<TopicPartition, Long>> fetch(long timeoutNanos) {
        CompletableFuture<Map<TopicPartition, Long>> round;
        synchronized (this) {
            if (next == null) {
                next = new CompletableFuture<>();
            }
            round = next;
            if (!inFlight) {
                startRound();
            }
        }
        try {
            return Optional.of(round.get(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS));
        } catch (TimeoutException | ExecutionException unknown) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void startRound() { // holding this
        var round = next;
        next = null;
        inFlight = true;
        Thread.ofVirtual().name("reservekit-log-ends").start(() -> {
            try {
                round.complete(fetch.get());
            } catch (RuntimeException failed) {
                round.completeExceptionally(failed);
            } finally {
                synchronized (this) {
                    inFlight = false;
                    if (next != null) {
                        startRound();
                    }
                }
            }
        });
    }
}
