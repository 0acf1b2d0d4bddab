package io.github.reservekit.reservation.application.port.out;

import io.github.reservekit.reservation.domain.ResourceId;
import java.time.Duration;
import java.util.Set;

/**
 * The log that decides, as this instance reads it: every writer's events in one order per resource, folded into
 * the local state by this instance's reader. Writers and readers use it to answer from what the log decided.
 *
 * <p>Implementations are thread-safe; concurrent callers may share one look at the log's end.
 */
public interface ReservationLog {

    /**
     * Waits until this instance has applied every event of these resources (every resource when the set is empty)
     * that could be read from the log before this call began: at least every event whose publish was acknowledged.
     * An event appended but not readable yet (in Kafka: above the high watermark, not yet on every in-sync replica)
     * may still become readable later, with the append time it already has.
     *
     * @return false if that did not happen within {@code timeout} (the log could not be read); the interrupt flag
     *     stays set when interrupted
     */
    boolean catchUp(Set<ResourceId> resources, Duration timeout);
}
