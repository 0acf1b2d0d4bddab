package io.github.reservekit.kafka.metrics;

import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafka.read.FollowerState;
import io.github.reservekit.kafka.read.KafkaReservationFollower;
import io.github.reservekit.kafka.read.RecordOutcome;
import io.github.reservekit.kafka.write.ConcurrencyLimitWriteAdmission;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ReserveKitKafka} in Micrometer, bound the same way by both shells.
 *
 * <p>Its follower: {@code reservekit.follower.records} tagged by {@code outcome} (every {@link RecordOutcome#tag()}:
 * {@code applied}, {@code malformed}, ...), {@code reservekit.follower.caught.up} (1 while caught up and following),
 * and {@code reservekit.follower.last.skipped.offset} tagged by {@code partition} and {@code outcome} (where the latest
 * skipped records sit, to look at with {@code kafka-console-consumer --partition P --offset O}). Alert on
 * {@code malformed}, {@code double-booking} and {@code apply-failure}.
 *
 * <p>Its bound on writes in flight, unless {@code reservekit.max-writes-in-flight} is 0:
 * {@code reservekit.writes.in.flight} (now), {@code reservekit.writes.in.flight.limit} (the adaptive bound now) and
 * {@code reservekit.writes.refused} (writes answered 503 at once since start). Refusals while the limit sits at its
 * floor say the cluster or the machine is the bottleneck; refusals at its ceiling say
 * {@code reservekit.max-writes-in-flight} is.
 */
public final class ReserveKitMetrics implements MeterBinder {

    private final ReserveKitKafka reserveKit;

    public ReserveKitMetrics(ReserveKitKafka reserveKit) {
        this.reserveKit = Objects.requireNonNull(reserveKit, "reserveKit");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bindFollower(reserveKit.follower(), registry);
        reserveKit.writeAdmission().ifPresent(admission -> bindWriteAdmission(admission, registry));
    }

    private static void bindFollower(KafkaReservationFollower follower, MeterRegistry registry) {
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

    private static void bindWriteAdmission(ConcurrencyLimitWriteAdmission admission, MeterRegistry registry) {
        Gauge.builder("reservekit.writes.in.flight", admission, ConcurrencyLimitWriteAdmission::inFlight)
                .description("Writes of this instance in flight now (admitted, not answered yet)")
                .register(registry);
        Gauge.builder("reservekit.writes.in.flight.limit", admission, ConcurrencyLimitWriteAdmission::bound)
                .description("The adaptive bound on writes in flight now; writes beyond it are refused at once")
                .register(registry);
        FunctionCounter.builder("reservekit.writes.refused", admission, ConcurrencyLimitWriteAdmission::refused)
                .description("Writes refused at once (503, outcome not-kept) because the bound was reached")
                .register(registry);
    }
}
