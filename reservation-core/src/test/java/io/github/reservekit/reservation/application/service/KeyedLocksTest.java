package io.github.reservekit.reservation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyedLocksTest {

    private final KeyedLocks locks = new KeyedLocks();

    @Test
    void a_lock_is_dropped_once_nobody_holds_it() {
        assertThat(locks.withLock("a", () -> locks.size())).isEqualTo(1);
        assertThat(locks.size()).isZero();
    }

    @Test
    void the_same_key_is_exclusive_and_another_key_is_not() throws Exception {
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(3)) {
            var holder = pool.submit(() -> locks.withLock("a", () -> {
                holding.countDown();
                return awaitQuietly(release);
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            var otherKey = pool.submit(() -> locks.withLock("b", () -> "b done"));
            var sameKey = pool.submit(() -> locks.withLock("a", () -> "a done"));

            assertThat(otherKey.get(10, TimeUnit.SECONDS)).isEqualTo("b done");
            assertThat(sameKey.isDone()).as("waits for the holder").isFalse();
            release.countDown();
            assertThat(sameKey.get(10, TimeUnit.SECONDS)).isEqualTo("a done");
            assertThat(holder.get()).isTrue();
        }
        assertThat(locks.size()).isZero();
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
