package io.github.reservekit.reservation.application.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per key, created on demand and dropped when no thread holds or waits for it, so memory stays
 * proportional to the keys in use, not to every key ever seen. Different keys never block each other.
 * {@link ReentrantLock}s do not pin virtual threads.
 *
 * <p>Share one instance between the services that change reservations, so that they serialise on the same
 * resource.
 */
final class KeyedLocks {

    private final ConcurrentHashMap<Object, CountedLock> locks = new ConcurrentHashMap<>();

    /** Runs {@code action} while holding the lock of {@code key}, and returns its result. */
    <T> T withLock(Object key, Supplier<T> action) {
        CountedLock lock = locks.compute(key, (k, existing) -> {
            CountedLock counted = existing == null ? new CountedLock() : existing;
            counted.users++;
            return counted;
        });
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
            locks.computeIfPresent(key, (k, counted) -> --counted.users == 0 ? null : counted);
        }
    }

    /** How many keys have a lock right now (held or awaited). */
    int size() {
        return locks.size();
    }

    private static final class CountedLock extends ReentrantLock {
        private int users; // guarded by the map's per-key compute
    }
}
