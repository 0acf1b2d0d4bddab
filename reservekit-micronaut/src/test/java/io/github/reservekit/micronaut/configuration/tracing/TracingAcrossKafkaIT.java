package io.github.reservekit.micronaut.configuration.tracing;

import io.github.reservekit.contract.TraceAcrossKafka;
import io.github.reservekit.contract.TraceAcrossKafka.Span;
import io.github.reservekit.kafkalocal.testing.TestKafka;
import io.github.reservekit.kafkalocal.testing.junit.SharedKafka;
import io.github.reservekit.micronaut.configuration.testing.MicronautTestApps;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A trace started by an HTTP request crosses Kafka in a Micronaut app on the module, with micronaut-tracing's
 * OpenTelemetry (micronaut-tracing-opentelemetry-http) and an in-memory exporter: the record carries the request's
 * trace id in {@code traceparent}, and the follower's handling of it is a span of that trace.
 */
@SharedKafka
class TracingAcrossKafkaIT {

    private static final String IN_MEMORY = "reservekit.test.in-memory-spans";

    /** Spans kept in memory, through the span processor micronaut-tracing adds to its tracer provider. */
    @Factory
    @Requires(property = IN_MEMORY, value = "true")
    static class InMemorySpans {
        @Singleton
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }

        @Singleton
        SpanProcessor spanProcessor(InMemorySpanExporter spans) {
            return SimpleSpanProcessor.create(spans);
        }
    }

    @Test
    void the_records_trace_id_is_the_http_requests_and_the_follower_continues_it(TestKafka kafka) {
        var topic = "traced-" + UUID.randomUUID();
        try (var server = MicronautTestApps.startAndAwait(
                kafka.bootstrapServers(),
                Map.of("reservekit.topic", topic, "reservekit.partitions", "1", IN_MEMORY, "true"))) {
            var spans = server.getApplicationContext().getBean(InMemorySpanExporter.class);

            TraceAcrossKafka.check(
                    server.getURI(),
                    kafka.bootstrapServers(),
                    topic,
                    () -> spans.getFinishedSpanItems().stream()
                            .map(span -> new Span(
                                    span.getKind().name(), span.getTraceId(), span.getSpanId(), span.getParentSpanId()))
                            .toList());
        }
    }
}
