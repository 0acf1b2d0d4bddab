package io.github.reservekit.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntToLongFunction;

/**
 * An open-loop load at a fixed arrival rate: request {@code i} is due at {@code start + i / rate}, whatever became
 * of the requests before it, and runs on its own virtual thread. Latency is counted from the request's due time
 * (not from when it actually started), so a stalled sender, a GC pause or a queue in the system under test shows
 * in the figures instead of hiding behind fewer requests (no coordinated omission).
 *
 * <p>The first {@code warmUp} of the schedule is run but not counted. While a request runs, code on its thread may
 * call {@link #acknowledged()} to mark the moment its event was acknowledged by Kafka; a read-back run then tells
 * the acknowledgement's share of the latency from the wait for the fold.
 */
final class OpenLoop {

    /** One request; throwing counts it as an error, named by the exception's class and message. */
    @FunctionalInterface
    interface Request {
        void run(int index) throws Exception;
    }

    private static final ThreadLocal<Slot> CURRENT = new ThreadLocal<>();

    private OpenLoop() {}

    /**
     * Marks that the current request's event was just acknowledged (the publish returned); ignored outside a
     * request.
     */
    static void acknowledged() {
        Slot slot = CURRENT.get();
        if (slot != null && slot.run.acked[slot.index] < 0) {
            slot.run.acked[slot.index] = System.nanoTime() - slot.run.start;
        }
    }

    /**
     * Runs {@code (warmUp + measured) * rate} requests at {@code rate} per second and waits at most {@code drain}
     * after the last one was due for the stragglers.
     */
    static Run run(int rate, Duration warmUp, Duration measured, Duration drain, Request request) {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        int total = (int) ((warmUp.toNanos() + measured.toNanos()) / interval);
        var run = new Run(rate, warmUp, measured, total, interval);
        var finished = new CountDownLatch(total);
        long start = System.nanoTime();
        run.start = start;
        double loadBefore = LoadAverage.now();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            Thread.startVirtualThread(() -> {
                CURRENT.set(new Slot(run, index));
                try {
                    request.run(index);
                    run.done[index] = System.nanoTime() - start;
                } catch (Exception | AssertionError failed) {
                    run.errors[index] = failed.getClass().getSimpleName() + ": " + firstLine(failed.getMessage());
                    run.done[index] = System.nanoTime() - start;
                } finally {
                    CURRENT.remove();
                    finished.countDown();
                }
            });
        }
        try {
            finished.await(drain.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        run.unfinished = (int) finished.getCount();
        run.loadAverage = Math.max(loadBefore, LoadAverage.now());
        return run;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Event and reservation ids differ per request: keep the error kinds countable.
        return line.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
    }

    private record Slot(Run run, int index) {}

    /** What became of every request of one run; times are nanoseconds since the run's start, -1 when unknown. */
    static final class Run {
        final int rate;
        final Duration warmUp;
        final Duration measured;
        final long interval;
        final long[] done;
        final long[] acked;
        final String[] errors;
        volatile long start;
        volatile int unfinished;
        volatile double loadAverage;

        private Run(int rate, Duration warmUp, Duration measured, int total, long interval) {
            this.rate = rate;
            this.warmUp = warmUp;
            this.measured = measured;
            this.interval = interval;
            this.done = new long[total];
            this.acked = new long[total];
            this.errors = new String[total];
            Arrays.fill(done, -1);
            Arrays.fill(acked, -1);
        }

        private long due(int i) {
            return i * interval;
        }

        private int firstMeasured() {
            return (int) ((warmUp.toNanos() + interval - 1) / interval);
        }

        /** Requests due in the measured part of the schedule. */
        int measuredCount() {
            return done.length - firstMeasured();
        }

        /** From due time to the answer, for the measured requests that succeeded; nanoseconds. */
        long[] latencies() {
            return collect(i -> done[i] - due(i));
        }

        /** From due time to the acknowledgement of the request's event (publish returned), where it was marked. */
        long[] acknowledgements() {
            return collect(i -> acked[i] < 0 ? -1 : acked[i] - due(i));
        }

        /** From the acknowledgement to the answer: the wait for this instance's follower to fold the event. */
        long[] afterAcknowledgements() {
            return collect(i -> acked[i] < 0 ? -1 : done[i] - acked[i]);
        }

        private long[] collect(IntToLongFunction latency) {
            long[] values = new long[done.length];
            int n = 0;
            for (int i = firstMeasured(); i < done.length; i++) {
                if (done[i] >= 0 && errors[i] == null) {
                    long value = latency.applyAsLong(i);
                    if (value >= 0) {
                        values[n++] = value;
                    }
                }
            }
            return Arrays.copyOf(values, n);
        }

        /** The measured requests that failed, by kind, plus those still unanswered when the run ended. */
        Map<String, Integer> errorKinds() {
            var kinds = new TreeMap<String, Integer>();
            for (int i = firstMeasured(); i < done.length; i++) {
                if (errors[i] != null) {
                    kinds.merge(errors[i], 1, Integer::sum);
                } else if (done[i] < 0) {
                    kinds.merge("unanswered when the run ended", 1, Integer::sum);
                }
            }
            return kinds;
        }

        /**
         * Successful answers per second: 99 % of the measured requests, divided by the time from the first one's
         * due time until 99 % were answered successfully (one straggler does not count, a backlog does). When the
         * system keeps up, this is the offered rate less a latency's worth; when a backlog builds, it falls with
         * the backlog. Zero when fewer than 99 % were answered successfully.
         */
        double answeredPerSecond() {
            long[] answeredAt = collect(i -> done[i]);
            int needed = (int) Math.ceil(0.99 * measuredCount());
            if (answeredAt.length < needed || needed == 0) {
                return 0;
            }
            Arrays.sort(answeredAt);
            long first = due(firstMeasured());
            long until = Math.max(answeredAt[needed - 1] - first, 1);
            return needed / (until / 1e9);
        }
    }

    /** The system load average, as {@code uptime} shows it (-1 where unavailable). */
    static final class LoadAverage {
        private LoadAverage() {}

        static double now() {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }
}
