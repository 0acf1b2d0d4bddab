package io.github.reservekit.reservation.application.service;

import io.github.reservekit.reservation.application.port.in.FoldDecision;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writers waiting for the fold to decide their own events, by event id: a writer registers before it publishes,
 * the fold hands over its decision when it applies the event, the writer forgets it when done. Holds only what is
 * awaited right now. Thread-safe.
 */
final class PendingDecisions {

    private final ConcurrentHashMap<UUID, CompletableFuture<FoldDecision>> waiting = new ConcurrentHashMap<>();

    void register(UUID eventId) {
        waiting.put(eventId, new CompletableFuture<>());
    }

    /** Called by the fold for every event it applied. */
    void decided(UUID eventId, FoldDecision decision) {
        var pending = waiting.get(eventId);
        if (pending != null) {
            pending.complete(decision);
        }
    }

    /** The decision about a registered event, waiting at most {@code timeout}; empty if none came in time. */
    Optional<FoldDecision> await(UUID eventId, Duration timeout) {
        var pending = waiting.get(eventId);
        if (pending == null) {
            throw new IllegalStateException("event " + eventId + " is not awaited");
        }
        try {
            return Optional.of(pending.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException notYet) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.ofNullable(pending.getNow(null));
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    void forget(UUID eventId) {
        waiting.remove(eventId);
    }
}
