package io.github.reservekit.kafka.metrics;

import io.github.reservekit.kafka.write.ConcurrencyLimitWriteAdmission;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * The bound on writes in flight in Micrometer: {@code reservekit.writes.in.flight} (now),
 * {@code reservekit.writes.in.flight.limit} (the adaptive bound now) and {@code reservekit.writes.refused} (writes
 * answered 503 at once since start). Refusals while the limit sits at its floor say the cluster or the machine is
 * the bottleneck; refusals at its ceiling say {@code reservekit.max-writes-in-flight} is.
 */
public final class WriteAdmissionMetrics implements MeterBinder {

    private final ConcurrencyLimitWriteAdmission admission;

    public WriteAdmissionMetrics(ConcurrencyLimitWriteAdmission admission) {
        this.admission = Objects.requireNonNull(admission, "admission");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("reservekit.writes.in.flight", admission, ConcurrencyLimitWriteAdmission::inFlight)
                .description("Writes of this instance in flight now (admitted, not answered yet)")
                .register(registry);
        Gauge.builder("reservekit.writes.in.flight.limit", admission, ConcurrencyLimitWriteAdmission::limit)
                .description("The adaptive bound on writes in flight now; writes beyond it are refused at once")
                .register(registry);
        FunctionCounter.builder("reservekit.writes.refused", admission, ConcurrencyLimitWriteAdmission::refused)
                .description("Writes refused at once (503, outcome not-kept) because the bound was reached")
                .register(registry);
    }
}
