package io.github.reservekit.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.utils.Utils;

/**
 * An open-loop HTTP load: POSTs sent on a fixed schedule (request {@code i} at {@code start + i / rate}), each on
 * its own resource, whatever the server's answers do. A request's latency counts from its scheduled send time, not
 * from when it was actually sent, so a server that stalls cannot hide its queue behind a client that waits for it
 * (no coordinated omission). Sends are asynchronous (the JDK {@link HttpClient}), so the schedule does not wait
 * for answers.
 */
final class OpenLoopLoad {

    /**
     * Where the booked slots start: a year ahead, within {@code reservekit.max-horizon} (two years by default; the
     * fixed 2035 used before was refused with 400 once that limit came).
     */
    private static final Instant FIRST_SLOT = Instant.now()
            .truncatedTo(ChronoUnit.DAYS)
            .plus(Duration.ofDays(365))
            .plus(Duration.ofHours(19));

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(Failure.TIMEOUT_SECONDS);

    private final HttpClient client;
    private final URI reservations;
    private final String runId;
    private final int partitions;
    private final AtomicLong sequence = new AtomicLong();

    OpenLoopLoad(URI baseUri, String runId, int partitions) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.reservations = baseUri.resolve("/reservations");
        this.runId = runId;
        this.partitions = partitions;
    }

    /** One POST on a resource nobody used; the response's status code, or -1 when it failed. */
    int postOnce() {
        try {
            return client.send(request(sequence.incrementAndGet()), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Sends {@code rate} POSTs per second for {@code duration}, then waits for every answer.
     *
     * @param during called once, {@code after} into the run, from its own thread (e.g. to kill a broker)
     */
    Result run(int rate, Duration duration, Duration after, Runnable during) {
        long count = Math.max(1, rate * duration.toMillis() / 1000);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        var samples = new ConcurrentLinkedQueue<Sample>();
        var pending = new ArrayList<CompletableFuture<?>>((int) count);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        Thread.ofPlatform().daemon().start(() -> {
            LockSupport.parkNanos(after.toNanos());
            during.run();
        });
        for (long i = 0; i < count; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long n = sequence.incrementAndGet();
            int partition = partitionOf(resource(n));
            pending.add(client.sendAsync(request(n), HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        long latency = System.nanoTime() - scheduled;
                        samples.add(Sample.of(scheduled - start, latency, response, failure, partition));
                        return null;
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return new Result(rate, List.copyOf(samples));
    }

    /** One part of a schedule: {@code rate} POSTs per second for {@code duration}. */
    record Phase(String name, int rate, Duration duration) {}

    /**
     * Sends the phases one after the other on one open-loop schedule (each request due at its phase's start plus
     * {@code i / rate}), then waits for every answer; samples' times count from the first phase's start.
     */
    List<Sample> runPhases(List<Phase> phases) {
        var samples = new ConcurrentLinkedQueue<Sample>();
        var pending = new ArrayList<CompletableFuture<?>>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long phaseStart = start;
        for (var phase : phases) {
            long count = Math.max(1, phase.rate() * phase.duration().toMillis() / 1000);
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / phase.rate();
            for (long i = 0; i < count; i++) {
                long scheduled = phaseStart + i * intervalNanos;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long n = sequence.incrementAndGet();
                int partition = partitionOf(resource(n));
                pending.add(client.sendAsync(request(n), HttpResponse.BodyHandlers.discarding())
                        .handle((response, failure) -> {
                            long latency = System.nanoTime() - scheduled;
                            samples.add(Sample.of(scheduled - start, latency, response, failure, partition));
                            return null;
                        }));
            }
            phaseStart += phase.duration().toNanos();
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return List.copyOf(samples);
    }

    private HttpRequest request(long n) {
        // Each request books its own resource in a slot far in the future: none conflicts, none ends during a run.
        Instant startsAt = FIRST_SLOT.plus(n % 1000, ChronoUnit.MINUTES);
        String body = String.format(
                Locale.ROOT,
                "{\"resourceId\":\"%s\",\"guestName\":\"Bench %d\",\"partySize\":2,"
                        + "\"startsAt\":\"%s\",\"endsAt\":\"%s\"}",
                resource(n),
                n,
                startsAt,
                startsAt.plus(2, ChronoUnit.HOURS));
        return HttpRequest.newBuilder(reservations)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
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
        /** Refused or reset: the server's socket did not take the request. */
        CONNECTION,
        /** No answer within the client's request timeout ({@value #TIMEOUT_SECONDS} s). */
        TIMEOUT,
        /** Anything else the client threw. */
        OTHER;

        static final long TIMEOUT_SECONDS = 15;
    }

    /**
     * One answer: when it was scheduled (from the run's start), its latency from then, its status (-1 when there
     * was no answer: {@code failure} says why), its partition.
     */
    record Sample(long scheduledNanos, long latencyNanos, int status, int partition, Failure failure) {
        boolean ok() {
            return status == 201;
        }

        static Sample of(
                long scheduledNanos, long latencyNanos, HttpResponse<?> response, Throwable thrown, int partition) {
            if (thrown == null) {
                return new Sample(scheduledNanos, latencyNanos, response.statusCode(), partition, null);
            }
            Throwable cause =
                    thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
            Failure failure = cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)
                    ? Failure.TIMEOUT
                    : cause instanceof IOException ? Failure.CONNECTION : Failure.OTHER;
            return new Sample(scheduledNanos, latencyNanos, -1, partition, failure);
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
            long[] latencies =
                    samples.stream().mapToLong(Sample::latencyNanos).sorted().toArray();
            int errors = (int) samples.stream().filter(s -> !s.ok()).count();
            return new Stats(
                    latencies.length,
                    errors,
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.99),
                    percentile(latencies, 0.999),
                    latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6);
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.clamp(index, 0, sorted.length - 1)] / 1e6;
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
