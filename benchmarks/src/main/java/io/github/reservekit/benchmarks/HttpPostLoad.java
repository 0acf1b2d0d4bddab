package io.github.reservekit.benchmarks;

import io.github.reservekit.benchmarks.OpenLoop.Outcome;
import io.github.reservekit.benchmarks.OpenLoop.Phase;
import io.github.reservekit.benchmarks.blackbox.PlacementJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.utils.Utils;

/**
 * The HTTP load: {@code POST /reservations}, each on its own resource, sent on an {@link OpenLoop} schedule whatever
 * the server's answers do (latency from each request's due time: a server that stalls cannot hide its queue behind
 * a client that waits for it). Each request blocks on its own virtual thread ({@link LeanHttpClient}), so the
 * schedule does not wait for answers.
 */
final class HttpPostLoad implements AutoCloseable {

    /**
     * Where the booked slots start: a year ahead, within {@code reservekit.max-horizon} (two years by default; the
     * fixed 2035 used before was refused with 400 once that limit came).
     */
    private static final Instant FIRST_SLOT = Instant.now()
            .truncatedTo(ChronoUnit.DAYS)
            .plus(Duration.ofDays(365))
            .plus(Duration.ofHours(19));

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(Failure.TIMEOUT_SECONDS);

    /** Every request has an answer or a failure well within this (connect and request time-outs). */
    private static final Duration DRAIN = REQUEST_TIMEOUT.multipliedBy(4);

    private final LeanHttpClient client;
    private final String runId;
    private final int partitions;
    private final AtomicLong sequence = new AtomicLong();

    HttpPostLoad(URI baseUri, String runId, int partitions) {
        this.client = new LeanHttpClient(baseUri.resolve("/reservations"), Duration.ofSeconds(5), REQUEST_TIMEOUT);
        this.runId = runId;
        this.partitions = partitions;
    }

    /** One POST on a resource nobody used; the response's status code, or -1 when it failed. */
    int postOnce() {
        try {
            return client.postJson(body(sequence.incrementAndGet()));
        } catch (IOException e) {
            return -1;
        }
    }

    /** Sends {@code rate} POSTs per second for {@code duration}, then waits for every answer. */
    Result run(int rate, Duration duration) {
        return new Result(rate, runPhases(List.of(Phase.of(rate, duration))));
    }

    /**
     * Sends the phases one after the other on one open-loop schedule, then waits for every answer; samples' times
     * count from the first phase's start.
     */
    List<Sample> runPhases(List<Phase> phases) {
        var run = OpenLoop.run(phases, DRAIN, OpenLoop.Request.blocking(index -> send()));
        return run.outcomes().stream().map(outcome -> Sample.of(outcome, run)).toList();
    }

    @Override
    public void close() {
        client.close();
    }

    private Answer send() {
        long n = sequence.incrementAndGet();
        int partition = partitionOf(resource(n));
        try {
            return new Answer(client.postJson(body(n)), partition, null);
        } catch (IOException failed) {
            return new Answer(-1, partition, Failure.of(failed));
        }
    }

    private byte[] body(long n) {
        // Each request books its own resource in a slot far in the future: none conflicts, none ends during a run.
        Instant startsAt = FIRST_SLOT.plus(n % 1000, ChronoUnit.MINUTES);
        var body = new PlacementJson(resource(n), "Bench " + n, 2, startsAt, startsAt.plus(2, ChronoUnit.HOURS));
        return body.toJson().getBytes(StandardCharsets.UTF_8);
    }

    private String resource(long n) {
        return "bench-" + runId + "-" + n;
    }

    /** The partition Kafka's default partitioner gives this resource's records (key = resourceId). */
    private int partitionOf(String resource) {
        return Utils.toPositive(Utils.murmur2(resource.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** What went wrong below HTTP: no answer at all. */
    enum Failure {
        /** Refused or reset: the server's socket did not take the request, or dropped it. */
        CONNECTION,
        /** No answer within the client's request timeout ({@value #TIMEOUT_SECONDS} s). */
        TIMEOUT,
        /** Anything else the client threw. */
        OTHER;

        static final long TIMEOUT_SECONDS = 15;

        static Failure of(IOException failed) {
            return failed instanceof SocketTimeoutException && !(failed instanceof ConnectException)
                    ? TIMEOUT
                    : CONNECTION;
        }
    }

    /** What one POST came back with: its status (-1 when there was no answer: {@code failure} says why). */
    private record Answer(int status, int partition, Failure failure) {}

    /**
     * One answer: when it was scheduled (from the run's start), its latency from then, its status (-1 when there
     * was no answer: {@code failure} says why), its partition.
     */
    record Sample(long scheduledNanos, long latencyNanos, int status, int partition, Failure failure) {
        boolean ok() {
            return status == 201;
        }

        private static Sample of(Outcome<Answer> outcome, OpenLoop.Run<Answer> run) {
            if (!outcome.answered()) { // still no answer when the run stopped waiting
                long waited = run.endNanos() - outcome.dueNanos();
                return new Sample(outcome.dueNanos(), waited, -1, -1, Failure.TIMEOUT);
            }
            var answer = outcome.answer();
            if (answer == null) { // the client threw instead of sending
                return new Sample(outcome.dueNanos(), outcome.latencyNanos(), -1, -1, Failure.OTHER);
            }
            return new Sample(
                    outcome.dueNanos(), outcome.latencyNanos(), answer.status(), answer.partition(), answer.failure());
        }
    }

    /** The answers of one run at one rate. */
    record Result(int rate, List<Sample> samples) {

        Stats stats() {
            return Stats.of(samples);
        }

        /** Answers for one partition scheduled in [from, to) of the run. */
        Stats stats(int partition, Duration from, Duration to) {
            return Stats.of(samples.stream()
                    .filter(s -> s.partition() == partition)
                    .filter(s -> s.scheduledNanos() >= from.toNanos() && s.scheduledNanos() < to.toNanos())
                    .toList());
        }
    }

    /** Latency percentiles (ms) and errors (anything but 201, timeouts and connection failures included). */
    record Stats(int requests, int errors, double p50, double p99, double p999, double max) {

        static Stats of(List<Sample> samples) {
            var latencies = Latencies.of(samples.stream().mapToLong(Sample::latencyNanos));
            int errors = (int) samples.stream().filter(s -> !s.ok()).count();
            return new Stats(
                    samples.size(), errors, latencies.p50(), latencies.p99(), latencies.p999(), latencies.max());
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%6d req  p50 %8.1f  p99 %8.1f  p99.9 %8.1f  max %8.1f ms  errors %d",
                    requests,
                    p50,
                    p99,
                    p999,
                    max,
                    errors);
        }
    }
}
