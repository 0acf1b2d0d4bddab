package io.github.reservekit.kafka.metrics;

import io.github.reservekit.kafka.read.FollowerState;
import io.github.reservekit.kafka.read.KafkaReservationFollower;
import io.github.reservekit.kafka.read.RecordOutcome;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A follower in Micrometer: {@code reservekit.follower.records} tagged by {@code outcome} (every
 * {@link RecordOutcome#tag()}: {@code applied}, {@code malformed}, ...), {@code reservekit.follower.caught.up} (1
 * while caught up and following), and {@code reservekit.follower.last.skipped.offset} tagged by {@code partition}
 * and {@code outcome} (where the latest skipped records sit, to look at with {@code kafka-console-consumer
 * --partition P --offset O}). Alert on {@code malformed}, {@code double-booking} and {@code apply-failure}.
 */
public final class FollowerMetrics implements MeterBinder {

    private final KafkaReservationFollower follower;

    public FollowerMetrics(KafkaReservationFollower follower) {
        this.follower = Objects.requireNonNull(follower, "follower");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RecordOutcome outcome : RecordOutcome.values()) {
            FunctionCounter.builder(
                            "reservekit.follower.records",
                            follower,
                            f -> f.stats().count(outcome))
                    .description("Records the follower read from the topic, by what became of them")
                    .tag("outcome", outcome.tag())
                    .register(registry);
        }
        Gauge.builder("reservekit.follower.caught.up", follower, f -> f.state() == FollowerState.FOLLOWING ? 1 : 0)
                .description("1 while the follower has replayed the topic and follows it")
                .register(registry);
        var lastSkipped = new ConcurrentHashMap<String, AtomicLong>();
        follower.addListener(record -> {
            if (!record.detail().isEmpty()) {
                String partition = String.valueOf(record.partition());
                lastSkipped
                        .computeIfAbsent(partition + "/" + record.outcome(), key -> {
                            var offset = new AtomicLong();
                            Gauge.builder("reservekit.follower.last.skipped.offset", offset, AtomicLong::get)
                                    .description("The offset of the latest record skipped or failed, per partition"
                                            + " and outcome")
                                    .tag("partition", partition)
                                    .tag("outcome", record.outcome().tag())
                                    .register(registry);
                            return offset;
                        })
                        .set(record.offset());
            }
        });
    }
}
