package io.github.reservekit.kafka.read;

import java.util.HashMap;
import java.util.Map;

/** How far the follower has applied each partition (the next offset it will read), and waiting for it. */
final class AppliedPositions {

    private final Map<Integer, Long> next = new HashMap<>(); // guarded by this

    synchronized void advance(int partition, long nextOffset) {
        next.merge(partition, nextOffset, Math::max);
        notifyAll();
    }

    /** Waits until every partition of {@code ends} is applied up to its end offset; false at the deadline. */
    synchronized boolean await(Map<Integer, Long> ends, long deadlineNanos) {
        try {
            while (!reached(ends)) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean reached(Map<Integer, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> next.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }
}
