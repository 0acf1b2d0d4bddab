package io.github.reservekit.http;

import io.github.reservekit.reservation.domain.event.ReservationEvent;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The last {@link #capacity()} events a shell's listener saw on the topic, for the live view. Thread-safe:
 * the listener adds while requests read.
 */
public final class RecentEvents {

    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final ArrayDeque<EventView> events;
    private long nextSequence = 1;

    public RecentEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(capacity);
    }

    public RecentEvents() {
        this(DEFAULT_CAPACITY);
    }

    /** Records an event read from {@code partition} at {@code offset}; the oldest is dropped when full. */
    public synchronized EventView add(ReservationEvent event, int partition, long offset) {
        var view = EventView.of(nextSequence++, event, partition, offset);
        if (events.size() == capacity) {
            events.removeFirst();
        }
        events.addLast(view);
        return view;
    }

    /** The retained events whose sequence is greater than {@code after}, oldest first. */
    public synchronized List<EventView> after(long after) {
        return events.stream().filter(view -> view.sequence() > after).toList();
    }

    public int capacity() {
        return capacity;
    }
}
