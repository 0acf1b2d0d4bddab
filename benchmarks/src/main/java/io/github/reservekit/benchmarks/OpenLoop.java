package io.github.reservekit.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load: the requests of each {@link Phase} are due at the phase's start plus {@code i / rate}, whatever
 * became of the requests before them. Latency counts from a request's due time (not from when it was actually sent),
 * so a stalled sender, a GC pause or a queue in the system under test shows in the figures instead of hiding behind
 * fewer requests (no coordinated omission). The schedule never waits for an answer: a {@link Request} starts its work
 * and returns a stage that completes with the answer ({@link Request#blocking} runs blocking work on a virtual thread
 * per request).
 */
final class OpenLoop {

    /** When the first request is due: a moment after the call, so the schedule starts on time. */
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private OpenLoop() {}

    /** One request of the schedule; a failed stage counts as an error (its exception says which). */
    @FunctionalInterface
    interface Request<T> {
        CompletionStage<T> send(int index);

        /** Runs {@code call} for each request on its own virtual thread; throwing fails the request. */
        static <T> Request<T> blocking(BlockingCall<T> call) {
            return index -> {
                var answer = new CompletableFuture<T>();
                Thread.startVirtualThread(() -> {
                    try {
                        answer.complete(call.call(index));
                    } catch (Exception | AssertionError failed) {
                        answer.completeExceptionally(failed);
                    }
                });
                return answer;
            };
        }
    }

    /** A request's work, run to its end on the calling thread. */
    @FunctionalInterface
    interface BlockingCall<T> {
        T call(int index) throws Exception;
    }

    /** One part of a schedule: {@code rate} requests per second for {@code duration}. */
    record Phase(String name, int rate, Duration duration) {

        Phase {
            if (rate < 1) {
                throw new IllegalArgumentException("a phase's rate must be positive, not " + rate);
            }
        }

        static Phase of(int rate, Duration duration) {
            return new Phase(rate + "/s", rate, duration);
        }

        /** How many requests: {@code rate * duration}, at least one unless the duration is zero. */
        int count() {
            return duration.isZero() ? 0 : (int) Math.max(1, rate * duration.toMillis() / 1000);
        }

        long intervalNanos() {
            return TimeUnit.SECONDS.toNanos(1) / rate;
        }
    }

    /**
     * What became of one request; times in nanoseconds from the run's start.
     *
     * @param answeredNanos when its stage completed, -1 when it had not by the end of the run
     * @param answer what the stage completed with; null when it failed or was not answered
     * @param failure why the stage failed; null when it did not
     */
    record Outcome<T>(int index, Phase phase, long dueNanos, long answeredNanos, T answer, Throwable failure) {

        boolean answered() {
            return answeredNanos >= 0;
        }

        boolean succeeded() {
            return answered() && failure == null;
        }

        /** From the due time to the answer (or failure); meaningless when not answered. */
        long latencyNanos() {
            return answeredNanos - dueNanos;
        }
    }

    /**
     * Every request of one run, in schedule order.
     *
     * @param startNanos the run's start on {@link System#nanoTime()}'s scale
     * @param endNanos when the run stopped waiting for answers, from its start
     * @param loadAverage the higher 1-minute load average of the run's start and end
     */
    record Run<T>(List<Outcome<T>> outcomes, long startNanos, long endNanos, double loadAverage) {

        /** The requests due in {@code [from, to)} of the run. */
        List<Outcome<T>> dueIn(long fromNanos, long toNanos) {
            return outcomes.stream()
                    .filter(o -> o.dueNanos() >= fromNanos && o.dueNanos() < toNanos)
                    .toList();
        }
    }

    /** {@link #run(List, Duration, Request)} of one phase. */
    static <T> Run<T> run(Phase phase, Duration drain, Request<T> request) {
        return run(List.of(phase), drain, request);
    }

    /**
     * Sends the phases' requests one phase after the other on one schedule, then waits at most {@code drain} after
     * the last one was due for the stragglers; those still unanswered then are in the run as such.
     */
    static <T> Run<T> run(List<Phase> phases, Duration drain, Request<T> request) {
        int total = phases.stream().mapToInt(Phase::count).sum();
        var answers = new AtomicReferenceArray<Outcome<T>>(total);
        var due = new long[total];
        var phaseOf = new Phase[total];
        var finished = new CountDownLatch(total);
        double loadBefore = loadAverage();
        long start = System.nanoTime() + START_DELAY_NANOS;
        long phaseStart = 0;
        int index = 0;
        for (var phase : phases) {
            for (int i = 0; i < phase.count(); i++, index++) {
                due[index] = phaseStart + i * phase.intervalNanos();
                phaseOf[index] = phase;
                long dueAt = start + due[index];
                for (long wait = dueAt - System.nanoTime(); wait > 0; wait = dueAt - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                int n = index;
                send(request, n).whenComplete((answer, failure) -> {
                    long answered = System.nanoTime() - start;
                    answers.set(n, new Outcome<>(n, phase, due[n], answered, answer, unwrapped(failure)));
                    finished.countDown();
                });
            }
            phaseStart += phase.duration().toNanos();
        }
        try {
            finished.await(drain.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        long end = System.nanoTime() - start;
        var outcomes = new ArrayList<Outcome<T>>(total);
        for (int i = 0; i < total; i++) {
            var outcome = answers.get(i);
            outcomes.add(outcome != null ? outcome : new Outcome<>(i, phaseOf[i], due[i], -1, null, null));
        }
        return new Run<>(List.copyOf(outcomes), start, end, Math.max(loadBefore, loadAverage()));
    }

    /** The system's 1-minute load average, as {@code uptime} shows it (-1 where unavailable). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static <T> CompletionStage<T> send(Request<T> request, int index) {
        try {
            return request.send(index);
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
