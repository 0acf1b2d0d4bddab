package io.github.reservekit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The day, the bodies and the concurrency of the races between instances of one shell ({@link TopicDecidesSuite}). */
final class RaceFixtures {

    static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(4));
    static final int INSTANCES = 3;
    /** How many rounds of 1,000 placements the slot race may take to reach the fold at least once. */
    static final int SLOT_RACE_ROUNDS = 5;

    private RaceFixtures() {}

    /** An answer to one of the racing requests. */
    record Answer(String resource, int status, JsonNode json) {}

    /** Grace Hopper's table for 3 on {@code resource} from {@code fromHour} to {@code toHour} of the day. */
    static String body(String resource, int fromHour, int toHour) {
        return PlacementJson.placement(
                        resource, DAY.plus(Duration.ofHours(fromHour)), DAY.plus(Duration.ofHours(toHour)))
                .guest("Grace Hopper")
                .partySize(3)
                .json();
    }

    static void closeAll(List<RunningApp> instances) {
        instances.forEach(RunningApp::close);
    }

    /** Runs every call at once (32 threads); returns their results in the order of the calls. */
    static <T> List<T> runConcurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            var futures = new ArrayList<Future<T>>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(call));
            }
            var results = new ArrayList<T>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The header's value as text, or empty when the record has none. */
    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
