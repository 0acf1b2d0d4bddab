package io.github.reservekit.micronaut.configuration;

import io.github.reservekit.kafka.tracing.OpenTelemetryRecordTracing;
import io.github.reservekit.kafka.tracing.RecordTracing;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Singleton;

/**
 * Traces across the topic where the application runs micronaut-tracing's OpenTelemetry: its HTTP server span is
 * current while a controller publishes, so the event's {@code traceparent} header carries the request's trace,
 * and the follower continues it.
 */
@Factory
@Requires(classes = OpenTelemetry.class)
@Requires(beans = OpenTelemetry.class)
class ReserveKitTracingFactory {

    @Singleton
    RecordTracing reserveKitRecordTracing(OpenTelemetry openTelemetry) {
        return OpenTelemetryRecordTracing.of(openTelemetry);
    }
}
