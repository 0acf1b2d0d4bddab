package io.github.reservekit.micronaut;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The live view of the {@code reserve} topic: the last events the listener decoded, oldest first, served at
 * {@code GET /reservations/events}. Bounded ({@code reservekit.view.capacity}, 1000 by default); thread-safe.
 */
@Singleton
public final class RecentEvents {

    /** One decoded event and where it sits on the topic. */
    @Serdeable
    public record Observed(
            String eventId,
            String type,
            String reservationId,
            String resourceId,
            String occurredAt,
            int partition,
            long offset) {

        public Observed {
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    private final int capacity;
    private final ArrayDeque<Observed> events = new ArrayDeque<>();

    public RecentEvents(@Value("${reservekit.view.capacity:1000}") int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("reservekit.view.capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Keeps {@code event}, dropping the oldest when full. */
    public synchronized void add(Observed event) {
        if (events.size() == capacity) {
            events.removeFirst();
        }
        events.addLast(Objects.requireNonNull(event, "event"));
    }

    /**
     * The events kept after {@code after}: every one for {@code null}; those with a greater offset (in any
     * partition) for a number; those that arrived after the event of that id for an event id, or every one when
     * that event is no longer (or never was) in the view, so a client that fell behind misses nothing kept.
     */
    public synchronized List<Observed> after(@Nullable String after) {
        if (after == null || after.isBlank()) {
            return List.copyOf(events);
        }
        var wanted = after.strip();
        if (wanted.chars().allMatch(Character::isDigit) && wanted.length() < 19) {
            long offset = Long.parseLong(wanted);
            return events.stream().filter(e -> e.offset() > offset).toList();
        }
        var kept = new ArrayList<Observed>();
        boolean found = false;
        for (var event : events) {
            if (found) {
                kept.add(event);
            } else if (event.eventId().equals(wanted)) {
                found = true;
            }
        }
        return found ? List.copyOf(kept) : List.copyOf(events);
    }
}
